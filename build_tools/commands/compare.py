"""Vad som skiljer två inlästa versioner av innehållet: guide för guide och i lagrumsregistret.

Ändringsrapporten (changes.py) läser in versionerna ur git och skriver ut det som hittas här.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..base.diagnostics import Report
from ..domain.model import OUTCOME_KINDS, URGENCIES, LagrumEntry, Outcome, Project, Question, Tree
from ..domain.paths import bounded_paths
from ..load.lagrum import STATUS_LABELS, citation_text
from ..render.markdown_text import to_plain_text

PATH_LIMIT = 2000  # vägar per guide som jämförs en och en


@dataclass
class GuideReport:
    tree_id: str
    title: str
    status: str = "andrad"  # ny | borttagen | andrad | fel
    rerouted: list[tuple[str, str, str]] = field(default_factory=list)  # (väg, förut, nu)
    outcome_changes: list[str] = field(default_factory=list)
    new_paths: list[str] = field(default_factory=list)
    removed_paths: list[str] = field(default_factory=list)
    added_nodes: list[str] = field(default_factory=list)
    removed_nodes: list[str] = field(default_factory=list)
    reworded: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    log_rows: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def substantive(self) -> bool:
        return bool(
            self.rerouted
            or self.outcome_changes
            or self.new_paths
            or self.removed_paths
            or self.added_nodes
            or self.removed_nodes
            or self.reworded
        )

    @property
    def empty(self) -> bool:
        return self.status == "andrad" and not (self.substantive or self.meta or self.log_rows or self.notes)


def _q(text: str, limit: int = 70) -> str:
    plain = to_plain_text(text)
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def _path_text(tree: Tree, steps) -> str:
    parts = []
    for question_id, answer_id in steps:
        question = tree.nodes.get(question_id)
        if not isinstance(question, Question):
            parts.append(f"{question_id}: {answer_id}")
            continue
        answer = next((a for a in question.answers if a.id == answer_id), None)
        label = _q(answer.label, 50) if answer else answer_id
        parts.append(f"{_q(question.text)} \u2192 {label}")
    return " | ".join(parts)


def _outcome_text(outcome: Outcome) -> str:
    return f"\u201d{_q(outcome.title, 90)}\u201d ({OUTCOME_KINDS[outcome.kind]}, {URGENCIES[outcome.urgency]})"


def _path_map(tree: Tree) -> dict[tuple, str] | None:
    found = bounded_paths(tree, PATH_LIMIT)
    if found.capped:
        return None
    return {tuple((s.question_id, s.answer_id) for s in p.steps): p.outcome_id for p in found.paths}


def _lagrum_name(ref: str, registry: dict[str, LagrumEntry]) -> str:
    entry = registry.get(ref)
    return f"{ref} ({entry.heading})" if entry else ref


def compare_tree(old: Tree, new: Tree, old_lagrum: dict, new_lagrum: dict) -> GuideReport:
    report = GuideReport(new.id, new.title)
    reached = _compare_paths(old, new, report)
    _compare_nodes(old, new, reached, old_lagrum, new_lagrum, report)
    _compare_meta(old, new, report)
    _compare_log(old, new, report)
    return report


def _compare_paths(old: Tree, new: Tree, report: GuideReport) -> dict[str, int]:
    """Svar som nu leder någon annanstans, nya och borttagna vägar. Returnerar antal vägar per utfall."""
    old_paths, new_paths = _path_map(old), _path_map(new)
    if old_paths is None or new_paths is None:
        report.notes.append(f"Guiden har fler än {PATH_LIMIT} vägar; vägarna jämförs inte en och en.")
        old_paths, new_paths = old_paths or {}, new_paths or {}
    for steps, new_end in new_paths.items():
        old_end = old_paths.get(steps)
        if old_end is None:
            report.new_paths.append(f"{_path_text(new, steps)} \u21d2 {_outcome_text(new.nodes[new_end])}")
        elif old_end != new_end:
            report.rerouted.append(
                (_path_text(new, steps), _outcome_text(old.nodes[old_end]), _outcome_text(new.nodes[new_end]))
            )
    for steps, old_end in old_paths.items():
        if steps not in new_paths:
            report.removed_paths.append(f"{_path_text(old, steps)} \u21d2 {_outcome_text(old.nodes[old_end])}")
    return dict(Counter(new_paths.values()))


def _compare_nodes(
    old: Tree, new: Tree, reached: dict[str, int], old_lagrum: dict, new_lagrum: dict, report: GuideReport
) -> None:
    for node_id, node in new.nodes.items():
        before = old.nodes.get(node_id)
        if before is None:
            what = "utfallet" if isinstance(node, Outcome) else "frågan"
            shown = node.title if isinstance(node, Outcome) else node.text
            report.added_nodes.append(f"{node_id}: {what} \u201d{_q(shown, 90)}\u201d")
        elif type(before) is not type(node):
            report.reworded.append(f"{node_id}: är nu {'ett utfall' if isinstance(node, Outcome) else 'en fråga'}")
        elif isinstance(node, Outcome):
            _compare_outcome(before, node, reached.get(node_id, 0), old_lagrum, new_lagrum, report)
        else:
            _compare_question(before, node, report)
    for node_id, node in old.nodes.items():
        if node_id not in new.nodes:
            shown = node.title if isinstance(node, Outcome) else node.text
            report.removed_nodes.append(f"{node_id}: \u201d{_q(shown, 90)}\u201d")


def _compare_meta(old: Tree, new: Tree, report: GuideReport) -> None:
    for label, before, after in (
        ("Titeln", old.title, new.title),
        ("Beskrivningen", old.description, new.description),
        ("Inledningen", old.intro, new.intro),
        ("Ansvarig", old.owner, new.owner),
        ("Första frågan (start)", old.start, new.start),
    ):
        if before != after:
            short = len(after) <= 90 and "\n" not in after
            report.meta.append(f"{label} är ändrad: \u201d{after}\u201d." if short else f"{label} är omskriven.")
    if set(old.audience) != set(new.audience):
        added = sorted(set(new.audience) - set(old.audience))
        removed = sorted(set(old.audience) - set(new.audience))
        text = (
            "Målgrupp:"
            + (f" ny {', '.join(added)}" if added else "")
            + (f" borttagen {', '.join(removed)}" if removed else "")
        )
        report.meta.append(text + ".")
    if old.reviewed != new.reviewed:
        report.meta.append(f"Granskad: {old.reviewed.isoformat()} \u2192 {new.reviewed.isoformat()}.")
    if old.next_review != new.next_review:
        report.meta.append(f"Granskas senast: {old.next_review.isoformat()} \u2192 {new.next_review.isoformat()}.")


def _compare_log(old: Tree, new: Tree, report: GuideReport) -> None:
    old_rows = {(r.date, r.what) for r in old.change_log}
    for row in new.change_log:
        if (row.date, row.what) not in old_rows:
            approved = f" Godkänt av {row.approved_by}." if row.approved_by else " Inte godkänt än."
            report.log_rows.append(f"{row.date.isoformat()}: {row.what}{approved}")
    if report.substantive and not report.log_rows:
        report.notes.append(
            "Ändringsloggen har ingen ny rad. Lägg till en rad under andringar: (datum, vad, godkand_av)."
        )


def _compare_outcome(before: Outcome, after: Outcome, paths: int, old_lagrum, new_lagrum, report: GuideReport) -> None:
    where = f"\u201d{_q(after.title, 70)}\u201d ({after.id}, {paths} {'väg' if paths == 1 else 'vägar'})"
    if before.kind != after.kind:
        report.outcome_changes.append(f"{where}: slag {OUTCOME_KINDS[before.kind]} \u2192 {OUTCOME_KINDS[after.kind]}.")
    if before.urgency != after.urgency:
        report.outcome_changes.append(
            f"{where}: brådska {URGENCIES[before.urgency]} \u2192 {URGENCIES[after.urgency]}."
        )
    added = [r for r in after.lagrum if r not in before.lagrum]
    removed = [r for r in before.lagrum if r not in after.lagrum]
    if added or removed:
        parts = []
        if added:
            parts.append("nytt " + ", ".join(_lagrum_name(r, new_lagrum) for r in added))
        if removed:
            parts.append("borttaget " + ", ".join(_lagrum_name(r, old_lagrum) for r in removed))
        report.outcome_changes.append(f"{where}: lagrum {'; '.join(parts)}.")
    fields = []
    for label, old_value, new_value in (
        ("rubriken", before.title, after.title),
        ("texten", before.body, after.body),
        ("stegen", before.steps, after.steps),
        ("kontaktrutan", before.show_contacts, after.show_contacts),
        (
            "länkarna vidare",
            [(lk.guide_id, lk.node_id, lk.text) for lk in before.links],
            [(lk.guide_id, lk.node_id, lk.text) for lk in after.links],
        ),
        ("obekräftade uppgifter", before.unverified, after.unverified),
    ):
        if old_value != new_value:
            fields.append(label)
    if fields:
        report.reworded.append(f"{after.id}: {', '.join(fields)}")


def _compare_question(before: Question, after: Question, report: GuideReport) -> None:
    fields = []
    if before.text != after.text:
        fields.append("frågan")
    if before.help != after.help:
        fields.append("hjälptexten")
    old_answers = {a.id: a for a in before.answers}
    for answer in after.answers:
        previous = old_answers.get(answer.id)
        if previous is None:
            fields.append(f"nytt svar \u201d{_q(answer.label, 50)}\u201d")
            continue
        if previous.label != answer.label:
            fields.append(f"svaret \u201d{answer.id}\u201d")
        if previous.explanation != answer.explanation:
            fields.append(f"förklaringen till svaret \u201d{answer.id}\u201d")
    for answer_id in old_answers:
        if answer_id not in {a.id for a in after.answers}:
            fields.append(f"svaret \u201d{answer_id}\u201d är borttaget")
    if before.unverified != after.unverified:
        fields.append("obekräftade uppgifter")
    if fields:
        report.reworded.append(f"{after.id}: {', '.join(fields)}")


def compare_registry(old: dict[str, LagrumEntry], new: dict[str, LagrumEntry], trees: dict[str, Tree]) -> list[str]:
    lines = []

    def used_in(ref: str) -> str:
        guides = sorted(t.id for t in trees.values() if any(ref in o.lagrum for o in t.outcomes))
        return f" Används i: {', '.join(guides)}." if guides else ""

    for ref, entry in new.items():
        before = old.get(ref)
        if before is None:
            lines.append(f"Nytt lagrum {ref} ({entry.heading}), {STATUS_LABELS[entry.status].lower()}.{used_in(ref)}")
            continue
        changes = []
        if before.status != entry.status:
            changes.append(f"status {STATUS_LABELS[before.status]} \u2192 {STATUS_LABELS[entry.status]}")
        if citation_text(before) != citation_text(entry):
            changes.append(
                f"hänvisningen \u201d{citation_text(before)}\u201d \u2192 \u201d{citation_text(entry)}\u201d"
            )
        elif (before.chapter, before.section) != (entry.chapter, entry.section):
            changes.append("kapitel eller paragraf (visas inte förrän numret är kontrollerat)")
        if before.summary != entry.summary:
            changes.append("sammanfattningen")
        if _when(before) != _when(entry):
            changes.append("datum eller beslut för när det gäller")
        if changes:
            lines.append(f"{ref} ({entry.heading}): {'; '.join(changes)}.{used_in(ref)}")
    for ref, entry in old.items():
        if ref not in new:
            lines.append(f"Borttaget lagrum {ref} ({entry.heading}).")
    return lines


def _when(entry: LagrumEntry) -> tuple:
    return tuple(getattr(entry, name, None) for name in ("valid_from", "valid_to", "decision"))


def compare(old: Project, new: Project, old_report: Report, new_report: Report) -> tuple[list[GuideReport], list[str]]:
    guides: list[GuideReport] = []
    old_files = {p.stem for p in _tree_files(old)}
    new_files = {p.stem for p in _tree_files(new)}
    for tree_id in sorted(set(old.trees) | set(new.trees) | old_files | new_files):
        before, after = old.trees.get(tree_id), new.trees.get(tree_id)
        if before and after:
            result = compare_tree(before, after, old.lagrum, new.lagrum)
            if not result.empty:
                guides.append(result)
        elif after:
            paths = bounded_paths(after, PATH_LIMIT)
            guides.append(
                GuideReport(
                    tree_id,
                    after.title,
                    status="ny",
                    notes=[f"{len(after.questions)} frågor, {len(after.outcomes)} utfall, {paths.total} vägar."],
                )
            )
        elif before and tree_id not in new_files:
            guides.append(GuideReport(tree_id, before.title, status="borttagen"))
        elif tree_id in new_files:
            errors = [d for d in new_report.errors if d.location.path.stem == tree_id]
            if errors or tree_id not in old_files or before:
                guides.append(
                    GuideReport(
                        tree_id,
                        before.title if before else tree_id,
                        status="fel",
                        notes=[f"Guiden har {len(errors)} fel i den nya versionen och kunde inte jämföras. Kör check."],
                    )
                )
    return guides, compare_registry(old.lagrum, new.lagrum, new.trees)


def _tree_files(project: Project) -> list[Path]:
    folder = project.root / "decision_trees"
    return sorted(folder.glob("*.y*ml")) if folder.is_dir() else []

"""Innehållet som det ser ut en viss dag. Här, och bara här, går datumet in.

Inläsningen (build_tools/load/project.py) ger en modell utan datum: varje lagrum har alla sina
lydelser och varje nod alla sina versioner. ``as_of(modell, dag)`` väljer det som gäller den dagen,
sätter markeringarna om ändringar på sidorna och ger de varningar som beror på dagen. Kontrollen
och renderingen läser vyn, aldrig klockan.

Ett passerat förslag (``beslut: foreslagen`` och ett ``galler_fran`` som har varit) stoppar
inte bygget: den gamla texten står kvar, sidan säger att ändringen väntades men inte är bekräftad,
och ``check`` ger redaktören en varning med fil och rad. ``past_due_proposals(vy)`` ger samma
lista för publiceringskontrollen, som får vägra publicera.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..base.diagnostics import Diagnostic, Report
from ..domain import dated
from ..domain.dated import LawChange, Notice
from ..domain.model import LagrumEntry, Node, Outcome, Project, Tree
from .districts import agreement_flags


def as_of(model: Project, day: dt.date) -> tuple[Project, Report]:
    """Vyn för ``day``: en kopia av modellen med de texter som gäller, och dagens varningar."""
    lagrum = {entry_id: _entry_as_of(entry, day) for entry_id, entry in model.lagrum.items()}
    registry_changes = {entry_id: list(entry.changes) for entry_id, entry in lagrum.items()}
    trees = {tree_id: _tree_as_of(tree, registry_changes, day) for tree_id, tree in model.trees.items()}
    flags = {d.slug: tuple(agreement_flags(model.agreements.get(d.slug), day)) for d in model.districts}
    view = replace(model, today=day, lagrum=lagrum, trees=trees, agreement_flags=flags)
    report = Report()
    check_changes(_checked_changes(view), day, report)
    for entry in lagrum.values():
        _check_future_law(entry, day, report)
    for tree in model.trees.values():
        _check_tree_dates(tree, day, report)
    for tree in trees.values():
        _check_unverified(tree, report)
    _check_chapter_dates(view, day, report)
    _check_agreements(view, report)
    return view, report


def _entry_as_of(entry: LagrumEntry, day: dt.date) -> LagrumEntry:
    if not entry.wordings:
        return entry
    base = entry.wordings[0]
    index = dated.current_index([w.window for w in entry.wordings[1:]], day)
    current = base if index is None else entry.wordings[1 + index]
    return replace(
        entry,
        chapter=current.chapter,
        section=current.section,
        status=current.status,
        summary=current.summary,
        to_verify=current.to_verify,
        state=base.window.state(day),
    )


def _tree_as_of(tree: Tree, registry_changes: Mapping[str, list[LawChange]], day: dt.date) -> Tree:
    nodes = {node_id: _node_as_of(node, registry_changes, day) for node_id, node in tree.nodes.items()}
    return replace(tree, nodes=nodes)


def _node_as_of(node: Node, registry_changes: Mapping[str, list[LawChange]], day: dt.date) -> Node:
    index = dated.current_index([v.window for v in node.variants], day)
    current = node if index is None else node.variants[index].node
    cited = current.lagrum if isinstance(current, Outcome) else ()
    notices = notices_for(node.changes, cited, registry_changes, day)
    return replace(current, notices=notices, variants=node.variants)


def notices_for(
    node_changes: Iterable[LawChange],
    cited: Iterable[str],
    registry_changes: Mapping[str, list[LawChange]],
    day: dt.date,
) -> tuple[Notice, ...]:
    """Markeringarna på en sida: kommande ändringar, ändringar som troligen redan har skett och
    förslag vars datum har passerats. Nodens egna versioner går före registrets ändringar med
    samma lagrum och datum."""
    notices: list[Notice] = []
    seen: set[tuple[str, dt.date]] = set()
    candidates = list(node_changes)
    for ref in cited:
        candidates.extend(registry_changes.get(ref, []))
    for change in candidates:
        key = (change.lagrum_id or change.node_id, change.date)
        if change.lagrum_id and key in seen:
            continue
        if change.date > day:
            notices.append(Notice("kommande", change.date, change.decision, change.text, change.lagrum_id))
        elif change.decision == "foreslagen":
            notices.append(Notice("forslag-passerat", change.date, change.decision, change.text, change.lagrum_id))
        elif change.decision == "troligen-beslutad":
            notices.append(Notice("troligen", change.date, change.decision, change.text, change.lagrum_id))
        else:
            continue
        seen.add(key)
    notices.sort(key=lambda n: (n.kind not in ("troligen", "forslag-passerat"), n.date))
    return tuple(notices)


# ---------------------------------------------------------------------------- dagens varningar

_PAST_DUE_HINT = (
    "Att göra: kontrollera på riksdagen.se (och i SFS) om förslaget har blivit lag. Har det det: "
    "ändra beslut till beslutad och fyll i SFS-numret (sfs, och i kallor). Har det inte det: ändra "
    "galler_fran till det nya datumet, eller ta bort ändringen. Till dess visar sajten den gamla "
    "texten och säger på sidorna att ändringen inte är bekräftad."
)


def check_changes(changes: Iterable[LawChange], day: dt.date, report: Report) -> None:
    """Varningar om ändringar som närmar sig, sker i dag eller har passerats utan bekräftat beslut."""
    for change in changes:
        days = (change.date - day).days
        what = _describe(change)
        if 0 < days <= dated.WARN_DAYS:
            report.warning(
                change.location,
                f"{what} börjar gälla {change.date.isoformat()}, om {days} dagar ({change.decision_label.lower()}).",
                "Kontrollera att texten för tiden efter ändringen är klar och att beslutet stämmer. "
                "Sajten byter text av sig själv det datumet, om den byggs om varje dag.",
                code="andring-snart",
            )
        elif days == 0 and change.decision == "foreslagen":
            report.warning(
                change.location,
                f"{what} skulle enligt förslaget börja gälla i dag ({change.date.isoformat()}), men är inte bekräftat.",
                "Kontrollera i dag på riksdagen.se om förslaget har blivit lag och ändra beslut till beslutad. "
                "Ett förslag byter aldrig text av sig självt: sidorna säger nu att ändringen inte är bekräftad.",
                code="forslag-i-dag",
            )
        elif days < 0 and change.decision == "foreslagen":
            report.warning(
                change.location,
                f"{what} skulle börja gälla {change.date.isoformat()}, men är fortfarande bara ett förslag.",
                _PAST_DUE_HINT,
                code="forslag-passerat",
            )
        elif days <= 0 and change.decision == "troligen-beslutad":
            report.warning(
                change.location,
                f"{what} gäller troligen sedan {change.date.isoformat()}, men beslutet är inte bekräftat.",
                "Kontrollera lagtexten på riksdagen.se och ändra beslut till beslutad, med SFS-nummer som källa.",
                code="andring-obekraftad",
            )


def _describe(change: LawChange) -> str:
    if change.guide_id:
        return f"Versionen av \u201d{change.node_id}\u201d i guiden \u201d{change.guide_id}\u201d"
    kinds = {"borjar": "Lagrummet", "upphor": "Slutet för lagrummet", "lydelse": "Den nya lydelsen av"}
    return f"{kinds.get(change.kind, 'Ändringen i')} \u201d{change.lagrum_id}\u201d"


def past_due_proposals(view: Project) -> list[Diagnostic]:
    """Förslag vars datum har passerats (dagen efter ``galler_fran`` och senare) utan bekräftat
    beslut, med fil och rad. I ``check`` är de varningar; publiceringskontrollen kan göra dem till fel
    (``replace(d, severity=Severity.ERROR)``)."""
    if view.today is None:
        raise ValueError("past_due_proposals behöver en vy för en dag (dated_view.as_of).")
    report = Report()
    for change in _checked_changes(view):
        if change.date < view.today and change.decision == "foreslagen":
            check_changes([change], view.today, report)
    return [d for d in report.items if d.code == "forslag-passerat"]


def _checked_changes(view: Project) -> list[LawChange]:
    """Ändringarna som dagens varningar gäller: registrets, och guidernas egna versioner. En version
    som hör till en ändring i registret (lagandring:) varnas under registrets post."""
    changes = [c for entry in view.lagrum.values() for c in entry.changes]
    for tree in view.trees.values():
        for node in tree.nodes.values():
            changes.extend(c for c in node.changes if not c.lagrum_id)
    return changes


def _check_future_law(entry: LagrumEntry, day: dt.date, report: Report) -> None:
    if entry.in_force and entry.in_force > day and entry.kind == "lag":
        report.warning(
            entry.location,
            f"Lagrummet \u201d{entry.id}\u201d börjar gälla först {entry.in_force.isoformat()}.",
            "Kontrollera att texterna som hänvisar hit säger att regeln ännu inte gäller.",
            code="lagrum-framtida",
        )


def _check_tree_dates(tree: Tree, day: dt.date, report: Report) -> None:
    if tree.reviewed <= tree.next_review < day:
        report.warning(
            tree.next_review_location or tree.location,
            f"Guiden skulle ha granskats senast {tree.next_review.isoformat()}.",
            "Granska innehållet och uppdatera granskad och granskas_senast.",
            code="granskning-passerad",
        )
    if tree.reviewed > day:
        report.warning(
            tree.reviewed_location or tree.location,
            f"Granskningsdatumet {tree.reviewed.isoformat()} ligger i framtiden.",
            "Ange dagens datum eller ett tidigare.",
            code="granskad-framtid",
        )
    for entry in tree.change_log:
        if entry.date > day:
            report.warning(
                entry.location,
                f"Ändringen \u201d{entry.what}\u201d har ett datum i framtiden ({entry.date.isoformat()}).",
                "Skriv dagen då ändringen gjordes.",
                code="andringar-framtid",
            )


def _check_unverified(tree: Tree, report: Report) -> None:
    """Obekräftade uppgifter i den text som gäller i dag (en version kan ha egna)."""
    for node in tree.nodes.values():
        for i, note in enumerate(node.unverified):
            report.warning(
                node.unverified_at[i] if i < len(node.unverified_at) else node.location,
                f"Obekräftad uppgift i \u201d{node.id}\u201d: {note}",
                "Kontrollera uppgiften i en källa och ta sedan bort raden ur obekraftat.",
                code="obekraftat",
            )


def _check_chapter_dates(view: Project, day: dt.date, report: Report) -> None:
    for chapter in view.chapters:
        if chapter.reviewed <= chapter.next_review < day and chapter.next_review_location is not None:
            report.warning(
                chapter.next_review_location,
                f"Sidan skulle ha granskats senast {chapter.next_review.isoformat()}.",
                "Granska innehållet och uppdatera granskad och granskas_senast.",
                code="granskning-passerad",
            )


def _check_agreements(view: Project, report: Report) -> None:
    names = {d.slug: d.name for d in view.districts}
    for agreement in view.agreements.values():
        if agreement.location is None:
            continue
        for flag in view.agreement_flags.get(agreement.district, ()):
            report.warning(
                agreement.location,
                f"Samverkansöverenskommelse, {names.get(agreement.district, agreement.district)}: {flag}.",
                "Fyll i uppgiften med källa när den är känd. Okänt ska stå som okänt.",
                code="overenskommelse-uppfoljning",
            )

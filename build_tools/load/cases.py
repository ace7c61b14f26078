"""Övningsfallen: inläsning och kontroll att svaren verkligen leder till det utfall fallet anger."""

from __future__ import annotations

from pathlib import Path

from ..base.diagnostics import Report
from ..check.schema_check import check_against_schema
from ..check.validate import check_lagrum_refs, suggest
from ..domain.model import CaseStep, LagrumEntry, Outcome, Question, TrainingCase, Tree
from ..source.yaml_source import load_yaml


def load_cases(
    path: Path,
    trees: dict[str, Tree],
    lagrum: dict[str, LagrumEntry],
    report: Report,
    broken_trees: set[str] = frozenset(),
) -> list[TrainingCase]:
    """Läs fallen. Fall till guider som själva har fel hoppas över (deras fel räcker)."""
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "ovningsfall.schema.json", report):
        return []
    cases: list[TrainingCase] = []
    seen: set[str] = set()
    for index, raw in enumerate(doc.data["ovningsfall"]):
        at = ("ovningsfall", index)
        case = TrainingCase(
            id=raw["id"],
            title=raw["titel"].strip(),
            audience=tuple(raw["malgrupp"]),
            scenario=raw["scenario"].strip(),
            guide_id=raw["guide"],
            steps=tuple(
                CaseStep(
                    s["nod"],
                    s["svar"],
                    s["motivering"].strip(),
                    doc.at((*at, "svar", i)),
                    tuple((k, v.strip()) for k, v in (s.get("varfor_inte") or {}).items()),
                )
                for i, s in enumerate(raw["svar"])
            ),
            outcome_id=raw["utfall"],
            why=raw["varfor"].strip(),
            discussion=tuple(q.strip() for q in raw["diskussion"]),
            lagrum=tuple(raw["lagrum"]),
            location=doc.at((*at, "id")),
            goals=tuple(g.strip() for g in raw.get("mal") or ()),
            minutes=int(raw.get("tid") or 20),
            trainer_note=(raw.get("utbildarens_anteckning") or "").strip(),
        )
        if case.guide_id in broken_trees:
            continue
        before = len(report.errors)
        if case.id in seen:
            report.error(
                case.location,
                f"Övningsfallet \u201d{case.id}\u201d finns två gånger.",
                "Ge varje fall ett eget id.",
                code="dubblett-fall",
            )
        seen.add(case.id)
        check_lagrum_refs(case.lagrum, lagrum, doc, (*at, "lagrum"), report)
        _check_walk(case, trees, doc.at((*at, "guide")), doc.at((*at, "utfall")), report)
        if len(report.errors) == before:
            _check_why_not(case, trees[case.guide_id], doc, at, report)
        if len(report.errors) == before:
            cases.append(case)
    return cases


def _check_walk(case: TrainingCase, trees: dict[str, Tree], guide_at, outcome_at, report: Report) -> None:
    tree = trees.get(case.guide_id)
    if tree is None:
        report.error(
            guide_at,
            f"Fallet \u201d{case.id}\u201d hör till guiden \u201d{case.guide_id}\u201d, som inte finns."
            f"{suggest(case.guide_id, sorted(trees))}",
            "Ange id för en guide i decision_trees/.",
            code="fall-okand-guide",
        )
        return
    current = tree.start
    for step in case.steps:
        node = tree.nodes.get(current)
        if not isinstance(node, Question):
            report.error(
                step.location,
                f"Fallet \u201d{case.id}\u201d har fler svar än guiden har frågor: efter föregående svar "
                f"är guiden redan vid utfallet \u201d{current}\u201d.",
                "Ta bort svaren efter det, eller ändra utfall.",
                code="fall-for-manga-svar",
            )
            return
        if step.question_id != current:
            report.error(
                step.location,
                f"I fallet \u201d{case.id}\u201d står frågan \u201d{step.question_id}\u201d, men guiden ställer "
                f"frågan \u201d{current}\u201d här.",
                "Svaren ska stå i den ordning guiden ställer frågorna, från guidens första fråga.",
                code="fall-fel-fraga",
            )
            return
        answer = next((a for a in node.answers if a.id == step.answer_id), None)
        if answer is None:
            options = [a.id for a in node.answers]
            report.error(
                step.location,
                f"Frågan \u201d{current}\u201d har inget svar \u201d{step.answer_id}\u201d."
                f"{suggest(step.answer_id, options)}",
                "Välj ett av: " + ", ".join(options) + ".",
                code="fall-okant-svar",
            )
            return
        current = answer.next_id
    if current != case.outcome_id:
        where = "utfallet" if isinstance(tree.nodes.get(current), Outcome) else "frågan"
        report.error(
            outcome_at,
            f"Svaren i fallet \u201d{case.id}\u201d leder till {where} \u201d{current}\u201d, "
            f"inte till \u201d{case.outcome_id}\u201d.",
            "Rätta svaren eller utfall så att de stämmer med guiden.",
            code="fall-fel-utfall",
        )


def _check_why_not(case: TrainingCase, tree: Tree, doc, at: tuple, report: Report) -> None:
    """ "Varför inte …?" ska gälla ett annat svar på samma fråga. Varnar för fall som saknar mål och
    förklaringar för svar som leder någon annanstans, så att redaktören ser vad som återstår."""
    missing: list[str] = []
    for index, step in enumerate(case.steps):
        question = tree.nodes[step.question_id]
        options = [a.id for a in question.answers]
        for answer_id, _text in step.why_not:
            where = doc.at((*at, "svar", index, "varfor_inte", answer_id))
            if answer_id == step.answer_id:
                report.error(
                    where,
                    f"\u201dVarför inte\u201d gäller svaret \u201d{answer_id}\u201d, som är fallets eget svar på "
                    f"frågan \u201d{step.question_id}\u201d.",
                    "Skriv bara förklaringar för de andra svaren.",
                    code="fall-varfor-inte",
                )
            elif answer_id not in options:
                report.error(
                    where,
                    f"Frågan \u201d{step.question_id}\u201d har inget svar \u201d{answer_id}\u201d."
                    f"{suggest(answer_id, options)}",
                    "Välj ett av: " + ", ".join(options) + ".",
                    code="fall-varfor-inte",
                )
        explained = {a for a, _ in step.why_not} | {step.answer_id}
        missing += [f"{step.question_id}.{a}" for a in options if a not in explained]
    if missing:
        report.warning(
            case.location,
            f"Fallet \u201d{case.id}\u201d förklarar inte varför dessa svar inte passar: {', '.join(missing)}.",
            "Lägg till varfor_inte under svaret i fallet, med en mening för varje annat svar.",
            code="fall-utan-varfor-inte",
        )
    if not case.goals:
        report.warning(
            case.location,
            f"Fallet \u201d{case.id}\u201d har inga lärandemål.",
            "Lägg till mal: med en eller två rader som fortsätter 'Efter fallet kan du …'.",
            code="fall-utan-mal",
        )

"""Övningsfallen för utbildaren: fallens sidor, filtret per roll och utskrifterna per roll, med och
utan facit. Sidorna är vanliga statiska sidor; jämförelsen med deltagarens svar görs i webbläsaren
(walker.js) ur adressens fragment och sparas aldrig."""

from __future__ import annotations

import json

from ..addresses import urls
from ..addresses.answer_state import encode_steps
from ..domain.model import TrainingCase
from .markdown_text import to_plain_text
from .page import Page


def case_context(project, case: TrainingCase) -> dict:
    """Det fallets sida och utskrifterna behöver: förslagets steg med "Varför inte …?"."""
    tree = project.trees[case.guide_id]
    steps = []
    why_not: dict[str, dict[str, str]] = {}
    for step in case.steps:
        question = tree.nodes[step.question_id]
        labels = {a.id: to_plain_text(a.label) for a in question.answers}
        steps.append(
            {
                "question": to_plain_text(question.text),
                "answer": labels[step.answer_id],
                "reasoning": step.reasoning,
                "why_not": [{"label": f"\u201d{labels[a]}\u201d", "text": text} for a, text in step.why_not],
            }
        )
        if step.why_not:
            why_not[step.question_id] = {a: to_plain_text(text) for a, text in step.why_not}
    return {
        "case": case,
        "tree": tree,
        "steps": steps,
        "outcome": tree.nodes[case.outcome_id],
        "path_state": encode_steps(case.steps),
        "why_not_json": json.dumps(why_not, ensure_ascii=False, separators=(",", ":")),
    }


def selection_page(builder):
    """Sidan "Skriv ut valda fall": alla fall med facit; kryssrutorna styr vad som skrivs ut.

    Utan JavaScript skrivs alla fall ut (rutorna är ikryssade från början). Med JavaScript väljs
    fallen från övningsfallens sida via adressens fragment (#fall=a,b&facit=ja), som aldrig skickas."""
    project = builder.project
    ordered = [c for tree in project.trees.values() for c in project.cases if c.guide_id == tree.id]
    cases = [case_context(project, c) for c in ordered]
    body = builder._render("cases_print.html.j2", urls.SELECTION_URL, cases=cases, audience=builder._audience)
    return Page(urls.SELECTION_SOURCE, "Skriv ut valda övningsfall", body, hide=("navigation",), searchable=False)

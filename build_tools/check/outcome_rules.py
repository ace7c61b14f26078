"""Regler för hur ett utfall läses på en telefon: kort rubrik, och märkning som inte säger emot texten.

- En rubrik på fler än 12 ord blir en hel skärm på en telefon. Resten hör hemma i texten.
- Brådskan ("Planera in", "Inom några dagar") får inte säga emot texten ("genast", "i dag").
- "Inte tillåtet" får inte stå på ett utfall som säger att det är tillåtet med samtycke.
"""

from __future__ import annotations

import re

from ..base.diagnostics import Report
from ..domain.model import Tree

MAX_TITLE_WORDS = 12

# Ord i texten som betyder att något ska ske samma dag, och de brådskor som då säger emot.
_NOW_WORDS = re.compile(r"\b(genast|omedelbart|i dag|idag|samma dag|ring 112|akut)\b", re.IGNORECASE)
_SLOW_URGENCIES = {"planerat": "Planera in", "snart": "Inom några dagar"}
_CONSENT_ALLOWS = re.compile(r"\b(behöver samtycke|kräver samtycke|med samtycke|utan samtycke)\b", re.IGNORECASE)


def title_words(title: str) -> int:
    return len([w for w in re.split(r"\s+", title.strip()) if w and w not in {"–", "-", "—"}])


def check_outcomes(trees: dict[str, Tree], report: Report) -> None:
    for tree in trees.values():
        for outcome in tree.outcomes:
            words = title_words(outcome.title)
            if words > MAX_TITLE_WORDS:
                report.warning(
                    outcome.location,
                    f"Rubriken för utfallet \u201d{outcome.id}\u201d har {words} ord. På en telefon tar den "
                    "hela första skärmen.",
                    f"Korta rubriken till högst {MAX_TITLE_WORDS} ord och flytta resten till text.",
                    code="rubrik-lang",
                )
            own_words = " ".join([outcome.title, *outcome.steps])
            if outcome.urgency in _SLOW_URGENCIES:
                found = _NOW_WORDS.search(own_words)
                if found:
                    report.warning(
                        outcome.location,
                        f"Utfallet \u201d{outcome.id}\u201d är märkt \u201d{_SLOW_URGENCIES[outcome.urgency]}\u201d, "
                        f"men rubriken eller stegen säger \u201d{found.group(0)}\u201d.",
                        "Ändra bradska (till idag eller omedelbart), eller skriv om texten så att den "
                        "stämmer med märkningen.",
                        code="bradska-motsager-text",
                    )
            if outcome.kind == "inte-tillatet":
                found = _CONSENT_ALLOWS.search(outcome.title)
                if found:
                    report.warning(
                        outcome.location,
                        f"Utfallet \u201d{outcome.id}\u201d är märkt \u201dInte tillåtet\u201d, men rubriken säger att "
                        f"det går med samtycke (\u201d{found.group(0)}\u201d).",
                        "Använd slag: kraver-samtycke (Kräver samtycke) eller skriv i rubriken vad som krävs.",
                        code="bradska-motsager-text",
                    )

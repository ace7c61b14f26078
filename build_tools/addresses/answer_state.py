"""Svaren i en guide som text: 'fraga.svar,fraga.svar'. Samma format som walker.js använder i
adressens fragment (#svar=...). Den här modulen är Python-sidans enda kodning av formatet."""

from __future__ import annotations

import re
from collections.abc import Iterable

LIST_SEP = ","
PAIR_SEP = "."
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def encode(pairs: Iterable[tuple[str, str]]) -> str:
    """[('fara', 'ja'), ('oro', 'nej')] → 'fara.ja,oro.nej'."""
    return LIST_SEP.join(f"{question}{PAIR_SEP}{answer}" for question, answer in pairs)


def encode_steps(steps) -> str:
    """Som encode, för steg med question_id och answer_id (övningsfall, vägar i en guide)."""
    return encode((step.question_id, step.answer_id) for step in steps)


def decode(text: str) -> list[tuple[str, str]] | None:
    """'fara.ja,oro.nej' → [('fara', 'ja'), ('oro', 'nej')]; None om texten inte följer formatet."""
    if not text:
        return []
    pairs = []
    for part in text.split(LIST_SEP):
        question, sep, answer = part.partition(PAIR_SEP)
        if not sep or not _SLUG.match(question) or not _SLUG.match(answer):
            return None
        pairs.append((question, answer))
    return pairs

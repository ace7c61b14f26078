"""Det riktiga innehållet, inläst en gång per testkörning (både vid insamlingen och i fixturerna).

Testerna läser aldrig klockan: innehållet visas som det ser ut ``TEST_DAY``, och byggen som testerna
startar (mkdocs build, python -m build_tools) får samma dag genom SAMVERKAN_IDAG (se tests/conftest.py).
Flytta dagen framåt med avsikt, när innehållet har fått en ny period att prova; datumbytena själva
provas dag för dag i tests/unit/test_dated.py.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from build_tools.domain.model import Project
from build_tools.load.project import Layout, load_project

ROOT = Path(__file__).resolve().parent.parent

TEST_DAY = dt.date(2026, 12, 7)


@functools.cache
def real_project() -> Project:
    """Vyn för TEST_DAY av sajtens innehåll. Har innehållet fel blir modellen tom, och testet av
    innehållskontrollen (och `check` i CI) säger vad som är fel."""
    project, report = load_project(Layout(ROOT), TEST_DAY)
    if not report.ok:
        return Project(root=ROOT, today=TEST_DAY)
    return project

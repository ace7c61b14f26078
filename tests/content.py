"""Det riktiga innehållet, inläst en gång per testkörning (både vid insamlingen och i fixturerna)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from build_tools.domain.model import Project
from build_tools.load.project import Layout, load_project

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def real_project() -> Project:
    """Modellen för sajtens innehåll. Har innehållet fel blir modellen tom, och testet av
    innehållskontrollen (och `check` i CI) säger vad som är fel."""
    project, report = load_project(Layout(ROOT), dt.date.today())
    if not report.ok:
        return Project(root=ROOT)
    return project

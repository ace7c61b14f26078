"""Var innehållet ligger, och inläsning av allt innehåll till en validerad modell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Location, Report
from .lagrum import load_lagrum
from .model import Project
from .trees import load_tree
from .validate import check_cross_links, check_tree


@dataclass(frozen=True)
class Layout:
    """Projektets mappar. Allt räknas från projektroten."""

    root: Path

    @property
    def trees_dir(self) -> Path:
        return self.root / "decision_trees"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def lagrum_file(self) -> Path:
        return self.data_dir / "lagrum.yaml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def guides_dir(self) -> Path:
        return self.root / "guides"

    @property
    def output_dir(self) -> Path:
        """Den genererade källmappen som MkDocs (eller en annan generator) bygger från."""
        return self.root / "build" / "docs"


def default_root() -> Path:
    return Path(__file__).resolve().parent.parent


def load_project(layout: Layout, today: dt.date | None = None) -> tuple[Project, Report]:
    today = today or dt.date.today()
    report = Report()
    project = Project(root=layout.root)
    if not layout.lagrum_file.exists():
        report.error(
            Location(layout.lagrum_file),
            "Lagrumsregistret saknas.",
            "Filen data/lagrum.yaml behövs för att guiderna ska kunna hänvisa till lagen.",
            code="lagrum-saknas",
        )
    else:
        project.lagrum = load_lagrum(layout.lagrum_file, report, today)

    tree_files = sorted(layout.trees_dir.glob("*.yaml")) + sorted(layout.trees_dir.glob("*.yml"))
    if not tree_files:
        report.warning(Location(layout.trees_dir), "Det finns inga guider i decision_trees/.", code="inga-guider")
    lagrum_ok = not any(d.location.path == layout.lagrum_file for d in report.errors)
    for path in tree_files:
        tree_report = Report()
        loaded = load_tree(path, tree_report)
        if loaded is not None:
            tree, doc = loaded
            if tree.id in project.trees:
                tree_report.error(
                    tree.location,
                    f"Guiden \u201d{tree.id}\u201d finns redan i {project.trees[tree.id].source.name}.",
                    "Varje guide behöver ett eget id.",
                    code="dubblett-guide",
                )
            else:
                check_tree(tree, doc, project.lagrum if lagrum_ok else _accept_all(tree), tree_report, today)
                if tree_report.ok:
                    project.trees[tree.id] = tree
        report.extend(tree_report)
    check_cross_links(project.trees, report)
    return project, report


def _accept_all(tree) -> dict:
    """När registret självt har fel: rapportera inte följdfel för varje hänvisning."""
    return {ref: None for outcome in tree.outcomes for ref in outcome.lagrum}

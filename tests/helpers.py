"""Hjälpfunktioner för testerna: tillfälliga projekt med eget innehåll."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"


def make_project(tmp_path: Path, tree_text: str | None = None, name: str = "exempel.yaml") -> Path:
    """Kopiera minimalprojektet och byt (valfritt) ut guiden mot ``tree_text``."""
    root = tmp_path / "projekt"
    shutil.copytree(MINIMAL, root)
    if tree_text is not None:
        (root / "decision_trees" / "exempel.yaml").unlink()
        (root / "decision_trees" / name).write_text(tree_text, encoding="utf-8")
    return root


def minimal_tree_text() -> str:
    return (MINIMAL / "decision_trees" / "exempel.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """Radnumret (från 1) där ``needle`` står för ``occurrence``:e gången."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} finns inte i texten")

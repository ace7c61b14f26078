"""Tillgänglighetsredogörelsen (docs/tillganglighet.md): fält som ägaren måste fylla i före publicering.

Ett fält skrivs **[ÄGAREN FYLLER I: vad]**. check varnar för varje fält
som står kvar, med rad och kolumn, så att ingen kan missa dem."""

from __future__ import annotations

import re
from pathlib import Path

from ..base.diagnostics import Location, Report
from ..source.content_safety import too_big

MARKER = "ÄGAREN FYLLER I"
_FIELD = re.compile(r"ÄGAREN FYLLER I:\s*([^\]]*)")


def statement_fields(docs_dir: Path) -> list[tuple[Location, str]]:
    """Fälten som står kvar: plats och vad som ska fyllas i (också för check --publicering)."""
    path = docs_dir / "tillganglighet.md"
    if too_big(path):
        return []  # rapporteras av innehållskontrollen
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # saknas eller går inte att läsa: det rapporteras där sidorna läses in
    return [
        (Location(path, number, found.start() + 1), found.group(1).strip())
        for number, line in enumerate(text.splitlines(), start=1)
        for found in _FIELD.finditer(line)
    ]


def check_statement(docs_dir: Path, report: Report) -> None:
    for location, what in statement_fields(docs_dir):
        report.warning(
            location,
            f"Tillgänglighetsredogörelsen har ett fält som ägaren ska fylla i: {what}.",
            "Ersätt hela **[ÄGAREN FYLLER I: …]** med den riktiga uppgiften. Det beslutar "
            "den organisation som ansvarar för sajten.",
            code="redogorelse-att-fylla-i",
        )

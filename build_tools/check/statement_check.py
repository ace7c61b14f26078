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


def check_statement(docs_dir: Path, report: Report) -> None:
    path = docs_dir / "tillganglighet.md"
    if too_big(path):
        return  # rapporteras av innehållskontrollen
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # saknas eller går inte att läsa: det rapporteras där sidorna läses in
    for number, line in enumerate(text.splitlines(), start=1):
        for found in _FIELD.finditer(line):
            report.warning(
                Location(path, number, found.start() + 1),
                f"Tillgänglighetsredogörelsen har ett fält som ägaren ska fylla i: {found.group(1).strip()}.",
                "Ersätt hela **[ÄGAREN FYLLER I: …]** med den riktiga uppgiften. Det beslutar "
                "den organisation som ansvarar för sajten.",
                code="redogorelse-att-fylla-i",
            )

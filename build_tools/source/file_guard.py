"""Bara vanliga filer i projektet läses.

En symbolisk länk i docs/ skulle annars publicera vilken fil som helst på byggdatorn (``docs/passwd.txt``
→ /etc/passwd), och en länk i decision_trees/ eller data/ skulle få check att citera filen den pekar på i
ett felmeddelande, och i en CI-logg. Därför granskas innehållsmapparna innan något läses: symboliska länkar
(till filer eller mappar), namngivna rör (FIFO), enhetsfiler och uttag (socket) är fel, med sökvägen i
meddelandet. Inget i filen som länken pekar på läses eller visas.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..base.diagnostics import Location, Report

CONTENT_FOLDERS = ("decision_trees", "data", "guides", "docs")
CODE = "inte-vanlig-fil"


def what_it_is(path: Path) -> str | None:
    """Vad sökvägen är, om den inte är en vanlig fil eller mapp (t.ex. "en symbolisk länk"); annars None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # finns inte: rapporteras där filen behövs
    if stat.S_ISLNK(mode):
        return "en symbolisk länk"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "ett namngivet rör (FIFO)"
    if stat.S_ISSOCK(mode):
        return "ett uttag (socket)"
    return "en enhetsfil"


def report_not_regular(path: Path, kind: str, report: Report) -> None:
    report.error(
        Location(path, 1, 1),
        f"Sökvägen är {kind}, inte en vanlig fil eller mapp i projektet. Sådant läses inte.",
        "Lägg en vanlig fil (en kopia av innehållet) på platsen i stället, eller ta bort länken. "
        "Innehållet får bara komma från filer i projektets egna mappar.",
        code=CODE,
    )


def check_regular_files(root: Path, report: Report) -> bool:
    """Granska innehållsmapparna (utan att följa länkar). Returnerar True om allt är vanliga filer och mappar."""
    found = False
    for name in CONTENT_FOLDERS:
        for path, kind in _walk(root / name):
            report_not_regular(path, kind, report)
            found = True
    return not found


def _walk(folder: Path):
    """(sökväg, vad den är) för allt i mappen som inte är en vanlig fil eller mapp, mappen själv medräknad."""
    kind = what_it_is(folder)
    if kind is not None:
        yield folder, kind
        return
    if not folder.is_dir():
        return
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            kind = what_it_is(path)
            if kind is not None:
                yield path, kind
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)

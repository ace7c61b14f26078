"""Förhandsvisningen (``mkdocs serve``): innehållsfel visas i webbläsaren i stället för att sidan hänger.

När innehållet har fel under förhandsvisningen skrivs build/docs/ inte om. Sajten byggs från den
senaste versionen som fungerade, och varje sida får en svensk ruta överst med felen (fil, rad och
vad som är fel). Nästa gång filen sparas utan fel försvinner rutan. Finns ingen fungerande version
(t.ex. första gången) blir varje sida i menyn en felsida.

Modulen känner inte till MkDocs; build_tools/adapters/mkdocs_hooks.py kopplar in den. Tillståndet sparas här,
eftersom MkDocs läser in krokfilen på nytt vid varje ombyggnad.
"""

from __future__ import annotations

import html
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..base.diagnostics import Report, Severity


@dataclass
class PreviewState:
    serving: bool = False
    report: Report | None = None  # innehållets fel vid senaste bygget, eller None
    root: Path | None = None
    started: float = field(default_factory=time.monotonic)


STATE = PreviewState()


def error_box(report: Report, root: Path) -> str:
    """Rutan med felen, som HTML (Materials stil för varningsrutor, inga egna stilar eller skript)."""
    errors = [d for d in report.sorted() if d.severity is Severity.ERROR]
    items = []
    for d in errors[:20]:
        hint = f"<br><em>Så här rättar du:</em> {html.escape(d.hint)}" if d.hint else ""
        items.append(
            f"<li><code>{html.escape(d.location.display(root))}</code> {html.escape(d.message)}"
            f" <code>[{html.escape(d.code)}]</code>{hint}</li>"
        )
    more = f"<p>… och {len(errors) - 20} fel till. Kör check för att se alla.</p>" if len(errors) > 20 else ""
    count = "1 fel" if len(errors) == 1 else f"{len(errors)} fel"
    return (
        '<div class="admonition danger sv-preview-error" role="alert" data-search-exclude markdown="0">'
        f'<p class="admonition-title">Innehållet har {count}</p>'
        "<p>Förhandsvisningen visar den senaste versionen som fungerade. Rätta felet och spara filen, "
        "så laddas sidan om av sig själv.</p>"
        f"<ul>{''.join(items)}</ul>{more}</div>\n\n"
    )


def error_page(report: Report, root: Path) -> str:
    """En hel sida med felen, när det inte finns någon tidigare version att visa."""
    return (
        '---\ntitle: "Innehållet har fel"\n---\n\n# Innehållet har fel\n\n'
        + error_box(report, root)
        + "Sajten kunde inte byggas ännu. Rätta felen ovan och spara filen.\n"
    )


def print_errors(report: Report, root: Path) -> None:
    """Skriv felen i terminalen varje gång (utanför MkDocs logg, som tar bort upprepade meddelanden)."""
    errors = [d for d in report.sorted() if d.severity is Severity.ERROR]
    print("\nInnehållet har fel. Sidan i webbläsaren visar felen; rätta och spara igen.", file=sys.stderr)
    for d in errors:
        print(d.format(root), file=sys.stderr)
    print("", file=sys.stderr, flush=True)


def nav_sources(nav) -> list[str]:
    """Alla sidor i menyn (nav i mkdocs.yml)."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            found.extend(nav_sources(item))
    elif isinstance(nav, dict):
        for value in nav.values():
            found.extend(nav_sources(value))
    return found


def write_error_site(out: Path, nav, report: Report, root: Path) -> None:
    """Första bygget har fel och det finns ingen tidigare version: varje sida i menyn blir felsidan."""
    page = error_page(report, root)
    for source in {"index.md", *nav_sources(nav)}:
        path = out / source
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")

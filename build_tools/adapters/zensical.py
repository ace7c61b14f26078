"""Zensical-adaptern: bygger sajten med Zensical, så långt Zensical räcker.

    .venv/bin/python -m build_tools.adapters.zensical [--rot MAPP] [--idag ÅÅÅÅ-MM-DD]

Zensical läser mkdocs.yml men kör inga MkDocs-krokar. Adaptern gör därför själv det som kroken
(mkdocs_hooks.py) gör för MkDocs: bygger build/docs/ med kärnan före, och lägger de svenska sökorden i
sökindexet efter, om indexet har Materials format. Det som ännu inte går med Zensical står i GAPS;
scripts/zensical_trial.py skriver ut listan och mäter resten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from ..base.build_day import BuildDayError, build_day
from ..base.layout import Layout, default_root
from ..load.project import load_project
from ..render.site import write_site
from .search_index import augment_site_search

# Det som hänger på MkDocs eller Material och därför inte följer med till Zensical (se README,
# "När Material for MkDocs slutar underhållas").
GAPS = (
    "svenska sökord i sökindexet (search_index.py skriver Materials lunr-format)",
    "search-query.js och md-scope.js talar med Materials sökning och __md_*-funktioner",
    "kroken on_page_markdown: länken till källfilen och att granskningsvyn och handboken hålls utanför sökningen",
    "förhandsvisningens felruta (kroken on_config)",
)


def build(layout: Layout, today: dt.date, zensical: str = "zensical") -> int:
    """Bygg site/ med Zensical. Returnerar 0, 1 om innehållet har fel, annars Zensicals felkod."""
    project, report = load_project(layout, today)
    if not report.ok:
        print(f"Innehållet har fel ({report.summary()}). Kör python -m build_tools check.", file=sys.stderr)
        return 1
    write_site(project, layout)
    result = subprocess.run([zensical, "build", "--strict", "-f", "mkdocs.yml"], cwd=layout.root, check=False)
    if result.returncode != 0:
        return result.returncode
    site = layout.root / "site"
    if (site / "search" / "search_index.json").exists():
        augment_site_search(site, project)
    return 0


def _zensical_binary() -> str:
    beside = Path(sys.executable).with_name("zensical")  # samma miljö som Python (t.ex. .venv/bin/)
    return str(beside) if beside.exists() else shutil.which("zensical") or "zensical"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bygg sajten med Zensical (utan MkDocs-krokar).")
    parser.add_argument("--rot", type=Path, default=default_root(), help="projektets rotmapp")
    parser.add_argument("--idag", type=dt.date.fromisoformat, help="räkna som om det vore detta datum")
    parser.add_argument("--zensical", default=_zensical_binary(), help="Zensical-programmet")
    args = parser.parse_args(argv)
    try:
        day = build_day(args.idag)  # klockan läses bara här (build_tools/base/build_day.py)
    except BuildDayError as error:
        print(error, file=sys.stderr)
        return 2
    return build(Layout(args.rot.resolve()), day, args.zensical)


if __name__ == "__main__":
    raise SystemExit(main())

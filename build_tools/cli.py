"""Kommandoraden: ``python -m build_tools check`` och ``python -m build_tools build``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from pathlib import Path

from .diagnostics import Severity
from .project import Layout, default_root, load_project

USAGE = """\
Samverkansguidens byggverktyg.

  python -m build_tools check   Kontrollera allt innehåll. Slutkod 0 = inga fel, 1 = fel i innehållet.
  python -m build_tools build   Kontrollera och skriv sajtens källfiler till build/docs/.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools", description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kommando", choices=["check", "build"], help="vad som ska göras")
    parser.add_argument("--rot", type=Path, default=None, help="projektets rotmapp (standard: den här)")
    parser.add_argument(
        "--idag",
        type=dt.date.fromisoformat,
        default=None,
        help="räkna som om det vore detta datum (ÅÅÅÅ-MM-DD)",
    )
    parser.add_argument("--tyst", action="store_true", help="visa inte varningar, bara fel")
    parser.add_argument("--debug", action="store_true", help="visa Python-detaljer vid internt fel")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    layout = Layout((args.rot or default_root()).resolve())
    try:
        return _run(args, layout)
    except Exception:
        if args.debug:
            traceback.print_exc()
        print(
            "Internt fel i byggverktyget (inte ett fel i ditt innehåll). "
            "Kör igen med --debug och skicka utskriften till utvecklarna.",
            file=sys.stderr,
        )
        return 2


def _run(args: argparse.Namespace, layout: Layout) -> int:
    project, report = load_project(layout, args.idag)
    for diagnostic in report.sorted():
        if args.tyst and diagnostic.severity is Severity.WARNING:
            continue
        print(diagnostic.format(layout.root))
    if not report.ok:
        print(f"\nInnehållet har {report.summary()}. Rätta felen och kör igen.")
        return 1
    if args.kommando == "build":
        from .render.site import write_site

        written = write_site(project, layout)
        print(f"\nKlart: {report.summary()}. {written} filer ändrades i {layout.output_dir.relative_to(layout.root)}/.")
    else:
        print(f"\nKlart: {report.summary()}.")
    return 0

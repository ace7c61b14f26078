"""Kommandoraden: ``python -m build_tools <kommando>``. Se USAGE nedan och redaktörshandboken."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from .base.build_day import BuildDayError, build_day
from .base.diagnostics import ContentError, Diagnostic, Report, describe, group_by_code, sort_diagnostics, summary_text
from .base.layout import Layout, default_root
from .load.project import load_project

USAGE = """\
Samverkansguidens byggverktyg.

  python -m build_tools check [FIL …]   Kontrollera innehållet (eller bara filerna du anger).
                                        Slutkod 0 = inga fel, 1 = fel som måste rättas.
  python -m build_tools check --publicering
                                        Ägarens kontroll före publicering: listan över det
                                        som ska fyllas i. Slutkod 1 tills listan är tom.
  python -m build_tools build           Kontrollera och skriv sajtens källfiler till build/docs/.
  python -m build_tools andringar       Visa vad som har ändrats i guiderna och lagrumsregistret,
                                        på svenska (t.ex. inför granskning av en ändring).
  python -m build_tools ny-guide ID     Skapa en ny guide att börja från: decision_trees/ID.yaml.
  python -m build_tools scheman         Uppdatera editorns listor över id:n (schemas/generated/).

Skriv kommandot följt av --help för fler val, t.ex. python -m build_tools check --help.
"""


class _SwedishHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Användning: " if prefix is None else prefix)


def _new_parser(parent=None, name: str | None = None, **kwargs) -> argparse.ArgumentParser:
    """En parser med svenska rubriker och hjälptext."""
    kwargs.update(formatter_class=_SwedishHelp, add_help=False)
    parser = parent.add_parser(name, **kwargs) if parent is not None else argparse.ArgumentParser(**kwargs)
    parser._positionals.title = "värden"
    parser._optionals.title = "val"
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen")
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rot", type=Path, default=None, metavar="MAPP", help="projektets rotmapp (standard: den här)")
    parser.add_argument(
        "--idag",
        type=dt.date.fromisoformat,
        default=None,
        metavar="ÅÅÅÅ-MM-DD",
        help="räkna som om det vore detta datum (standard: SAMVERKAN_IDAG, annars dagens datum)",
    )
    parser.add_argument("--debug", action="store_true", help="visa Python-detaljer vid internt fel")


def _output_options(parser: argparse.ArgumentParser) -> None:
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--tyst", action="store_true", help="visa bara fel, inga varningar")
    shown.add_argument("--alla", action="store_true", help="visa varje varning, inte bara antalet per sort")
    parser.add_argument(
        "--visa",
        action="append",
        default=[],
        metavar="KOD",
        help="visa varje varning av en sort, t.ex. --visa obekraftat (koden står inom [ ] i sammanfattningen)",
    )


def _publishing_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--publicering",
        action="store_true",
        help="ägarens kontroll före publicering: stoppa (slutkod 1) och lista allt som ska fyllas i "
        "(sajtens adress, redogörelsen, socialjourens nummer, okontrollerade kontakter och lagrum)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _new_parser(prog="python -m build_tools", description=USAGE)
    commands = parser.add_subparsers(dest="kommando", required=True, metavar="kommando", title="kommandon")

    check = _new_parser(
        commands,
        "check",
        help="kontrollera innehållet",
        description="Kontrollera innehållet. Fel visas först, sedan en sammanfattning och antalet varningar "
        "per sort. Anger du filer kontrolleras bara de (och det de hänvisar till).",
    )
    check.add_argument("filer", nargs="*", type=Path, metavar="FIL", help="bara de här filerna eller mapparna")
    _publishing_option(check)
    _output_options(check)
    _common(check)

    build = _new_parser(commands, "build", help="kontrollera och skriv build/docs/")
    _output_options(build)
    _common(build)

    changes = _new_parser(
        commands,
        "andringar",
        help="visa ändringar mellan två versioner",
        description="Jämför två versioner i git och berätta på svenska vad som har ändrats: vilka svar som nu "
        "leder till ett annat utfall, annan brådska eller andra lagrum, vilka frågor och utfall som har "
        "tillkommit, tagits bort eller skrivits om, och vilka lagrum som har fått ny status.",
    )
    changes.add_argument(
        "--fran",
        metavar="VERSION",
        default=None,
        help="versionen att jämföra från (standard: där grenen gick ut från main, annars förra versionen)",
    )
    changes.add_argument(
        "--till", metavar="VERSION", default=None, help="versionen att jämföra till (standard: filerna som de är nu)"
    )
    changes.add_argument("--markdown", action="store_true", help="skriv rapporten som Markdown (t.ex. i CI)")
    _common(changes)

    new = _new_parser(commands, "ny-guide", help="skapa en ny guide")
    new.add_argument("id", help="guidens id: små bokstäver a–z, siffror och bindestreck, t.ex. kalla-till-sip")
    new.add_argument("--titel", default=None, help="guidens titel (kan ändras sedan)")
    _common(new)

    schemas = _new_parser(commands, "scheman", help="uppdatera schemas/generated/ (id:n för editorn)")
    _common(schemas)

    search = _new_parser(
        commands,
        "sokindex",
        help="lägg till svenska sökord i en byggd sajts sökindex",
        description="Lägg till delar av sammansatta ord, grundformer och synonymer i sökindexet i en byggd "
        "sajt (search/search_index.json). MkDocs gör det själv efter bygget; med en annan generator, kör "
        "det här kommandot på mappen med den byggda sajten.",
    )
    search.add_argument("sajt", type=Path, nargs="?", default=Path("site"), help="mappen med sajten (standard: site)")
    _common(search)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    layout = Layout((args.rot or default_root()).resolve())
    try:
        args.idag = build_day(args.idag)  # dagen väljs här, en gång (build_tools/base/build_day.py)
    except BuildDayError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        return _run(args, layout)
    except ContentError as exc:  # ett innehållsfel som upptäcktes först vid renderingen
        print(exc, file=sys.stderr)
        return 1
    except Exception:
        if args.debug:
            traceback.print_exc()
        print(
            "Internt fel i byggverktyget (inte ett fel i ditt innehåll). "
            "Kör igen med --debug och skicka utskriften till utvecklarna.",
            file=sys.stderr,
        )
        return 2


# Kommandona och renderingen läses in först när de behövs, så att check startar utan Jinja och Word-biblioteket.
# (Inte för att undvika importslingor: dem stoppar lint-imports, se .importlinter.)
def _run(args: argparse.Namespace, layout: Layout) -> int:
    if args.kommando == "andringar":
        from .commands.changes import run as run_changes

        return run_changes(layout, args.fran, args.till, args.markdown, args.idag)
    if args.kommando == "ny-guide":
        from .commands.new_guide import run as run_new_guide

        return run_new_guide(layout, args.id, args.titel, args.idag)
    if args.kommando == "sokindex":
        return _search_index(args, layout)
    if args.kommando == "scheman":
        from .commands.schemas import run as run_schemas

        return run_schemas(layout, args.idag)
    return _check_or_build(args, layout)


def _search_index(args: argparse.Namespace, layout: Layout) -> int:
    from .adapters.search_index import augment_site_search

    project, report = load_project(layout, args.idag)
    if not report.ok:
        print(f"Innehållet har fel ({report.summary()}). Kör python -m build_tools check.")
        return 1
    site = args.sajt if args.sajt.is_absolute() else Path.cwd() / args.sajt
    if not augment_site_search(site, project):
        print(f"Hittade inget sökindex i {site}. Bygg sajten först.")
        return 1
    print(f"Svenska sökord tillagda i {site / 'search' / 'search_index.json'}.")
    return 0


def _check_or_build(args: argparse.Namespace, layout: Layout) -> int:
    project, report = load_project(layout, args.idag)
    if getattr(args, "publicering", False):
        return _publishing(project, report, layout)
    selection = None
    if getattr(args, "filer", None):
        selection = _selection(args.filer, layout)
        if selection is None:
            return 2
    lines, failed = format_report(report, layout.root, selection, args.tyst, args.alla, args.visa)
    print("\n".join(lines))
    if failed:
        return 1
    if args.kommando == "build":
        from .render.site import write_site

        written = write_site(project, layout)
        where = layout.output_dir.relative_to(layout.root).as_posix()
        print(f"{'1 fil' if written == 1 else f'{written} filer'} ändrades i {where}/.")
    return 0


def _publishing(project, report: Report, layout: Layout) -> int:
    """check --publicering: först felen (om några), sedan listan över det ägaren ska fylla i."""
    from .commands.publishing_gate import gate

    lines, failed = format_report(report, layout.root, quiet=True)
    missing = sum(1 for d in report.warnings if d.code == "stadsdel-saknas")
    todo_lines, waiting = gate(project, layout.root, project.today, missing, failed, os.environ.get("SITE_URL"))
    print("\n".join([*lines, "", *todo_lines]))
    return 1 if waiting else 0


def _selection(paths: list[Path], layout: Layout) -> set[Path] | None:
    """Filerna som ska kontrolleras. Mappar blir alla filer i mappen."""
    chosen: set[Path] = set()
    for given in paths:
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.exists():
            print(f"Filen finns inte: {given}", file=sys.stderr)
            return None
        if path.is_dir():
            chosen.update(p.resolve() for p in path.rglob("*") if p.is_file())
        else:
            chosen.add(path.resolve())
    return chosen


def _in(selection: set[Path] | None, d: Diagnostic) -> bool:
    if selection is None:
        return True
    try:
        return d.location.path.resolve() in selection
    except OSError:
        return False


def format_report(
    report: Report,
    root: Path,
    selection: set[Path] | None = None,
    quiet: bool = False,
    show_all: bool = False,
    show_codes: list[str] | tuple[str, ...] = (),
) -> tuple[list[str], bool]:
    """Utskriften från check: fel först, sedan en rad som sammanfattar, sedan varningarna per sort.

    Returnerar (rader, om kontrollen misslyckades)."""
    errors = sort_diagnostics(d for d in report.errors if _in(selection, d))
    warnings = sort_diagnostics(d for d in report.warnings if _in(selection, d))
    elsewhere = [d for d in report.errors if not _in(selection, d)]
    lines = _error_lines(errors, elsewhere, root, selection)
    if lines:
        lines.append("")
    total = summary_text(len(errors), len(warnings))
    lines.append(_summary_line(total, bool(errors), bool(elsewhere), selection is None))
    failed = bool(errors or elsewhere)
    if quiet or not warnings:
        return lines, failed
    lines.append("")
    if show_all:
        lines.extend(_every_warning(warnings, root))
        if errors:
            lines.append(f"Innehållet har {total}. Felen står först i utskriften.")
        return lines, failed
    lines.extend(_warnings_per_code(warnings, root, show_codes))
    return lines, failed


def _error_lines(
    errors: list[Diagnostic], elsewhere: list[Diagnostic], root: Path, selection: set[Path] | None
) -> list[str]:
    lines: list[str] = []
    if selection is not None:
        known = _known_files(root)
        outside = sorted(p for p in selection if p not in known)
        names = ", ".join(_show(p, root) for p in outside[:3]) + (" …" if len(outside) > 3 else "")
        if outside:
            lines.append(f"Obs: check kontrollerar inte {names} (ingen innehållsfil).")
    lines.extend(d.format(root) for d in errors)
    if elsewhere:
        files = sorted({_show(d.location.path, root) for d in elsewhere})
        shown = ", ".join(files[:3]) + (" …" if len(files) > 3 else "")
        lines.append(
            f"Andra filer har {summary_text(len(elsewhere), 0).split(',')[0]} ({shown}). "
            "Kör check utan filnamn för att se dem."
        )
    return lines


def _summary_line(total: str, has_errors: bool, errors_elsewhere: bool, everything: bool) -> str:
    if has_errors:
        return f"{'Innehållet' if everything else 'Filerna du angav'} har {total}. Rätta felen och kör igen."
    if errors_elsewhere:
        return f"Filerna du angav har {total}, men andra filer har fel."
    return f"Klart: {total}." if everything else f"Klart: filerna du angav har {total}."


def _every_warning(warnings: list[Diagnostic], root: Path) -> list[str]:
    lines: list[str] = []
    for code, items in group_by_code(warnings):
        lines.append(f"== {describe(code)} [{code}]: {len(items)}")
        lines.extend(d.format(root) for d in items)
        lines.append("")
    return lines


def _warnings_per_code(warnings: list[Diagnostic], root: Path, show_codes: list[str] | tuple[str, ...]) -> list[str]:
    """En rad per sort, och varje varning av sorterna i ``show_codes``."""
    groups = group_by_code(warnings)
    lines = ["Varningar per sort (visa alla med --alla, en sort med --visa KOD):"]
    width = max(len(str(len(items))) for _, items in groups)
    for code, items in groups:
        files = len({d.location.path for d in items})
        where = f"i {files} filer" if files != 1 else f"i {_show(items[0].location.path, root)}"
        lines.append(f"  {len(items):>{width}}  {describe(code)} – {where} [{code}]")
    for code in show_codes:
        items = [d for d in warnings if d.code == code]
        lines.append("")
        if not items:
            lines.append(f"Inga varningar av sorten {code}.")
            continue
        lines.append(f"== {describe(code)} [{code}]: {len(items)}")
        lines.extend(d.format(root) for d in items)
    return lines


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def _known_files(root: Path) -> set[Path]:
    """Filer som check läser (för att kunna säga till om en fil som inte kontrolleras)."""
    found: set[Path] = set()
    for folder, pattern in (
        ("decision_trees", "*.y*ml"),
        ("data", "*.y*ml"),
        ("guides", "**/*.md"),
        ("docs", "**/*.md"),
    ):
        found.update(p.resolve() for p in (root / folder).glob(pattern))
    found.add((root / "mkdocs.yml").resolve())
    return found

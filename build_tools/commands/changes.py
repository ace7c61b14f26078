"""Ändringsrapport: vad en ändring gör med guiderna och lagrumsregistret, på svenska.

``python -m build_tools andringar [--fran VERSION] [--till VERSION]`` läser in innehållet i två
versioner ur git (varje version packas upp i en tillfällig mapp och läses in med load_project) och
jämför dem: vilka svar som nu leder till ett annat utfall, vilka utfall som fått annan brådska,
annat slag eller andra lagrum, vilka frågor och utfall som har tillkommit, tagits bort eller skrivits
om, och vilka lagrum som har fått ny status. Ingenting skrivs ut när inget har ändrats.

Jämförelsen av två inlästa versioner finns i compare.py; här finns git, rapporten och utskriften.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..base.diagnostics import Report
from ..domain.model import Project
from ..load.project import Layout, load_project
from .compare import GuideReport, compare

CONTENT = ("decision_trees", "data", "guides", "docs", "mkdocs.yml")
SHOWN = 5  # exempel per lista i rapporten


class GitError(Exception):
    pass


def _git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip())
    return result.stdout if binary else result.stdout.decode("utf-8").strip()


def _short(root: Path, rev: str) -> str:
    return _git(root, "rev-parse", "--short", rev)


def default_base(root: Path) -> tuple[str, str]:
    """(version, beskrivning) att jämföra från när --fran inte anges."""
    head = _git(root, "rev-parse", "HEAD")
    for main in ("main", "origin/main", "master", "origin/master"):
        try:
            base = _git(root, "merge-base", "HEAD", main)
        except GitError:
            continue
        if base != head:
            return base, f"{_short(root, base)} (där grenen gick ut från {main})"
        break
    if _git(root, "status", "--porcelain", "--", *CONTENT):
        return head, f"{_short(root, head)} (senaste sparade versionen i git)"
    try:
        previous = _git(root, "rev-parse", "HEAD~1")
    except GitError:
        return head, f"{_short(root, head)} (den enda versionen)"
    return previous, f"{_short(root, previous)} (versionen före den senaste)"


def load_revision(root: Path, rev: str, target: Path, today: dt.date) -> tuple[Project, Report]:
    """Packa upp innehållet i en version ur git i ``target`` och läs in det."""
    present = set(_git(root, "ls-tree", "--name-only", rev).splitlines())
    paths = [p for p in CONTENT if p in present]
    if paths:
        data = _git(root, "archive", "--format=tar", rev, "--", *paths, binary=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(target, filter="data")
    return load_project(Layout(target), today)


# ---------------------------------------------------------------------------- jämförelsen


@dataclass
class ChangeReport:
    from_text: str
    to_text: str
    guides: list[GuideReport] = field(default_factory=list)
    registry: list[str] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.guides or self.registry or self.other_files)


# ---------------------------------------------------------------------------- utskriften


def _section(lines: list[str], title: str, items: list[str], markdown: bool, limit: int = SHOWN) -> None:
    if not items:
        return
    lines.append(f"**{title}** ({len(items)})" if markdown else f"  {title} ({len(items)}):")
    for item in items[:limit]:
        lines.append(f"- {item}" if markdown else f"    - {item}")
    if len(items) > limit:
        rest = f"… och {len(items) - limit} till."
        lines.append(f"- {rest}" if markdown else f"    {rest}")
    if markdown:
        lines.append("")


def format_report(report: ChangeReport, markdown: bool = False) -> str:
    lines: list[str] = []
    heading = f"Ändringar från {report.from_text} till {report.to_text}"
    lines.append(f"## {heading}" if markdown else heading)
    lines.append("")
    for guide in report.guides:
        status = {"ny": " – ny guide", "borttagen": " – borttagen", "fel": " – har fel"}.get(guide.status, "")
        title = f"{guide.title} ({guide.tree_id}){status}"
        lines.append(f"### {title}" if markdown else f"Guide: {title}")
        if markdown:
            lines.append("")
        if guide.rerouted:
            items = [
                f"{path}\n{'  ' if markdown else '      '}Förut: {was}. Nu: {now}." for path, was, now in guide.rerouted
            ]
            _section(lines, "Svar som nu leder till ett annat utfall", items, markdown)
        _section(lines, "Utfall med annat slag, annan brådska eller andra lagrum", guide.outcome_changes, markdown, 20)
        _section(lines, "Nya vägar", guide.new_paths, markdown)
        _section(lines, "Vägar som inte finns längre", guide.removed_paths, markdown)
        _section(lines, "Nya frågor och utfall", guide.added_nodes, markdown, 20)
        _section(lines, "Borttagna frågor och utfall", guide.removed_nodes, markdown, 20)
        _section(lines, "Omskrivet (nod: vad)", guide.reworded, markdown, 20)
        _section(lines, "Uppgifter om guiden", guide.meta, markdown, 20)
        _section(lines, "Nya rader i ändringsloggen", guide.log_rows, markdown, 20)
        for note in guide.notes:
            lines.append(f"_{note}_" if markdown else f"  Obs: {note}")
        lines.append("")
    if report.registry:
        lines.append("### Lagrumsregistret" if markdown else "Lagrumsregistret (data/lagrum.yaml):")
        if markdown:
            lines.append("")
        for item in report.registry:
            lines.append(f"- {item}" if markdown else f"  - {item}")
        lines.append("")
    if report.other_files:
        lines.append("### Andra ändrade filer" if markdown else "Andra ändrade filer:")
        if markdown:
            lines.append("")
        lines.extend(f"- {name}" if markdown else f"  - {name}" for name in report.other_files)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _changed_files(root: Path, base: str, till: str | None) -> list[str]:
    """Ändrade filer utanför guiderna och lagrumsregistret (de beskrivs redan ovan)."""
    spec = [base, till] if till else [base]
    names = set(_git(root, "diff", "--name-only", *spec, "--", *CONTENT).splitlines())
    if not till:
        names |= set(_git(root, "ls-files", "--others", "--exclude-standard", "--", *CONTENT).splitlines())
    skip = ("decision_trees/", "data/lagrum.yaml")
    return sorted(n for n in names if n and not n.startswith(skip))


def build_report(layout: Layout, fran: str | None, till: str | None, today: dt.date) -> ChangeReport:
    root = layout.root
    if fran:
        base = _git(root, "rev-parse", "--verify", f"{fran}^{{commit}}")
        from_text = fran if base.startswith(fran) else f"{fran} ({_short(root, base)})"
    else:
        base, from_text = default_base(root)
    with tempfile.TemporaryDirectory(prefix="andringar-") as tmp:
        old, old_report = load_revision(root, base, Path(tmp) / "fran", today)
        if till:
            target = _git(root, "rev-parse", "--verify", f"{till}^{{commit}}")
            new, new_report = load_revision(root, target, Path(tmp) / "till", today)
            to_text = till if target.startswith(till) else f"{till} ({_short(root, target)})"
        else:
            new, new_report = load_project(layout, today)
            to_text = "filerna som de är nu"
        guides, registry = compare(old, new, old_report, new_report)
    report = ChangeReport(from_text, to_text, guides, registry, _changed_files(root, base, till))
    return report


def run(layout: Layout, fran: str | None, till: str | None, markdown: bool, today: dt.date) -> int:
    try:
        report = build_report(layout, fran, till, today)
    except GitError as exc:
        print(f"Det gick inte att läsa versionerna ur git: {exc}", file=sys.stderr)
        print("Kontrollera att du står i projektets mapp och att versionerna finns (t.ex. main).", file=sys.stderr)
        return 2
    if report.empty:
        print(f"Inga ändringar i innehållet från {report.from_text} till {report.to_text}.", file=sys.stderr)
        return 0
    print(format_report(report, markdown), end="")
    return 0

"""Utskriften från check: fel först, en rad som sammanfattar, varningar grupperade per sort."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.base.diagnostics import Location, Report
from build_tools.cli import format_report
from build_tools.load.project import Layout, load_project

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


def _report(root: Path) -> Report:
    report = Report()
    for i in range(40):
        report.warning(Location(root / "data" / "a.yaml", i + 1, 1), f"Varning {i}", code="obekraftat")
    for i in range(7):
        report.warning(Location(root / "data" / "b.yaml", i + 1, 1), f"Annan {i}", code="stadsdel-saknas")
    report.error(Location(root / "decision_trees" / "x.yaml", 3, 5), "Ett fel.", "Rätta det.", code="okand-nasta")
    return report


def test_errors_first_then_summary_then_grouped_warnings(tmp_path):
    lines, failed = format_report(_report(tmp_path), tmp_path)
    assert failed
    assert lines[0].startswith("decision_trees/x.yaml:3:5: fel: Ett fel. [okand-nasta]")
    summary = next(i for i, line in enumerate(lines) if line.startswith("Innehållet har 1 fel, 47 varningar"))
    assert summary < next(i for i, line in enumerate(lines) if "[obekraftat]" in line)
    grouped = [line for line in lines if line.strip().startswith(("40", "7"))]
    assert [line.split()[0] for line in grouped] == ["40", "7"]
    assert len(lines) < 12
    assert not any("Varning 3" in line for line in lines)


def test_all_and_show_codes(tmp_path):
    lines, _ = format_report(_report(tmp_path), tmp_path, show_all=True)
    assert sum("Varning" in line for line in lines) == 40
    lines, _ = format_report(_report(tmp_path), tmp_path, show_codes=["stadsdel-saknas"])
    assert sum("Annan" in line for line in lines) == 7
    assert not any("Varning 3" in line for line in lines)


def test_quiet_shows_no_warnings(tmp_path):
    lines, _ = format_report(_report(tmp_path), tmp_path, quiet=True)
    assert not any("obekraftat" in line for line in lines)


def test_selection_hides_other_files_but_counts_their_errors(tmp_path):
    report = _report(tmp_path)
    selection = {(tmp_path / "data" / "b.yaml").resolve()}
    lines, failed = format_report(report, tmp_path, selection)
    assert failed  # ett fel i en annan fil stoppar fortfarande
    assert not any(line.startswith("decision_trees/x.yaml") for line in lines)
    assert any(line.startswith("Andra filer har 1 fel") for line in lines)
    assert any("7" in line and "[stadsdel-saknas]" in line for line in lines)


def _copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "kopia"
    root.mkdir()
    for folder in ("decision_trees", "data", "guides", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_real_content_fits_on_one_screen():
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout
    assert len(result.stdout.splitlines()) <= 25, result.stdout


def test_one_misspelled_next_gives_one_error_in_real_content(tmp_path):
    root = _copy_content(tmp_path)
    tree = root / "decision_trees" / "ska-jag-gora-en-orosanmalan.yaml"
    text = tree.read_text(encoding="utf-8")
    project, _ = load_project(Layout(root), TODAY)
    guide = project.trees["ska-jag-gora-en-orosanmalan"]
    first = guide.nodes[guide.start]
    # Ett svar som pekar på en fråga: allt under den frågan blir onåbart, men det ska inte räknas som fler fel.
    answer = next(a for a in first.answers if hasattr(guide.nodes[a.next_id], "answers"))
    needle = f"nasta: {answer.next_id}"
    assert needle in text
    tree.write_text(text.replace(needle, f"nasta: {answer.next_id}x", 1), encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert [e.code for e in report.errors] == ["okand-nasta"], [e.format(root) for e in report.errors]


def test_typo_in_districts_gives_no_follow_on_errors(tmp_path):
    root = _copy_content(tmp_path)
    districts = root / "data" / "stadsdelar.yaml"
    text = districts.read_text(encoding="utf-8")
    districts.write_text(text.replace("funktion: forvaltning", "funktion: forvaltningen", 1), encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert report.errors
    assert {e.location.path.name for e in report.errors} == {"stadsdelar.yaml"}

"""Ändringsrapporten: två versioner ur git jämförs och beskrivs på svenska."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.commands.changes import build_report, format_report
from build_tools.load.project import Layout
from tests.helpers import make_project

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


def _git(root: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    root = make_project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    return root


def _edit(root: Path, old: str, new: str, name: str = "decision_trees/exempel.yaml") -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_prints_nothing(repo):
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "andringar", "--rot", str(repo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_rerouted_answer_urgency_lagrum_and_rewording(repo):
    # Svaret "nej" på "oro" leder nu till anmal i stället för radgor, anmal får annan brådska
    # och radgor en ny rubrik.
    _edit(
        repo,
        "      - id: nej\n        text: Nej\n        nasta: radgor\n  ring:",
        "      - id: nej\n        text: Nej\n        nasta: anmal\n  ring:",
    )
    _edit(repo, "    bradska: idag\n", "    bradska: omedelbart\n")
    _edit(repo, "    titel: Rådgör med socialtjänsten\n", "    titel: Rådgör med socialtjänsten i dag\n")
    report = build_report(Layout(repo), None, None, TODAY)
    assert report.from_text.endswith("(senaste sparade versionen i git)")
    [guide] = report.guides
    assert len(guide.rerouted) == 1
    path, was, now = guide.rerouted[0]
    assert "Misstänker du att barnet far illa? → Nej" in path
    assert "Rådgör med socialtjänsten" in was and "Gör en orosanmälan" in now
    assert any("brådska Samma dag → Agera nu" in line for line in guide.outcome_changes)
    assert any(line.startswith("radgor: rubriken") for line in guide.reworded)
    assert guide.notes and "Ändringsloggen" in guide.notes[0]
    text = format_report(report)
    assert "Svar som nu leder till ett annat utfall (1)" in text


def test_committed_revisions_new_node_registry_status_and_change_log(repo):
    _edit(repo, "    status: ej-verifierad", "    status: verifierad", "data/lagrum.yaml")
    _edit(
        repo,
        "granskas_senast: 2027-05-01\n",
        "granskas_senast: 2027-05-01\nandringar:\n  - datum: 2026-11-20\n    vad: Ny fråga om skolan.\n",
    )
    _git(repo, "commit", "-qam", "ändring")
    report = build_report(Layout(repo), "HEAD~1", "HEAD", TODAY)
    assert report.to_text.startswith("HEAD")
    assert any(
        "sol-anmalningsskyldighet" in line and "Inte kontrollerad → Kontrollerad" in line for line in report.registry
    )
    [guide] = report.guides
    assert guide.log_rows == ["2026-11-20: Ny fråga om skolan. Inte godkänt än."]
    markdown = format_report(report, markdown=True)
    assert markdown.startswith("## Ändringar från HEAD~1")
    assert "### Lagrumsregistret" in markdown


def test_new_and_broken_guides(repo):
    text = (repo / "decision_trees" / "exempel.yaml").read_text(encoding="utf-8")
    (repo / "decision_trees" / "ny-guide.yaml").write_text(
        text.replace("id: exempel", "id: ny-guide"), encoding="utf-8"
    )
    _edit(repo, "nasta: anmal", "nasta: anmaal")
    report = build_report(Layout(repo), None, None, TODAY)
    statuses = {g.tree_id: g.status for g in report.guides}
    assert statuses == {"exempel": "fel", "ny-guide": "ny"}

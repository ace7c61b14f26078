"""ny-guide skriver en guide som klarar check, och skriver aldrig över en befintlig fil."""

from __future__ import annotations

import datetime as dt

from build_tools.cli import main
from build_tools.load.project import Layout, load_project
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 23)


def test_new_guide_passes_check(tmp_path, capsys):
    root = make_project(tmp_path)
    assert main(["ny-guide", "kalla-till-sip", "--rot", str(root), "--idag", TODAY.isoformat()]) == 0
    path = root / "decision_trees" / "kalla-till-sip.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "#  1. Skriv guidens titel" in text  # förklaringar i filen
    project, report = load_project(Layout(root), TODAY)
    assert report.ok, [d.format(root) for d in report.errors]
    tree = project.trees["kalla-till-sip"]
    assert tree.change_log[0].what == "Guiden skapades."
    assert "Skapade decision_trees/kalla-till-sip.yaml." in capsys.readouterr().out


def test_new_guide_refuses_to_overwrite(tmp_path, capsys):
    root = make_project(tmp_path)
    before = (root / "decision_trees" / "exempel.yaml").read_text(encoding="utf-8")
    assert main(["ny-guide", "exempel", "--rot", str(root)]) == 1
    assert (root / "decision_trees" / "exempel.yaml").read_text(encoding="utf-8") == before
    assert "skrivs inte över" in capsys.readouterr().err


def test_new_guide_rejects_bad_ids(tmp_path, capsys):
    root = make_project(tmp_path)
    assert main(["ny-guide", "Kalla till SIP", "--rot", str(root)]) == 2
    assert main(["ny-guide", "granskning", "--rot", str(root)]) == 2
    assert not (root / "decision_trees" / "granskning.yaml").exists()

"""Kontrollen av en guide sparas i build/cache/guider/ och görs om bara när något den bygger på ändras."""

from __future__ import annotations

import datetime as dt

from build_tools.load import project as project_module
from build_tools.load.project import Layout, load_project
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 28)


def _count_loads(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = project_module.load_tree

    def counting(path, *args, **kwargs):
        calls.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(project_module, "load_tree", counting)
    return calls


def _summary(report):
    return [(d.code, d.location.line, d.message) for d in report.sorted()]


def test_second_check_uses_the_cache_and_says_the_same(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    calls = _count_loads(monkeypatch)
    first_project, first = load_project(Layout(root), TODAY)
    second_project, second = load_project(Layout(root), TODAY)
    assert calls == ["exempel.yaml"]  # andra gången kom guiden ur cachen
    assert _summary(first) == _summary(second)
    assert first_project.trees.keys() == second_project.trees.keys()
    assert first_project.trees["exempel"] == second_project.trees["exempel"]


def test_a_changed_guide_is_checked_again(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    calls = _count_loads(monkeypatch)
    load_project(Layout(root), TODAY)
    guide = root / "decision_trees" / "exempel.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("nasta: oro", "nasta: orro"), encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert [d.code for d in report.errors] == ["okand-nasta"]
    assert calls == ["exempel.yaml"] * 2


def test_another_day_reuses_the_check_but_takes_a_new_view(tmp_path, monkeypatch):
    """Inläsningen av en guide beror inte på dagen; bara vyn gör det (build_tools/load/dated_view.py)."""
    root = make_project(tmp_path)
    calls = _count_loads(monkeypatch)
    _, before = load_project(Layout(root), dt.date(2027, 5, 1))
    _, after = load_project(Layout(root), dt.date(2027, 5, 2))  # granskas_senast: 2027-05-01
    assert calls == ["exempel.yaml"]
    assert "granskning-passerad" not in {d.code for d in before.warnings}
    assert "granskning-passerad" in {d.code for d in after.warnings}

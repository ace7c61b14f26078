"""Rollsidorna visar guiderna utifrån guidernas malgrupp, och check varnar för en guide utan länkar."""

from __future__ import annotations

import datetime as dt

from build_tools.load.project import Layout, load_project
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 23)

ROLE = """---
typ: roll
titel: Du som är lärare
beskrivning: Det viktigaste för dig som är lärare.
malgrupp: [{audience}]
agare: Redaktionen
granskad: 2026-11-01
granskas_senast: 2027-05-01
lagrum: [sol-anmalningsskyldighet]
{extra}---

Text.
"""


def _with_role(tmp_path, audience: str = "larare", extra: str = ""):
    root = make_project(tmp_path)
    (root / "guides" / "roller").mkdir(parents=True)
    (root / "guides" / "roller" / "larare.md").write_text(ROLE.format(audience=audience, extra=extra), encoding="utf-8")
    return load_project(Layout(root), TODAY)


def test_role_page_lists_guides_by_malgrupp(tmp_path):
    project, report = _with_role(tmp_path)
    [role] = project.chapters
    assert role.guides == ("exempel",)
    assert not [w for w in report.warnings if w.code == "guide-olankad"]


def test_hand_kept_list_on_a_role_page_is_ignored_with_a_warning(tmp_path):
    project, report = _with_role(tmp_path, audience="rektor", extra="guider: [exempel]\n")
    [role] = project.chapters
    assert role.guides == ()
    codes = [w.code for w in report.warnings]
    assert "roll-guider" in codes
    assert "guide-olankad" in codes  # rektor finns inte i guidens malgrupp, och inget annat länkar dit


def test_unlinked_guide_is_a_warning_not_an_error(tmp_path):
    _, report = load_project(Layout(make_project(tmp_path)), TODAY)
    assert report.ok
    [warning] = [w for w in report.warnings if w.code == "guide-olankad"]
    assert "exempel" in warning.message

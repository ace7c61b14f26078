"""Datumstyrd lag: rätt text på byggdatumet, varningar före ändringar och fel för passerade förslag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_tools.addresses.urls import UPCOMING_SOURCE
from build_tools.domain import dated
from build_tools.load.project import Layout, load_project
from build_tools.render.pages import PageBuilder
from tests.helpers import make_project

NEW_ENTRY = """
  ny-regel:
    rubrik: Ny regel för fristående skolor
    typ: lag
    lag: offentlighets- och sekretesslagen
    sfs: "2009:400"
    lank: https://www.riksdagen.se/
    status: delvis
    kallor: [https://example.invalid/proposition]
    sammanfattning: Lagen gäller också fristående skolor.
    galler_fran: 2027-01-01
    beslut: {decision}
    andringen: Från 1 januari 2027 gäller lagen också fristående skolor.
"""

VERSION = """
    versioner:
      - galler_fran: 2027-01-01
        lagandring: ny-regel
        andringen: Från 1 januari 2027 gäller lagen också i fristående skolor.
        titel: Ny text från 2027
        lagrum: [sol-anmalningsskyldighet, ny-regel]
"""


def _project(tmp_path, decision: str = "beslutad", version: str = VERSION):
    root = make_project(tmp_path)
    lagrum = root / "data" / "lagrum.yaml"
    lagrum.write_text(lagrum.read_text(encoding="utf-8") + NEW_ENTRY.format(decision=decision), encoding="utf-8")
    tree = root / "decision_trees" / "exempel.yaml"
    text = tree.read_text(encoding="utf-8")
    anchor = "    steg: [Ring socialtjänsten och beskriv situationen.]\n    lagrum: [sol-anmalningsskyldighet]\n"
    assert anchor in text
    tree.write_text(text.replace(anchor, anchor + version), encoding="utf-8")
    return root


def test_swedish_date():
    assert dated.swedish_date(dt.date(2027, 1, 1)) == "1 januari 2027"
    assert dated.swedish_date(dt.date(2026, 8, 1)) == "1 augusti 2026"


def test_window_states():
    decided = dated.Window(dt.date(2027, 1, 1), None, "beslutad")
    assert decided.state(dt.date(2026, 12, 31)) == "kommande"
    assert decided.state(dt.date(2027, 1, 1)) == "galler"
    proposal = dated.Window(dt.date(2027, 1, 1), None, "foreslagen")
    assert proposal.state(dt.date(2027, 6, 1)) == "forslag"
    ended = dated.Window(None, dt.date(2026, 12, 31), "beslutad")
    assert ended.state(dt.date(2027, 1, 1)) == "upphort"
    assert dated.Window().state(dt.date(2027, 1, 1)) == "galler"


def test_text_switches_on_the_day(tmp_path):
    root = _project(tmp_path)
    before, report = load_project(Layout(root), dt.date(2026, 12, 31))
    assert report.ok, [d.message for d in report.errors]
    node = before.trees["exempel"].nodes["radgor"]
    assert node.title == "Rådgör med socialtjänsten"
    assert [n.kind for n in node.notices] == ["kommande"]
    assert node.notices[0].heading == "Från 1 januari 2027"
    assert before.lagrum["ny-regel"].state == "kommande"

    after, report = load_project(Layout(root), dt.date(2027, 1, 2))
    assert report.ok
    node = after.trees["exempel"].nodes["radgor"]
    assert node.title == "Ny text från 2027"
    assert "ny-regel" in node.lagrum
    assert node.notices == ()
    assert after.lagrum["ny-regel"].applies


def test_warning_thirty_days_before(tmp_path):
    root = _project(tmp_path)
    _, report = load_project(Layout(root), dt.date(2026, 12, 10))
    soon = [w for w in report.warnings if w.code == "andring-snart"]
    assert soon and "om 22 dagar" in soon[0].message
    _, report = load_project(Layout(root), dt.date(2026, 11, 1))
    assert not [w for w in report.warnings if w.code == "andring-snart"]


def test_proposal_never_switches_and_fails_after_its_date(tmp_path):
    root = _project(tmp_path, decision="foreslagen")
    project, report = load_project(Layout(root), dt.date(2026, 11, 28))
    assert report.ok
    assert project.trees["exempel"].nodes["radgor"].notices[0].heading == "Förslag: från 1 januari 2027"

    # På själva dagen: en varning, så att bygget den dagen går igenom.
    project, report = load_project(Layout(root), dt.date(2027, 1, 1))
    assert report.ok
    assert [w for w in report.warnings if w.code == "forslag-i-dag"]
    assert project.trees["exempel"].nodes["radgor"].title == "Rådgör med socialtjänsten"
    assert project.trees["exempel"].nodes["radgor"].notices[0].kind == "forslag-passerat"

    project, report = load_project(Layout(root), dt.date(2027, 1, 2))
    errors = [e for e in report.errors if e.code == "forslag-passerat"]
    assert len(errors) == 1 and "ny-regel" in errors[0].message
    assert project.lagrum["ny-regel"].state == "forslag"


def test_probably_decided_switches_but_warns(tmp_path):
    root = _project(tmp_path, decision="troligen-beslutad")
    project, report = load_project(Layout(root), dt.date(2027, 2, 1))
    assert report.ok
    assert [w for w in report.warnings if w.code == "andring-obekraftad"]
    node = project.trees["exempel"].nodes["radgor"]
    assert node.title == "Ny text från 2027"
    assert [n.kind for n in node.notices] == ["troligen"]


def test_version_must_match_the_registry_date(tmp_path):
    root = _project(tmp_path, version=VERSION.replace("galler_fran: 2027-01-01", "galler_fran: 2027-02-01"))
    _, report = load_project(Layout(root), dt.date(2026, 11, 28))
    assert [e for e in report.errors if e.code == "datum-matchar-inte"]


def test_upcoming_page_lists_the_change_with_source(tmp_path):
    root = _project(tmp_path)
    project, report = load_project(Layout(root), dt.date(2026, 11, 28))
    assert report.ok
    page = next(p for p in PageBuilder(project).all_pages() if p.source == UPCOMING_SOURCE)
    assert "1 januari 2027" in page.body
    assert "https://example.invalid/proposition" in page.body
    assert "Beslutad" in page.body
    # Guidens version hör till registrets ändring och räknas inte två gånger.
    assert page.body.count('<li class="sv-change ') == 1


def test_outcome_page_shows_notice_and_112(tmp_path):
    root = _project(tmp_path)
    project, _ = load_project(Layout(root), dt.date(2026, 11, 28))
    pages = {p.source: p for p in PageBuilder(project).all_pages()}
    radgor = pages["beslutsstod/exempel/radgor/index.md"].body
    assert "Från 1 januari 2027" in radgor and "sv-lawchange" in radgor
    ring = pages["beslutsstod/exempel/ring/index.md"].body
    assert 'href="tel:112"' in ring


def test_real_project_switches_independent_schools_on_2027_01_01():
    """Det riktiga innehållet: guiden byter svar för fristående skolor den 1 januari 2027."""
    root = Path(__file__).resolve().parents[2]
    before, report = load_project(Layout(root), dt.date(2026, 12, 31))
    assert report.ok
    node = before.trees["vad-far-jag-dela"].nodes["fristaende-skola"]
    assert node.title.startswith("Du har tystnadsplikt")
    assert any(n.kind == "kommande" and n.date == dt.date(2027, 1, 1) for n in node.notices)

    after, report = load_project(Layout(root), dt.date(2027, 1, 1))
    assert report.ok, [e.message for e in report.errors]
    node = after.trees["vad-far-jag-dela"].nodes["fristaende-skola"]
    assert node.title.startswith("Elevhälsans uppgifter har stark sekretess också i fristående skolor")
    assert "osl-enskilda-huvudman" in node.lagrum

    # Dagen efter stoppar check tills förslaget om en ny LVU-lag är bekräftat eller har fått nytt datum.
    later, report = load_project(Layout(root), dt.date(2027, 1, 2))
    assert {e.code for e in report.errors} == {"forslag-passerat"}
    assert later.trees["vad-far-jag-dela"].nodes["fristaende-skola"].title.startswith("Elevhälsans uppgifter")

"""Datumstyrd lag: vyn för en dag väljer texten, varnar före ändringar och säger till om passerade förslag.

Varje ändring prövas dagen före, på dagen och dagen efter, med en liten fixtur (tests/fixtures/minimal).
Inget här läser klockan: dagarna står i testerna.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.addresses.urls import UPCOMING_SOURCE
from build_tools.base.build_day import ENV, BuildDayError, build_day
from build_tools.base.diagnostics import Severity
from build_tools.cli import main
from build_tools.domain import dated
from build_tools.load.dated_view import as_of, past_due_proposals
from build_tools.load.project import Layout, load_model, load_project
from build_tools.render.pages import PageBuilder
from tests.helpers import line_of, make_project

DAY = dt.date(2027, 1, 1)  # ändringens dag i fixturen
BEFORE, AFTER = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1)

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


def test_window_states_around_the_day():
    decided = dated.Window(DAY, None, "beslutad")
    assert [decided.state(d) for d in (BEFORE, DAY, AFTER)] == ["kommande", "galler", "galler"]
    proposal = dated.Window(DAY, None, "foreslagen")
    assert [proposal.state(d) for d in (BEFORE, DAY, AFTER)] == ["forslag", "forslag-passerat", "forslag-passerat"]
    ended = dated.Window(None, DAY, "beslutad")
    assert [ended.state(d) for d in (BEFORE, DAY, AFTER)] == ["galler", "galler", "upphort"]
    assert dated.Window().state(AFTER) == "galler"


def test_current_index_never_picks_a_proposal():
    windows = [dated.Window(DAY, None, "foreslagen"), dated.Window(DAY, None, "beslutad")]
    assert [dated.current_index(windows, d) for d in (BEFORE, DAY, AFTER)] == [None, 1, 1]
    assert dated.current_index(windows[:1], AFTER) is None


def test_the_model_has_no_day_and_one_model_gives_each_day_its_view(tmp_path):
    model, report, _ = load_model(Layout(_project(tmp_path)))
    assert report.ok and model.today is None
    assert model.trees["exempel"].nodes["radgor"].title == "Rådgör med socialtjänsten"  # grundtexten
    titles = {}
    for day in (BEFORE, DAY, AFTER):
        view, _ = as_of(model, day)
        assert view.today == day
        titles[day] = view.trees["exempel"].nodes["radgor"].title
    assert titles == {BEFORE: "Rådgör med socialtjänsten", DAY: "Ny text från 2027", AFTER: "Ny text från 2027"}
    assert model.trees["exempel"].nodes["radgor"].title == "Rådgör med socialtjänsten"  # modellen är orörd


def test_text_switches_on_the_day(tmp_path):
    root = _project(tmp_path)
    before, report = load_project(Layout(root), BEFORE)
    assert report.ok, [d.message for d in report.errors]
    node = before.trees["exempel"].nodes["radgor"]
    assert node.title == "Rådgör med socialtjänsten"
    assert [n.kind for n in node.notices] == ["kommande"]
    assert node.notices[0].heading == "Från 1 januari 2027"
    assert before.lagrum["ny-regel"].state == "kommande"

    for day in (DAY, AFTER):
        after, report = load_project(Layout(root), day)
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


def test_proposal_the_day_before_and_on_the_day(tmp_path):
    root = _project(tmp_path, decision="foreslagen")
    project, report = load_project(Layout(root), BEFORE)
    assert report.ok
    assert project.trees["exempel"].nodes["radgor"].notices[0].heading == "Förslag: från 1 januari 2027"
    assert not past_due_proposals(project)

    project, report = load_project(Layout(root), DAY)
    assert report.ok
    assert [w.code for w in report.warnings if w.code.startswith("forslag")] == ["forslag-i-dag"]
    node = project.trees["exempel"].nodes["radgor"]
    assert node.title == "Rådgör med socialtjänsten"
    assert node.notices[0].kind == "forslag-passerat"
    assert not past_due_proposals(project)  # passerat först dagen efter


def test_past_due_proposal_is_a_warning_with_file_and_line_and_the_old_text_stays(tmp_path):
    root = _project(tmp_path, decision="foreslagen")
    later = dt.date(2027, 6, 1)
    for day in (AFTER, later):
        project, report = load_project(Layout(root), day)
        assert report.ok, [e.message for e in report.errors]
        warnings = [w for w in report.warnings if w.code == "forslag-passerat"]
        assert len(warnings) == 1 and "ny-regel" in warnings[0].message
        lagrum_file = root / "data" / "lagrum.yaml"
        assert warnings[0].location.path == lagrum_file
        assert warnings[0].location.line == line_of(lagrum_file.read_text(encoding="utf-8"), "  ny-regel:")
        assert "beslutad" in warnings[0].hint and "SFS" in warnings[0].hint
        assert project.trees["exempel"].nodes["radgor"].title == "Rådgör med socialtjänsten"
        assert project.lagrum["ny-regel"].state == "forslag-passerat"

    due = past_due_proposals(project)
    assert [(d.code, d.location) for d in due] == [(w.code, w.location) for w in warnings]
    assert replace(due[0], severity=Severity.ERROR).format(root).startswith("data/lagrum.yaml:")


def test_past_due_proposal_page_says_it_is_not_confirmed_and_what_to_do(tmp_path):
    project, _ = load_project(Layout(_project(tmp_path, decision="foreslagen")), AFTER)
    pages = {p.source: p for p in PageBuilder(project).all_pages()}
    radgor = pages["beslutsstod/exempel/radgor/index.md"].body
    assert "Ändringen väntades 1 januari 2027 men är inte bekräftad" in radgor
    assert "ännu inte bekräftat att förslaget har blivit lag" in radgor
    assert "Följ tills vidare det som står på den här sidan" in radgor
    assert "jurist eller socialtjänsten" in radgor
    upcoming = pages[UPCOMING_SOURCE].body
    waiting = upcoming.index('id="vantade"')
    assert waiting < upcoming.index("1 januari 2027", waiting) < upcoming.index('id="har-borjat-galla"')


def test_past_due_proposal_builds(tmp_path, capsys):
    root = _project(tmp_path, decision="foreslagen")
    assert main(["build", "--rot", str(root), "--idag", AFTER.isoformat()]) == 0
    page = root / "build" / "docs" / "beslutsstod" / "exempel" / "radgor" / "index.md"
    assert "Ändringen väntades 1 januari 2027" in page.read_text(encoding="utf-8")
    assert main(["check", "--rot", str(root), "--idag", AFTER.isoformat()]) == 0
    assert "forslag-passerat" in capsys.readouterr().out


def test_past_due_proposals_needs_a_view(tmp_path):
    model, _, _ = load_model(Layout(_project(tmp_path, decision="foreslagen")))
    with pytest.raises(ValueError):
        past_due_proposals(model)


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
    assert 'id="vantade"' not in page.body
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


def test_pages_are_built_from_a_view_not_from_the_model(tmp_path):
    model, _, _ = load_model(Layout(_project(tmp_path)))
    with pytest.raises(ValueError):
        PageBuilder(model)


def test_review_dates_are_checked_in_the_view(tmp_path):
    root = make_project(tmp_path)  # granskad: 2026-11-01, granskas_senast: 2027-05-01
    codes = {
        day: {d.code for d in load_project(Layout(root), day)[1].warnings}
        for day in (dt.date(2026, 10, 31), dt.date(2026, 11, 1), dt.date(2027, 5, 1), dt.date(2027, 5, 2))
    }
    assert "granskad-framtid" in codes[dt.date(2026, 10, 31)]
    assert "granskad-framtid" not in codes[dt.date(2026, 11, 1)]
    assert "granskning-passerad" not in codes[dt.date(2027, 5, 1)]
    assert "granskning-passerad" in codes[dt.date(2027, 5, 2)]


def test_build_day_explicit_then_environment():
    assert build_day(DAY, {ENV: "2030-01-01"}) == DAY
    assert build_day(None, {ENV: " 2027-01-02 "}) == AFTER
    with pytest.raises(BuildDayError, match="ÅÅÅÅ-MM-DD"):
        build_day(None, {ENV: "2 januari"})


def test_cli_refuses_a_bad_build_day(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, "igår")
    assert main(["check", "--rot", str(make_project(tmp_path))]) == 2
    assert "SAMVERKAN_IDAG=igår är inget datum" in capsys.readouterr().err


@pytest.mark.parametrize("day", [dt.date(2026, 12, 31), dt.date(2027, 1, 1), dt.date(2027, 1, 2), dt.date(2027, 6, 1)])
def test_real_content_checks_without_errors_around_its_changes(day):
    """Det riktiga innehållet har inga fel före, på och efter sina datum (också när ett förslag har passerats)."""
    root = Path(__file__).resolve().parents[2]
    _, report = load_project(Layout(root), day)
    assert report.ok, [e.format(root) for e in report.errors]


def test_real_project_switches_independent_schools_on_2027_01_01():
    """Det riktiga innehållet: guiden byter svar för fristående skolor den 1 januari 2027."""
    root = Path(__file__).resolve().parents[2]
    model, report, _ = load_model(Layout(root))
    assert report.ok
    node = as_of(model, dt.date(2026, 12, 31))[0].trees["vad-far-jag-dela"].nodes["fristaende-skola"]
    assert node.title.startswith("Du har tystnadsplikt")
    assert any(n.kind == "kommande" and n.date == dt.date(2027, 1, 1) for n in node.notices)
    for day in (dt.date(2027, 1, 1), dt.date(2027, 1, 2)):
        node = as_of(model, day)[0].trees["vad-far-jag-dela"].nodes["fristaende-skola"]
        assert node.title.startswith("Elevhälsans uppgifter har stark sekretess också i fristående skolor")
        assert "osl-enskilda-huvudman" in node.lagrum


def test_past_due_proposal_in_a_guide_version(tmp_path):
    """Ett förslag i en guides egen version (utan lagandring) passerat: varning på versionens rad."""
    root = make_project(tmp_path)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "forslag-passerat"
    shutil.copytree(fixture, root, dirs_exist_ok=True)
    project, report = load_project(Layout(root), dt.date(2026, 11, 23))  # förslaget gällde från 2026-01-01
    assert report.ok, [e.format(root) for e in report.errors]
    places = [(d.location.path.relative_to(root).as_posix(), d.location.line) for d in past_due_proposals(project)]
    assert places == [("decision_trees/exempel.yaml", 59)]
    assert [w.code for w in report.warnings if w.location.line == 59] == ["forslag-passerat"]
    node = project.trees["exempel"].nodes["radgor"]
    assert node.title == "Rådgör med socialtjänsten"  # den gamla texten står kvar
    assert "1 januari 2026" in node.notices[0].advice


def test_the_mkdocs_hook_takes_its_day_from_samverkan_idag(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    from build_tools.adapters import mkdocs_hooks

    root = _project(tmp_path, decision="foreslagen")
    config = {"config_file_path": str(root / "mkdocs.yml"), "nav": None, "extra": {}}
    page = root / "build" / "docs" / "beslutsstod" / "exempel" / "radgor" / "index.md"
    monkeypatch.setenv(ENV, BEFORE.isoformat())
    mkdocs_hooks.on_config(config)
    assert "Förslag: från 1 januari 2027" in page.read_text(encoding="utf-8")
    monkeypatch.setenv(ENV, AFTER.isoformat())
    mkdocs_hooks.on_config(config)  # ett passerat förslag stoppar inte bygget
    assert "Ändringen väntades 1 januari 2027 men är inte bekräftad" in page.read_text(encoding="utf-8")
    monkeypatch.setenv(ENV, "2027-13-01")
    with pytest.raises(PluginError, match="ÅÅÅÅ-MM-DD"):
        mkdocs_hooks.on_config(config)


def test_unverified_notes_follow_the_text_in_force(tmp_path):
    """Obekräftat gäller texten som visas: en version med egna rader varnar från sin dag, på sina rader."""
    version = VERSION + "        obekraftat: [Versionens uppgift är inte kontrollerad.]\n"
    root = _project(tmp_path, version=version)
    text = (root / "decision_trees" / "exempel.yaml").read_text(encoding="utf-8")

    def notes(day):
        _, report = load_project(Layout(root), day)
        return [(w.location.line, w.message.split(": ", 1)[1]) for w in report.warnings if w.code == "obekraftat"]

    assert notes(BEFORE) == []
    assert notes(DAY) == [(line_of(text, "obekraftat: [Versionens"), "Versionens uppgift är inte kontrollerad.")]


def test_only_build_day_reads_the_clock():
    """Byggverktyget läser klockan på ett ställe (base/build_day.py); allt annat får dagen som ett värde."""
    package = Path(__file__).resolve().parents[2] / "build_tools"
    clock = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|time\.time)\(")
    readers = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py") if clock.search(p.read_text()))
    assert readers == ["base/build_day.py"]

"""Kontaktvägar är kontrollerade data, och socialjourens nummer står på ett ställe ({{socialjour}})."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from build_tools.base.diagnostics import Report
from build_tools.check.contact_values import ContactValueError, check_tel_links, contact_value
from build_tools.load.project import Layout, load_project
from build_tools.render.district_pages import district_pages
from build_tools.render.page_data import districts_json
from build_tools.render.pages import PageBuilder
from build_tools.render.site import planned_files
from tests.helpers import line_of, make_project, minimal_tree_text

TODAY = dt.date(2026, 11, 23)
PAGE = "https://socialtstod.stockholm/orosanmalan/"


@pytest.mark.parametrize(
    ("kind", "raw", "text", "href"),
    [
        ("telefon", "08-508 00 508", "08-508 005 08", "tel:+46850800508"),
        ("telefon", "08-50800508", "08-508 005 08", "tel:+46850800508"),
        ("telefon", "+46 8 508 010 00", "08-508 010 00", "tel:+46850801000"),
        ("telefon", "112", "112", "tel:112"),
        ("e-post", "jarva@stockholm.se", "jarva@stockholm.se", "mailto:jarva@stockholm.se"),
        (
            "webb",
            "https://start.stockholm/bromma/",
            "https://start.stockholm/bromma/",
            "https://start.stockholm/bromma/",
        ),
        ("besoksadress", "Borgarfjordsgatan 14, Kista", "Borgarfjordsgatan 14, Kista", ""),
    ],
)
def test_valid_values(kind, raw, text, href):
    value = contact_value(kind, raw)
    assert (value.text, value.href) == (text, href)


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("telefon", "08-508 01 00O"),  # bokstaven O: phonenumbers skulle annars ge ett kortare nummer
        ("telefon", "ring växeln"),
        ("telefon", "08-508"),
        ("telefon", "1177"),  # bara 112 är ett tillåtet kortnummer
        ("telefon", "08-508 00 508 eller 08-508 00 509"),
        ("e-post", "jarva@stockholm"),
        ("e-post", "Järva <jarva@stockholm.se>"),
        ("e-post", "jarva stockholm.se"),
        ("webb", "http://start.stockholm/"),
        ("webb", "https://"),
        ("webb", "javascript:alert(1)"),
        ("e-tjanst", "https://etjanster stockholm.se/"),
    ],
)
def test_invalid_values(kind, raw):
    with pytest.raises(ContactValueError):
        contact_value(kind, raw)


def test_tel_links_in_texts(tmp_path):
    path = tmp_path / "sida.md"
    text = (
        "Ring [112](tel:112) eller [08-508 00 508](tel:+46850800508).\n"
        "Fel: [08-508 00 508](tel:0850800508) och\n"
        "[08-508 00 509](tel:+46850800508) och <tel:+4685080>.\n"
    )
    path.write_text(text, encoding="utf-8")
    report = Report()
    check_tel_links([path], report)
    found = [(d.location.line, d.location.column, d.code) for d in report.errors]
    assert found == [(2, 6, "kontakt-telefon"), (3, 1, "kontakt-telefon"), (3, 39, "kontakt-telefon")]


SOCIALJOUR = """\
gemensamt:
  kontakter:
    - typ: telefon
      funktion: socialjour
      beskrivning: Socialjouren svarar på kvällar, nätter och helger.
{varde}      status: {status}
      kalla: https://socialtstod.stockholm/orosanmalan/
      kontrollerad: 2026-11-01
stadsdelar:
  - namn: Bromma
    slug: bromma
    omrade: ytterstad
    stadsdelar: [Alvik]
    alias: []
    tidigare_namn: []
    webbsida: https://start.stockholm/bromma/
    sst: {{finns: okant, status: ej-verifierad, kalla: https://start.stockholm/}}
    kontakter:
      - typ: telefon
        funktion: vaxel
        beskrivning: Växeln.
        varde: 08-508 10 000
        status: verifierad
        kalla: https://start.stockholm/bromma/
        kontrollerad: 2026-11-01
    saknas: []
"""


def _project(tmp_path: Path, number: str = "", status: str = "ej-verifierad") -> Path:
    tree = minimal_tree_text().replace("    text: Anmäl i dag.\n", "    text: Anmäl i dag. {{socialjour}}\n")
    root = make_project(tmp_path, tree)
    varde = f"      varde: {number}\n" if number else ""
    (root / "data" / "stadsdelar.yaml").write_text(SOCIALJOUR.format(varde=varde, status=status), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("---\ntitle: Start\n---\n\n# Start\n\n{{socialjour}}\n", encoding="utf-8")
    return root


def test_socialjour_unverified_says_where_to_find_it(tmp_path):
    project, report = load_project(Layout(_project(tmp_path)), TODAY)
    assert report.ok, [d.format() for d in report.errors]
    body = project.trees["exempel"].nodes["anmal"].body
    assert "{{" not in body
    assert f"({PAGE})" in body and "[112](tel:112)" in body
    start = planned_files(project, Layout(project.root))["index.md"].decode("utf-8")
    assert f"({PAGE})" in start and "{{socialjour}}" not in start


def test_socialjour_verified_is_a_tel_link_everywhere(tmp_path):
    root = _project(tmp_path, "08-508 00 508", "verifierad")
    project, report = load_project(Layout(root), TODAY)
    assert report.ok
    link = "[08-508 005 08](tel:+46850800508)"
    assert link in project.trees["exempel"].nodes["anmal"].body
    files = planned_files(project, Layout(root))
    assert link in files["index.md"].decode("utf-8")
    outcome = next(v.decode("utf-8") for k, v in files.items() if k.startswith("beslutsstod/exempel/anmal"))
    assert 'href="tel:+46850800508"' in outcome
    assert "tel:112" in outcome


def test_socialjour_number_entered_but_not_verified_is_not_shown(tmp_path):
    project, report = load_project(Layout(_project(tmp_path, "08-508 00 508", "delvis")), TODAY)
    assert report.ok
    body = project.trees["exempel"].nodes["anmal"].body
    assert "tel:+46850800508" not in body
    assert f"({PAGE})" in body


def test_districts_json_and_page_use_validated_values(tmp_path):
    project, report = load_project(Layout(_project(tmp_path)), TODAY)
    assert report.ok
    data = json.loads(districts_json(project))
    assert data[0]["contacts"] == [
        {"description": "Växeln.", "value": "08-508 100 00", "href": "tel:+46850810000", "status": "verifierad"}
    ]
    page = next(p for p in district_pages(PageBuilder(project)) if "bromma" in p.source).render()
    assert '<a class="sv-contact__tel" href="tel:+46850810000">08-508 100 00</a>' in page
    assert f'Numret står på <a href="{PAGE}">' in page  # socialjouren utan kontrollerat nummer


def test_bad_number_is_an_error_and_no_link(tmp_path):
    root = _project(tmp_path)
    path = root / "data" / "stadsdelar.yaml"
    text = path.read_text(encoding="utf-8").replace("08-508 10 000", "08-508 10 00O")
    path.write_text(text, encoding="utf-8")
    project, report = load_project(Layout(root), TODAY)
    assert [(d.code, d.location.line) for d in report.errors] == [("kontakt-telefon", line_of(text, "00O"))]
    assert not [c for d in project.districts for c in d.contacts if c.function == "vaxel"]


def test_missing_source_or_date_is_an_error(tmp_path):
    root = _project(tmp_path)
    path = root / "data" / "stadsdelar.yaml"
    text = path.read_text(encoding="utf-8").replace("        kontrollerad: 2026-11-01\n", "")
    path.write_text(text, encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert [d.code for d in report.errors] == ["schema-required"]
    assert report.errors[0].location.line == line_of(text, "funktion: vaxel") - 1

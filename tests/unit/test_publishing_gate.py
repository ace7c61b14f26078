"""check --publicering: ägarens kontroll före publicering.

Ett litet projekt där allt är ifyllt ger slutkod 0. Varje sorts platshållare som läggs in ger
slutkod 1 och står i listan med fil och rad. Dagens riktiga innehåll ger slutkod 1 och listar
socialjourens nummer."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from build_tools.base.layout import default_root
from build_tools.cli import main
from tests.helpers import line_of, make_project

TODAY = "2026-11-23"

CONFIG = """\
site_name: Test
site_url: !ENV [SITE_URL, "https://samverkansguiden.example.se/"]
extra:
  redaktion:
    rapportera_fel: "mailto:redaktionen@stockholm.se?subject=Fel&body={sida}"
    foresla_andring: "https://arenden.stockholm.se/ny?sida={sida}&fil={fil}"
"""

STATEMENT = """\
---
title: Tillgänglighetsredogörelse
---

# Tillgänglighetsredogörelse

Utbildningsförvaltningen står bakom webbplatsen. Webbplatsen publicerades 2027-02-01.
"""

CONTACT = """\
    - typ: {typ}
      funktion: {funktion}
      beskrivning: En kontaktväg för testet.
      varde: "{varde}"
      status: {status}
      kalla: https://socialtstod.stockholm/orosanmalan/
      kontrollerad: 2026-11-01
"""

DISTRICTS = """\
gemensamt:
  kontakter:
{contacts}stadsdelar:
  - namn: Bromma
    slug: bromma
    omrade: ytterstad
    stadsdelar: [Alvik]
    alias: []
    tidigare_namn: []
    webbsida: https://start.stockholm/bromma/
    sst: {{finns: okant, status: ej-verifierad, kalla: https://start.stockholm/}}
    kontakter: []
    saknas: []
"""


def _contact(varde: str, status: str = "verifierad", funktion: str = "socialjour", typ: str = "telefon") -> str:
    return CONTACT.format(typ=typ, funktion=funktion, varde=varde, status=status)


def _clean(tmp_path: Path) -> Path:
    """Minimalprojektet med allt ägaren ska fylla i ifyllt."""
    root = make_project(tmp_path)
    lagrum = root / "data" / "lagrum.yaml"
    lagrum.write_text(lagrum.read_text(encoding="utf-8").replace("status: ej-verifierad", "status: verifierad"))
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "tillganglighet.md").write_text(STATEMENT, encoding="utf-8")
    contacts = _contact("112", funktion="akut") + _contact("08-508 00 508")
    (root / "data" / "stadsdelar.yaml").write_text(DISTRICTS.format(contacts=contacts), encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _no_site_url(monkeypatch):
    """Testerna ska inte bero på om SITE_URL råkar vara satt där de körs."""
    monkeypatch.delenv("SITE_URL", raising=False)


def _gate(root: Path, capsys, today: str = TODAY) -> tuple[int, str]:
    code = main(["check", "--publicering", "--rot", str(root), "--idag", today])
    return code, capsys.readouterr().out


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def test_clean_project_passes(tmp_path, capsys):
    code, out = _gate(_clean(tmp_path), capsys)
    assert code == 0, out
    assert "Publiceringskontrollen: klart" in out


def test_plain_check_is_not_the_gate(tmp_path, capsys):
    """Vanliga check stoppar inte för ägarens uppgifter (de är varningar för redaktörerna)."""
    root = _clean(tmp_path)
    _edit(root / "mkdocs.yml", "redaktionen@stockholm.se", "samverkansguiden@example.invalid")
    assert main(["check", "--rot", str(root), "--idag", TODAY]) == 0
    assert "Publiceringskontrollen" not in capsys.readouterr().out


def test_site_url_marker(tmp_path, capsys):
    root = _clean(tmp_path)
    text = _edit(
        root / "mkdocs.yml",
        "site_url:",
        "# [ÄGAREN FYLLER I: bekräfta sajtens publika adress i site_url nedan]\nsite_url:",
    )
    code, out = _gate(root, capsys)
    assert code == 1
    assert f"mkdocs.yml:{line_of(text, 'ÄGAREN FYLLER I')}:" in out
    assert "site_url" in out


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "https://localhost/", "/mr-12/"])
def test_site_url_from_the_environment(tmp_path, capsys, monkeypatch, url):
    root = _clean(tmp_path)
    monkeypatch.setenv("SITE_URL", url)
    code, out = _gate(root, capsys)
    assert code == 1
    assert f"mkdocs.yml: Miljövariabeln SITE_URL är ”{url}”" in out
    monkeypatch.setenv("SITE_URL", "https://samverkansguiden.stockholm.se/")
    assert _gate(root, capsys)[0] == 0


@pytest.mark.parametrize("key", ["rapportera_fel", "foresla_andring"])
def test_example_feedback_address(tmp_path, capsys, key):
    root = _clean(tmp_path)
    config = root / "mkdocs.yml"
    old = "redaktionen@stockholm.se" if key == "rapportera_fel" else "arenden.stockholm.se"
    text = _edit(config, old, "samverkansguiden@example.invalid" if key == "rapportera_fel" else "x.example.invalid")
    code, out = _gate(root, capsys)
    assert code == 1
    assert re.search(rf"mkdocs\.yml:{line_of(text, key)}:\d+: Sidfotens länk {key}", out), out


def test_statement_fields(tmp_path, capsys):
    root = _clean(tmp_path)
    text = _edit(root / "docs" / "tillganglighet.md", "2027-02-01", "**[ÄGAREN FYLLER I: publiceringsdatum]**")
    code, out = _gate(root, capsys)
    assert code == 1
    assert f"docs/tillganglighet.md:{line_of(text, 'ÄGAREN')}:" in out
    assert "publiceringsdatum" in out


@pytest.mark.parametrize(
    ("varde", "status"),
    [("", "ej-verifierad"), ("08-508 00 508", "delvis"), ("08-508 00 508", "ej-verifierad")],
)
def test_socialjour_number(tmp_path, capsys, varde, status):
    root = _clean(tmp_path)
    path = root / "data" / "stadsdelar.yaml"
    new = _contact(varde, status).replace('      varde: ""\n', "")
    text = _edit(path, _contact("08-508 00 508"), new)
    code, out = _gate(root, capsys)
    assert code == 1
    assert f"data/stadsdelar.yaml:{line_of(text, 'funktion: socialjour') - 1}:7: Socialjourens" in out


def test_unverified_contact_shown(tmp_path, capsys):
    root = _clean(tmp_path)
    path = root / "data" / "stadsdelar.yaml"
    text = _edit(
        path,
        "    kontakter: []\n",
        "    kontakter:\n" + textwrap.indent(_contact("bromma@stockholm.se", "delvis", "forvaltning", "e-post"), "  "),
    )
    code, out = _gate(root, capsys)
    assert code == 1
    assert f"data/stadsdelar.yaml:{line_of(text, 'typ: e-post')}:" in out
    assert "Bromma: bromma@stockholm.se (delvis)" in out


def test_unverified_lagrum_one_line_each(tmp_path, capsys):
    root = _clean(tmp_path)
    text = _edit(root / "data" / "lagrum.yaml", "status: verifierad", "status: delvis")
    code, out = _gate(root, capsys)
    assert code == 1
    entries = [line for line in out.splitlines() if line.startswith("  data/lagrum.yaml:")]
    assert entries == [line for line in entries if "delvis kontrollerat" in line]
    assert f"data/lagrum.yaml:{line_of(text, 'sol-anmalningsskyldighet:')}:" in entries[0]


PROPOSAL = """\
  ny-regel:
    rubrik: En föreslagen regel
    typ: forslag
    lag: lagrådsremiss 2026
    lank: https://www.riksdagen.se/
    status: verifierad
    kallor: [https://www.riksdagen.se/]
    sammanfattning: Ett förslag till en ny regel.
    galler_fran: 2026-12-01
    beslut: foreslagen
    andringen: Regeringen föreslår en ny regel.
"""


def test_past_due_proposal(tmp_path, capsys):
    root = _clean(tmp_path)
    text = _edit(root / "data" / "lagrum.yaml", "  sol-forhandsbedomning:\n", PROPOSAL + "  sol-forhandsbedomning:\n")
    code, out = _gate(root, capsys, "2026-11-23")
    assert code == 0, out
    code, out = _gate(root, capsys, "2026-12-10")
    assert code == 1
    assert "Förslag vars datum har passerat (1):" in out
    assert f"data/lagrum.yaml:{line_of(text, 'ny-regel:')}:" in out


def test_errors_first_and_never_clear(tmp_path, capsys):
    """Med fel i innehållet blir publiceringskontrollen aldrig klar, också när listan är tom."""
    root = _clean(tmp_path)
    _edit(root / "data" / "stadsdelar.yaml", '"08-508 00 508"', '"08-508 01 00O"')
    code, out = _gate(root, capsys)
    assert code == 1
    assert "kontakt-telefon" in out
    assert "klart" not in out.split("Publiceringskontrollen")[-1]


def test_real_content_lists_socialjour(capsys):
    root = default_root()
    code = main(["check", "--publicering", "--rot", str(root), "--idag", "2026-12-07"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Socialjouren (1):" in out
    assert re.search(r"data/stadsdelar\.yaml:\d+:\d+: Socialjourens telefonnummer", out)

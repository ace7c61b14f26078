"""Förhandsvisningen: felrutan, felsidan när inget tidigare bygge finns och källfilen för sidfoten."""

from __future__ import annotations

from pathlib import Path

from build_tools.adapters import preview
from build_tools.addresses.site_map import source_file
from build_tools.base.diagnostics import Location, Report


def _report(root: Path) -> Report:
    report = Report()
    report.error(
        Location(root / "decision_trees" / "x.yaml", 4, 16), "Svaret <pekar> fel.", "Ändra nasta.", "okand-nasta"
    )
    report.warning(Location(root / "data" / "lagrum.yaml", 2, 1), "En varning.", code="obekraftat")
    return report


def test_error_box_names_file_line_and_fix_and_escapes_text(tmp_path):
    box = preview.error_box(_report(tmp_path), tmp_path)
    assert "Innehållet har 1 fel" in box
    assert "decision_trees/x.yaml:4:16" in box and "[okand-nasta]" in box
    assert "Så här rättar du:</em> Ändra nasta." in box
    assert "&lt;pekar&gt;" in box and "<pekar>" not in box
    assert "En varning" not in box
    assert "<script" not in box and "style=" not in box  # sajtens CSP tillåter inga inbäddade skript eller stilar


def test_first_build_with_errors_writes_an_error_page_for_every_nav_entry(tmp_path):
    out = tmp_path / "build" / "docs"
    nav = [{"Start": "index.md"}, {"Stöd": "stod/index.md"}, {"Samverkan": [{"Mall": "samverkan/mall.md"}]}]
    preview.write_error_site(out, nav, _report(tmp_path), tmp_path)
    for source in ("index.md", "stod/index.md", "samverkan/mall.md"):
        assert "Innehållet har fel" in (out / source).read_text(encoding="utf-8")


def test_existing_pages_are_kept(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# Fungerande\n", encoding="utf-8")
    preview.write_error_site(out, ["index.md"], _report(tmp_path), tmp_path)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Fungerande\n"


def test_source_file_for_the_footer_link():
    node_page = "beslutsstod/vad-far-jag-dela/dela-med-samtycke/index.md"
    assert source_file(node_page) == "decision_trees/vad-far-jag-dela.yaml"
    assert source_file("stod/sip/index.md") == "guides/stod/sip.md"
    assert source_file("roller/larare/index.md") == "guides/roller/larare.md"
    assert source_file("ovningsfall/leo/index.md") == "data/ovningsfall.yaml"
    assert source_file("samverkan/uppfoljning/index.md") == "data/overenskommelser.yaml"
    assert source_file("om.md") == "docs/om.md"

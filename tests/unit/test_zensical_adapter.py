"""Zensical-adaptern: kärnans steg före och efter ett bygge som inte kör MkDocs-krokar.

Zensical själv byts här mot ett litet program som gör det Zensical gör med sökindexet (skriver
site/search/search_index.json) och avslutar med en vald felkod. Det riktiga Zensical provbyggs i
scripts/zensical_trial.py (scripts/test.sh).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from build_tools.adapters.zensical import build
from build_tools.base.layout import Layout
from tests.helpers import make_project

DAY = dt.date(2026, 12, 7)


def _fake_zensical(tmp_path: Path, exit_code: int, index: bool = True) -> str:
    """Ett program som skriver ett sökindex i Materials format (om ``index``) och avslutar med ``exit_code``."""
    script = tmp_path / "zensical"
    docs = [{"location": "", "title": "Start", "text": "Orosanmälan till socialtjänsten"}]
    write = (
        "site = pathlib.Path('site') / 'search'; site.mkdir(parents=True, exist_ok=True); "
        f"(site / 'search_index.json').write_text(json.dumps({{'config': {{}}, 'docs': {docs!r}}}))"
        if index
        else "pathlib.Path('ran').write_text('ja')"
    )
    script.write_text(
        f"#!{sys.executable}\nimport json, pathlib, sys\n"
        f"pathlib.Path('argv.json').write_text(json.dumps(sys.argv[1:]))\n{write}\nsys.exit({exit_code})\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


def test_content_errors_stop_before_the_generator_runs(tmp_path):
    root = make_project(tmp_path, "id: trasig\n")
    assert build(Layout(root), DAY, _fake_zensical(tmp_path, 0)) == 1
    assert not (root / "argv.json").exists()
    assert not (root / "build" / "docs" / "index.md").exists()


def test_the_core_writes_the_pages_first_and_a_failed_build_is_a_failure(tmp_path):
    root = make_project(tmp_path)
    assert build(Layout(root), DAY, _fake_zensical(tmp_path, 3)) == 3
    assert json.loads((root / "argv.json").read_text()) == ["build", "--strict", "-f", "mkdocs.yml"]
    assert list((root / "build" / "docs").rglob("index.md"))


def test_swedish_search_terms_are_added_to_a_material_style_index(tmp_path):
    root = make_project(tmp_path)
    assert build(Layout(root), DAY, _fake_zensical(tmp_path, 0)) == 0
    index = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "samverkan" in index["config"]  # det svenska steget har körts på indexet


def test_without_a_material_index_the_site_is_left_as_zensical_wrote_it(tmp_path):
    root = make_project(tmp_path)
    assert build(Layout(root), DAY, _fake_zensical(tmp_path, 0, index=False)) == 0
    assert (root / "ran").exists() and not (root / "site" / "search").exists()

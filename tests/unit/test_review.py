"""Granskningsvyn: vägarna med tak, diagrammet och sidan; listan över sajtens sidor för länkkontrollen."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from build_tools.addresses.site_map import review_source, site_sources
from build_tools.base.diagnostics import Location
from build_tools.domain.graph import all_paths
from build_tools.domain.model import Answer, Outcome, Question, Tree
from build_tools.domain.paths import bounded_paths, count_paths, paths_to_outcomes
from build_tools.load.project import Layout, load_project
from build_tools.render.pages import PageBuilder
from build_tools.render.review import review_page
from build_tools.render.site import extra_files
from tests.helpers import make_project

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)
HERE = Location(Path("x.yaml"), 1, 1)


def _chain(n: int) -> Tree:
    """n frågor i rad, två svar var som båda leder till nästa fråga: 2**n vägar."""
    nodes: dict = {}
    for i in range(n):
        nxt = f"q{i + 1}" if i + 1 < n else "slut"
        answers = tuple(Answer(a, a, nxt, "", HERE, HERE) for a in ("ja", "nej"))
        nodes[f"q{i}"] = Question(f"q{i}", f"Fråga {i}?", "", answers, (), HERE)
    nodes["slut"] = Outcome("slut", "information", "planerat", "Slut", "Text.", ("Steg.",), ("x",), False, (), (), HERE)
    return Tree("kedja", "Kedja", "Test.", "", ("larare",), "Ägare", TODAY, TODAY, "q0", nodes, Path("k.yaml"), HERE)


def test_paths_are_counted_without_enumerating_them():
    tree = _chain(40)
    assert count_paths(tree) == 2**40
    limited = bounded_paths(tree, cap=50)
    assert len(limited.paths) == 50 and limited.capped and limited.total == 2**40
    assert paths_to_outcomes(tree) == {"slut": 2**40}


def test_small_guides_use_the_existing_enumeration(tmp_path):
    project, _ = load_project(Layout(make_project(tmp_path)), TODAY)
    tree = project.trees["exempel"]
    assert bounded_paths(tree).paths == all_paths(tree)
    assert not bounded_paths(tree).capped


def test_review_page_has_every_path_a_diagram_and_links_into_the_guide(tmp_path):
    project, _ = load_project(Layout(make_project(tmp_path)), TODAY)
    tree = project.trees["exempel"]
    page = review_page(PageBuilder(project, TODAY), tree)
    assert page.source == review_source("exempel") == "beslutsstod/exempel/granskning/index.md"
    assert "navigation" in page.hide
    body = page.body
    assert body.count("<svg") == 1 and "<script" not in body
    # Sidan ligger i beslutsstod/exempel/granskning/, noderna i beslutsstod/exempel/<nod>/.
    for node_id in tree.nodes:
        assert f'xlink:href="../{node_id}/"' in body
    rows = re.findall(r"<tr><td>(\d+)</td>", body)
    assert len(rows) == len(all_paths(tree))
    assert tree.reviewed.isoformat() in body


def test_capped_guide_says_so(tmp_path):
    project, _ = load_project(Layout(make_project(tmp_path)), TODAY)
    project.trees = {"kedja": _chain(12)}
    project.lagrum = {}
    body = review_page(PageBuilder(project, TODAY), project.trees["kedja"]).body
    assert "Tabellen visar de första 400 av 4096 vägar" in body


def test_site_map_matches_the_pages_that_are_built():
    """Länkkontrollen räknar ut sajtens sidor utan att rendera; listan ska stämma med bygget."""
    project, report = load_project(Layout(ROOT), TODAY)
    assert report.ok
    built = {page.source for page in PageBuilder(project, TODAY).all_pages()}
    built |= set(extra_files(project))
    built |= {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert site_sources(project, ROOT / "docs") == built

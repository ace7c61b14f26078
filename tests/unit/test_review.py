"""Granskningsvyn: vägarna med tak, diagrammet och sidan; listan över sajtens sidor för länkkontrollen."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from html import unescape
from pathlib import Path

from markupsafe import escape

from build_tools.addresses.site_map import review_source, site_sources
from build_tools.base.diagnostics import Location
from build_tools.domain.graph import all_paths
from build_tools.domain.model import Answer, Outcome, Question, Tree
from build_tools.domain.paths import bounded_paths, count_paths, paths_to_outcomes
from build_tools.load.lagrum import citation_text
from build_tools.load.project import Layout, load_project
from build_tools.render.markdown_text import to_plain_text
from build_tools.render.pages import PageBuilder
from build_tools.render.review import review_page
from build_tools.render.review_nodes import SignedVersion, signed_version, signed_versions
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
    page = review_page(PageBuilder(project), tree)
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
    body = review_page(PageBuilder(project), project.trees["kedja"]).body
    assert "Tabellen visar de första 400 av 4096 vägar" in body


def test_site_map_matches_the_pages_that_are_built():
    """Länkkontrollen räknar ut sajtens sidor utan att rendera; listan ska stämma med bygget."""
    project, report = load_project(Layout(ROOT), TODAY)
    assert report.ok
    built = {page.source for page in PageBuilder(project).all_pages()}
    built |= set(extra_files(project))
    built |= {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert site_sources(project, ROOT / "docs") == built


def _text(html: str) -> str:
    """Sidans text utan taggar, med mellanrummen hopslagna (som en läsare ser den)."""
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r" ([.,:;?!)])", r"\1", text)


def _plain(markdown: str) -> str:
    return re.sub(r" ([.,:;?!)])", r"\1", " ".join(to_plain_text(markdown).split()))


def _real_review(tree_id: str):
    project, report = load_project(Layout(ROOT), TODAY)
    assert report.ok
    tree = project.trees[tree_id]
    return tree, review_page(PageBuilder(project), tree).body


def test_review_view_shows_everything_a_reader_sees_once_per_node():
    project, report = load_project(Layout(ROOT), TODAY)
    assert report.ok
    for tree in project.trees.values():
        body = review_page(PageBuilder(project), tree).body
        text = _text(body)
        for node in tree.nodes.values():
            section = body.split(f'id="nod-{node.id}"', 1)[1].split("</section>", 1)[0]
            today_part = section.split('class="sv-review__version"', 1)[0]
            if isinstance(node, Question):
                assert _plain(node.text) in text
                assert not node.help or _plain(node.help.split("\n\n")[0]) in _text(today_part)
                for answer in node.answers:
                    assert _plain(answer.label) in _text(today_part)
                continue
            assert _plain(node.title) in text
            assert _plain(node.steps[0]) in _text(today_part)
            assert _plain(node.body.split("\n\n")[-1]) in _text(today_part)
            # Lagrummen en gång per nod, med status: en statusmärkning per lagrum i listan.
            assert today_part.count('class="sv-review__status ') == len(node.lagrum), (tree.id, node.id)
            for ref in node.lagrum:
                assert str(escape(citation_text(project.lagrum[ref]))) in today_part


def test_review_view_has_no_lagrum_per_path_and_shows_paths_as_ids():
    tree, body = _real_review("ska-jag-gora-en-orosanmalan")
    paths = body.split('id="vagar"', 1)[1].split('id="lagrum-i-guiden"', 1)[0]
    assert "sv-review__status" not in paths
    longest = max(bounded_paths(tree).paths, key=lambda p: len(p.steps))
    chain = " → ".join(f"{s.question_id}.{s.answer_id}" for s in longest.steps)
    assert f"{chain} ⇒ {longest.outcome_id}" in paths


def test_review_view_shows_text_that_changes_on_a_date():
    _tree, body = _real_review("vad-far-jag-dela")
    section = body.split('id="nod-fristaende-skola"', 1)[1].split("</section>", 1)[0]
    assert "Byter text från 2027-01-01" in section
    assert "Elevhälsans uppgifter har stark sekretess också i fristående skolor" in section
    assert "osl-enskilda-huvudman" in section


def _git(folder: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-05-04T12:00:00", "GIT_COMMITTER_DATE": "2026-05-04T12:00:00"}
    env |= {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_the_signed_version_is_the_commit_and_says_when_files_are_not_committed(tmp_path):
    root = make_project(tmp_path)
    tree_file = root / "decision_trees" / "exempel.yaml"
    assert signed_version(tree_file) == SignedVersion()  # ingen git: "okänd"
    project, _ = load_project(Layout(root), TODAY)
    body = review_page(PageBuilder(project), project.trees["exempel"]).body
    assert "okänd" in body
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    version = signed_version(tree_file)
    assert version.date == "2026-05-04" and len(version.commit) >= 7 and not version.uncommitted
    project, _ = load_project(Layout(root), TODAY)
    body = review_page(PageBuilder(project), project.trees["exempel"]).body
    assert f"<code>{version.commit}</code> från 2026-05-04" in body
    tree_file.write_text(tree_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert signed_version(tree_file).uncommitted


def test_the_versions_of_all_guides_at_once_say_which_guide_has_changes(tmp_path):
    root = make_project(tmp_path)
    trees = root / "decision_trees"
    first, second = trees / "exempel.yaml", trees / "andra.yaml"
    second.write_text(first.read_text(encoding="utf-8").replace("id: exempel", "id: andra"), encoding="utf-8")
    assert signed_versions([first, second]) == {first: SignedVersion(), second: SignedVersion()}  # ingen git
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    second.write_text(second.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    versions = signed_versions([first, second])
    assert not versions[first].uncommitted and versions[second].uncommitted
    assert versions[first].commit == versions[second].commit == signed_version(first).commit
    _git(root, "mv", "decision_trees/exempel.yaml", "decision_trees/flyttad.yaml")  # en flytt: båda namnen räknas
    assert signed_versions([trees / "flyttad.yaml"])[trees / "flyttad.yaml"].uncommitted
    _git(root, "mv", "decision_trees/flyttad.yaml", "decision_trees/exempel.yaml")
    lagrum = root / "data" / "lagrum.yaml"
    lagrum.write_text(lagrum.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert all(v.uncommitted for v in signed_versions([first, second]).values())

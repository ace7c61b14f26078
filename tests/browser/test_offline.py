"""Offlinepaketet (scripts/offline.sh): uppackat och öppnat från en mapp (file://) i Chromium, utan
webbserver. Navigering, en guide med svar och "Dina svar", stadsdelarnas sökning, ordlistans tips och
sökningen fungerar, utan skriptfel och utan ett enda anrop till en webbserver."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from build_tools.adapters.offline import make_offline, pack
from build_tools.devtools.site_server import project_copy
from tests.browser.walker import load_for_collection, start_and_answer, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    project = project_copy(work)
    site = work / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs-offline.yml", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    make_offline(site)
    archive = work / "samverkansguiden.zip"
    pack(site, archive)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "uppackat")
    return (work / "uppackat" / "samverkansguiden").as_uri()


def test_guide_from_the_start_page_without_a_server(page, offline_root, requests_log):
    tree = PROJECT.trees["ska-jag-gora-en-orosanmalan"]
    case = next(c for c in PROJECT.cases if c.guide_id == tree.id)
    page.goto(offline_root + "/index.html")
    page.click("article a[href$='beslutsstod/index.html']")
    page.click(f"article a[href$='{tree.id}/index.html']")
    start_and_answer(page, tree, case.steps)
    assert page.url.startswith("file://") and "/index.html#svar=" in page.url
    assert page.locator(".sv-summary__row").count() == len(case.steps)
    page.click("a[data-sv-back]")
    wait_for_node(page, case.steps[-1].question_id)
    assert page.locator("a.sv-answer--previous").count() == 1
    assert {r.split(":", 1)[0] for r in requests_log.all} <= {"file", "data", "about", "blob"}


def test_districts_glossary_and_search_without_a_server(page, offline_root):
    page.goto(offline_root + "/stadsdelar/index.html")
    page.fill("#sv-lookup-input", "rinkeby")
    page.wait_for_function("() => document.querySelectorAll('#sv-lookup-results a').length > 0")
    assert "Rinkeby → Järva" in page.locator("#sv-lookup-results a").all_inner_texts()
    chapter = next(c for c in PROJECT.chapters if c.kind == "kapitel")
    page.goto(offline_root + f"/stod/{chapter.slug}/index.html")
    page.wait_for_function("() => document.querySelector('article').getAttribute('data-sv-terms') === 'klar'")
    assert page.locator(".sv-term").count() > 0
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("orosanmälan")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 3

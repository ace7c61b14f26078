"""Offlinepaketet (scripts/offline.sh): uppackat och öppnat från en mapp (file://) i Chromium, utan
webbserver. Navigering, en guide med svar och "Dina svar", stadsdelarnas sökning, ordlistans tips och
sökningen fungerar, utan skriptfel och utan ett enda anrop till en webbserver.

Paketets Content-Security-Policy tillåter inga inbäddade skript (inget 'unsafe-inline'): sökningen
fungerar ändå (iframens skript är en fil), och ett inbäddat skript eller en onerror i en sida körs inte."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

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


def _policy(page_file: Path) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page_file.read_text("utf-8"))
    assert match, page_file
    return match.group(1)


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


def test_strict_policy_blocks_inline_script_from_a_file(page, offline_root):
    folder = Path(unquote(urlparse(offline_root).path))
    pages = sorted(folder.rglob("*.html"))
    policies = {_policy(p) for p in pages}
    assert len(policies) == 1 and "'unsafe-inline'" not in policies.pop()
    # En sida med inbäddat skript och onerror, som om något hade slunkit förbi check och tvätten.
    chapter = next(c for c in PROJECT.chapters if c.kind == "kapitel")
    original = folder / "stod" / chapter.slug / "index.html"
    hostile = original.with_name("fientlig.html")
    payload = "<script>window.__pwned = 'inline'</script><img src=\"data:,\" onerror=\"window.__pwned = 'img'\">"
    hostile.write_text(original.read_text("utf-8").replace("</article>", payload + "</article>", 1), "utf-8")
    page.goto(hostile.as_uri())
    page.wait_for_load_state("load")
    assert page.locator("article img[src='data:,']").count() == 1  # nyttolasten står i sidan ...
    assert page.evaluate("() => window.__pwned") is None  # ... men körs inte
    # Webbläsaren rapporterar det som policyn stoppade som konsolfel; det är just dem testet väntar sig.
    blocked = [e for e in page.js_errors if "Content Security Policy" in e]  # type: ignore[attr-defined]
    assert blocked
    page.js_errors[:] = [e for e in page.js_errors if e not in blocked]  # type: ignore[attr-defined]

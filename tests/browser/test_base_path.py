"""Sajten fungerar i en undermapp, som en förhandsvisning per ändringsförslag (https://värd/mr-123/).

Sajten byggs med SITE_URL i undermappen och visas bara där: en adress utanför undermappen får 404.
Länkkontrollen hittar ingen trasig länk i bygget, och en person klickar från startsidan genom en
guide till ett resultat och vidare till ett kapitel, utan att ett enda anrop hamnar utanför undermappen.
"""

from __future__ import annotations

import pytest

from build_tools.check.site_links import check_site
from build_tools.devtools.site_server import build_and_serve, project_copy
from build_tools.domain.graph import Step
from tests.browser.walker import load_for_collection, start_and_answer, wait_for_heading, wait_for_node

PROJECT = load_for_collection()
PREFIX = "/mr-123"
GUIDE = "vad-far-jag-dela"  # guidens inledning länkar till /lagrum/kommande/ (från sajtens rot)
ROLE, CHAPTER = "larare", "anmalningsskyldighet"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("undermapp")
    site = build_and_serve(project_copy(work) / "mkdocs.yml", work / "site", prefix=PREFIX)
    yield site
    site.stop()


def _first_answers(tree):
    """Första svaret på varje fråga, från start till ett resultat."""
    steps, current = [], tree.start
    while hasattr(tree.nodes[current], "answers"):
        answer = tree.nodes[current].answers[0]
        steps.append(Step(current, answer.id))
        current = answer.next_id
    return steps, current


def test_the_site_works_in_a_subfolder(page, preview_site, requests_log):
    checked, broken, _ = check_site(preview_site.directory, PREFIX + "/")
    assert checked > 1000 and broken == []

    tree = PROJECT.trees[GUIDE]
    page.set_viewport_size({"width": 1400, "height": 900})  # bred skärm: loggan och menyn syns
    page.goto(preview_site.base_url + "/")
    page.click(f"article a[href$='beslutsstod/{GUIDE}/']")
    wait_for_heading(page, tree.title)
    # Länken i guidens inledning är skriven från sajtens rot; på sidan leder den in i undermappen.
    html = (preview_site.directory / "beslutsstod" / GUIDE / "index.html").read_text(encoding="utf-8")
    assert 'href="../../lagrum/kommande/"' in html
    upcoming = page.locator("article a[href$='lagrum/kommande/']").first
    assert upcoming.evaluate("a => a.href") == preview_site.base_url + "/lagrum/kommande/"

    steps, outcome = _first_answers(tree)
    start_and_answer(page, tree, steps)
    wait_for_node(page, outcome)

    page.click(".md-header a.md-logo")  # loggan leder till startsidan, i undermappen
    wait_for_heading(page, "Samverkansguiden")
    page.click(".md-nav--primary a.md-nav__link[href$='roller/']")
    wait_for_heading(page, "Din roll")
    role = next(c for c in PROJECT.chapters if c.slug == ROLE)
    page.click(f"article a[href$='roller/{ROLE}/']")
    wait_for_heading(page, role.title)
    chapter = next(c for c in PROJECT.chapters if c.slug == CHAPTER)
    page.click(f"article a[href$='stod/{CHAPTER}/']")
    wait_for_heading(page, chapter.title)
    assert page.url == f"{preview_site.base_url}/stod/{CHAPTER}/"

    # Varje anrop (sidor, skript, sökindex, data) gick till undermappen: inget till värdens rot.
    assert len(preview_site.requests) > 10
    assert [r for r in preview_site.requests if not r.startswith(PREFIX + "/")] == []
    assert [u for u in requests_log.all if not u.startswith(preview_site.base_url + "/")] == []

"""Sajtens sökning hittar frågor och resultat i guiderna, och en träff öppnar just den noden."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import load_for_collection, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def search(page, base_url: str, query: str) -> None:
    page.goto(base_url + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)


@pytest.mark.parametrize("tree", list(PROJECT.trees.values()), ids=list(PROJECT.trees))
def test_search_hit_lands_on_the_node(page, base_url, tree):
    outcome = tree.outcomes[0]
    title = to_plain_text(outcome.title)
    search(page, base_url, title)
    hit = page.locator(f'.md-search-result__link[href*="/{tree.id}/{outcome.id}/"]').first
    hit.click()
    wait_for_node(page, outcome.id)
    # Sökträffarna (med egna rubriker) finns kvar i sidan efter snabbnavigeringen; sidans rubrik står i innehållet.
    assert page.locator(".md-content h1").inner_text() == title


def test_typed_search_words_never_leave_the_browser(page, served_site, requests_log):
    """Det någon skriver i sökrutan står varken i en adress som hämtas eller i serverns logg, inte heller
    när en träff öppnas (Materials search.highlight lade orden i träffens adress, ?h=...)."""
    base_url = served_site.base_url
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    assert not [r for r in requests_log.all if "search_index.json" in r], "sökindexet hämtades innan någon sökte"
    before = len(served_site.requests)
    words = ["återkoppling", "socialtjänsten"]
    page.locator(".md-search__input").click()
    page.keyboard.type(" ".join(words))
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert [r for r in requests_log.all if "search_index.json" in r], "sökindexet hämtades inte när sökningen öppnades"
    page.locator(".md-search-result__link").first.click()
    page.wait_for_function("() => !document.getElementById('__search').checked")
    page.wait_for_load_state("networkidle")
    # Webbläsarens alla anrop och serverns logg (allt som skickades dit), med och utan %-kodning.
    sent = requests_log.all + [base_url + path for path in served_site.requests[before:]]
    assert len(sent) > 1
    for url in sent:
        plain = unquote(url).lower()
        assert not any(word in plain for word in words), url
        assert "?h=" not in plain and "&h=" not in plain, url
    assert "?" not in page.url, page.url

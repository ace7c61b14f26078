"""Sajtens sökning hittar frågor och resultat i guiderna, och en träff öppnar just den noden."""

from __future__ import annotations

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

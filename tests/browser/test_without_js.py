"""Guiderna går att använda utan JavaScript: vanliga länkar hela vägen till ett resultat."""

from __future__ import annotations

import pytest

from build_tools.graph import all_paths
from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import load_for_collection

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("tree", list(PROJECT.trees.values()), ids=list(PROJECT.trees))
def test_walk_to_an_outcome_without_javascript(page_without_js, base_url, tree):
    page = page_without_js
    path = max(all_paths(tree), key=lambda p: len(p.steps))  # den längsta vägen
    page.goto(f"{base_url}/beslutsstod/{tree.id}/")
    page.click("text=Starta guiden")
    for step in path.steps:
        question = tree.nodes[step.question_id]
        assert page.locator("h1").inner_text() == to_plain_text(question.text)
        link = page.locator(f'a[data-sv-answer="{step.answer_id}"]')
        assert link.get_attribute("href").startswith("../")  # en vanlig relativ länk, inget skript
        link.click()
        page.wait_for_load_state()
    outcome = tree.nodes[path.outcome_id]
    assert page.locator("h1").inner_text() == to_plain_text(outcome.title)
    assert page.locator("text=Gör så här").count() + page.locator(".sv-lagrum").count() >= 1
    # Utan skript finns ingen utskriftsknapp och ingen svarslista – men inget är trasigt.
    assert page.locator(".sv-print-button").count() == 0
    assert page.locator("[data-sv-history]").is_hidden()

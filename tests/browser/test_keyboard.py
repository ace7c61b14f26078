"""En guide går att använda med bara tangentbordet, och fokus flyttas till den nya rubriken."""

from __future__ import annotations

import pytest

from build_tools.graph import all_paths
from tests.browser.walker import load_for_collection, next_node, node_url, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def tab_to(page, predicate_js: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"nådde inte elementet med Tab: {predicate_js}")


@pytest.mark.parametrize("tree", list(PROJECT.trees.values()), ids=list(PROJECT.trees))
def test_keyboard_only_walk(page, base_url, tree):
    path = max(all_paths(tree), key=lambda p: len(p.steps))
    page.goto(node_url(base_url, tree.id, tree.start, "svar="))
    wait_for_node(page, tree.start)
    for step in path.steps:
        tab_to(page, f"el.getAttribute('data-sv-answer') === '{step.answer_id}'")
        page.keyboard.press("Enter")
        target = next_node(tree, step.question_id, step.answer_id)
        wait_for_node(page, target)
        # Fokus ska stå på den nya sidans rubrik, så att skärmläsaren läser upp den.
        page.wait_for_function("document.activeElement && document.activeElement.tagName === 'H1'")
        live = page.locator("[data-sv-live]")
        page.wait_for_function("document.querySelector('[data-sv-live]').textContent.length > 0")
        assert page.locator("h1").inner_text() in live.inner_text()
    # På resultatsidan går utskriftsknappen att nå och använda med tangentbordet.
    tab_to(page, "el.classList.contains('sv-print-button')", limit=200)

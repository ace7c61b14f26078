"""Övningsfallen är också tester: att gå fallets svar i Chromium ska ge fallets utfall."""

from __future__ import annotations

import pytest

from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import load_for_collection, next_node, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("case", PROJECT.cases, ids=[c.id for c in PROJECT.cases])
def test_walking_a_case_reaches_its_outcome(page, base_url, case):
    tree = PROJECT.trees[case.guide_id]
    page.goto(f"{base_url}/ovningsfall/{case.id}/")
    assert page.locator("h1").inner_text() == case.title
    page.click("a.sv-case__try")
    wait_for_node(page, tree.start)
    for step in case.steps:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        wait_for_node(page, next_node(tree, step.question_id, step.answer_id))
    assert page.locator(".sv-walker").get_attribute("data-sv-node") == case.outcome_id
    assert page.locator("h1").inner_text() == to_plain_text(tree.nodes[case.outcome_id].title)

    # Jämförelsen: förslaget är dolt tills man öppnar det, och länken visar samma utfall med svaren.
    page.go_back()
    page.goto(f"{base_url}/ovningsfall/{case.id}/")
    assert not page.locator(".sv-case__steps").is_visible()
    page.click(".sv-case__answer summary")
    assert page.locator(".sv-case__steps > li").count() == len(case.steps)
    page.click("a.sv-case__outcome")
    wait_for_node(page, case.outcome_id)
    assert page.locator(".sv-summary__row").count() == len(case.steps)

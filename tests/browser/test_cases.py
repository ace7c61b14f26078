"""Övningsfallen: `check` går redan varje fall genom guiden i Python. Här visas i Chromium att
fallets sida leder in i den riktiga guiden: "Pröva själv" hela vägen för ett fall, och länken till
utfallet (med svaren i fragmentet) för varje fall."""

from __future__ import annotations

import pytest

from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import load_for_collection, next_node, wait_for_heading, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def test_try_a_case_yourself_reaches_its_outcome(page, base_url):
    case = max(PROJECT.cases, key=lambda c: len(c.steps))
    tree = PROJECT.trees[case.guide_id]
    page.goto(f"{base_url}/ovningsfall/")
    page.click(f"article a[href$='ovningsfall/{case.id}/']")
    wait_for_heading(page, case.title)
    page.click("a.sv-case__try")
    wait_for_node(page, tree.start)
    for step in case.steps:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        wait_for_node(page, next_node(tree, step.question_id, step.answer_id))
    assert page.locator(".sv-walker").get_attribute("data-sv-node") == case.outcome_id
    assert page.locator(".md-content h1").inner_text() == to_plain_text(tree.nodes[case.outcome_id].title)


@pytest.mark.parametrize("case", PROJECT.cases, ids=[c.id for c in PROJECT.cases])
def test_case_page_links_to_its_outcome_with_the_answers(page, base_url, case):
    page.goto(f"{base_url}/ovningsfall/{case.id}/")
    assert not page.locator(".sv-case__steps").is_visible()  # förslaget är dolt tills man öppnar det
    page.click(".sv-case__answer summary")
    assert page.locator(".sv-case__steps > li").count() == len(case.steps)
    page.click("a.sv-case__outcome")
    wait_for_node(page, case.outcome_id)
    assert page.locator(".sv-summary__row").count() == len(case.steps)
    assert page.locator(".sv-notice").count() == 0

"""Varje väg genom varje guide, räknad i Python, gås igenom i Chromium.

Resultatet som visas ska vara modellens, och "Dina svar" ska visa exakt de svar som gavs.
"""

from __future__ import annotations

import pytest

from build_tools.graph import all_paths
from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import load_for_collection, walk

PROJECT = load_for_collection()
CASES = [(tree, path) for tree in PROJECT.trees.values() for path in all_paths(tree)]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("tree", "path"), CASES, ids=[f"{t.id}:{p.slug}" for t, p in CASES])
def test_every_path_reaches_the_models_outcome(page, base_url, tree, path):
    walk(page, base_url, tree, path)
    outcome = tree.nodes[path.outcome_id]
    walker = page.locator(".sv-walker")
    assert walker.get_attribute("data-sv-node") == path.outcome_id
    assert page.locator("h1").inner_text().strip() == to_plain_text(outcome.title)

    rows = page.locator(".sv-summary__row")
    assert rows.count() == len(path.steps)
    for index, step in enumerate(path.steps):
        question = tree.nodes[step.question_id]
        answer = next(a for a in question.answers if a.id == step.answer_id)
        row = rows.nth(index)
        assert row.locator(".sv-summary__question").inner_text() == to_plain_text(question.text)
        assert row.locator(".sv-summary__answer").inner_text() == to_plain_text(answer.label)


def test_there_is_at_least_one_path_per_tree():
    assert PROJECT.trees, "inga guider laddades"
    for tree in PROJECT.trees.values():
        assert any(t is tree for t, _ in CASES)

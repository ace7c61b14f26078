"""Adressen bär svaren: länkar går att dela, bakåt/framåt fungerar, ändrade svar behåller det som
fortfarande gäller och en manipulerad adress börjar om med ett kort meddelande."""

from __future__ import annotations

import pytest

from build_tools.graph import all_paths, follow
from tests.browser.walker import encode, load_for_collection, next_node, node_url, wait_for_node

PROJECT = load_for_collection()
TREE = PROJECT.trees.get("ska-jag-gora-en-orosanmalan") or next(iter(PROJECT.trees.values()), None)

pytestmark = pytest.mark.browser


def longest_path():
    return max(all_paths(TREE), key=lambda p: len(p.steps))


def test_shared_link_opens_the_same_place_with_answers(page, base_url):
    path = longest_path()
    page.goto(node_url(base_url, TREE.id, path.outcome_id, "svar=" + encode(path.steps)))
    wait_for_node(page, path.outcome_id)
    assert page.locator(".sv-summary__row").count() == len(path.steps)
    assert page.locator(".sv-notice").count() == 0


@pytest.mark.parametrize(
    "query",
    ["svar=finns-inte.ja", "svar=fel", "svar=..", "behall=%3Cscript%3E", "svar=" + "x.y," * 3],
)
def test_tampered_state_restarts_with_a_message(page, base_url, query):
    path = longest_path()
    page.goto(node_url(base_url, TREE.id, path.outcome_id, query))
    wait_for_node(page, TREE.start)
    notice = page.locator(".sv-notice[role=alert]")
    assert "börjat om" in notice.inner_text()
    assert "?" not in page.url  # adressen städas så att en omladdning inte visar meddelandet igen


def test_valid_answers_that_lead_elsewhere_restart(page, base_url):
    path = longest_path()
    first = path.steps[0]
    page.goto(node_url(base_url, TREE.id, path.outcome_id, "svar=" + encode(path.steps[:1])))
    if follow(TREE, [(first.question_id, first.answer_id)]) == path.outcome_id:
        pytest.skip("första svaret leder direkt till utfallet")
    wait_for_node(page, TREE.start)
    assert page.locator(".sv-notice[role=alert]").count() == 1


def test_opening_a_question_without_answers_says_so(page, base_url):
    question = next(q for q in TREE.questions if q.id != TREE.start)
    page.goto(node_url(base_url, TREE.id, question.id))
    wait_for_node(page, question.id)
    assert "mitt i guiden" in page.locator(".sv-notice").inner_text()


def test_back_link_and_browser_history(page, base_url):
    path = longest_path()
    page.goto(node_url(base_url, TREE.id, TREE.start, "svar="))
    wait_for_node(page, TREE.start)
    visited = [TREE.start]
    for step in path.steps[:2]:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        visited.append(next_node(TREE, step.question_id, step.answer_id))
        wait_for_node(page, visited[-1])
    page.go_back()
    wait_for_node(page, visited[-2])
    page.go_forward()
    wait_for_node(page, visited[-1])
    # Tillbaka-länken visar förra frågan med det tidigare svaret markerat.
    page.click("a[data-sv-back]")
    wait_for_node(page, visited[-2])
    previous = page.locator("a.sv-answer--previous")
    assert previous.get_attribute("data-sv-answer") == path.steps[1].answer_id
    assert "Ditt tidigare svar" in previous.inner_text()


def _change_that_keeps_a_later_answer():
    """Hitta en väg och ett ändrat svar där ett senare svar fortfarande gäller."""
    for tree in PROJECT.trees.values():
        for path in all_paths(tree):
            for i, step in enumerate(path.steps):
                question = tree.nodes[step.question_id]
                later = {s.question_id: s for s in path.steps[i + 1 :]}
                for other in question.answers:
                    if other.id == step.answer_id:
                        continue
                    target = tree.nodes.get(other.next_id)
                    if target is not None and target.id in later:
                        return tree, path, i, other, later[target.id]
    return None


def test_changing_an_answer_keeps_later_answers_that_still_apply(page, base_url):
    found = _change_that_keeps_a_later_answer()
    if found is None:
        pytest.skip("ingen guide har en fråga som nås på två sätt")
    tree, path, index, new_answer, kept = found
    page.goto(node_url(base_url, tree.id, path.outcome_id, "svar=" + encode(path.steps)))
    wait_for_node(page, path.outcome_id)
    page.click(f'a[data-sv-change="{path.steps[index].question_id}"]')
    wait_for_node(page, path.steps[index].question_id)
    page.click(f'a[data-sv-answer="{new_answer.id}"]')
    page.wait_for_selector(".sv-walker[data-sv-ready]")
    page.wait_for_function("location.search.includes('svar=')")
    shown = page.locator(".sv-summary__row .sv-summary__question").all_inner_texts()
    kept_question = tree.nodes[kept.question_id]
    # Det senare svaret följde med, så frågan behövde inte besvaras igen.
    assert f"{kept.question_id}.{kept.answer_id}" in page.url
    assert any(kept_question.text.strip()[:30] in text for text in shown)
    assert page.locator(".sv-walker").get_attribute("data-sv-node") != kept.question_id


def test_restart_link_goes_to_first_question(page, base_url):
    path = longest_path()
    page.goto(node_url(base_url, TREE.id, path.outcome_id, "svar=" + encode(path.steps)))
    wait_for_node(page, path.outcome_id)
    page.click("a[data-sv-restart]")
    wait_for_node(page, TREE.start)
    assert page.locator(".sv-summary__row").count() == 0


def test_unknown_node_gives_a_swedish_404(page, base_url):
    response = page.goto(f"{base_url}/beslutsstod/{TREE.id}/finns-inte/")
    assert response.status == 404
    assert "finns inte" in page.locator("h1").inner_text().lower()
    assert page.locator("a[href$='beslutsstod/']").count() >= 1

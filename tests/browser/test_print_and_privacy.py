"""Utskrift ger ett underlag med frågor, svar, resultat och datum. Sajten sparar inget och
hämtar inget från andra värdar."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.domain.graph import all_paths
from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import encode, load_for_collection, node_url, wait_for_node, walk
from tests.content import TEST_DAY

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def test_print_view_contains_the_record(page, base_url):
    tree = PROJECT.trees["ska-jag-gora-en-orosanmalan"]
    path = max(all_paths(tree), key=lambda p: len(p.steps))
    page.clock.set_fixed_time(dt.datetime.combine(TEST_DAY, dt.time(12)))  # webbläsarens klocka: testets dag
    page.goto(node_url(base_url, tree.id, path.outcome_id, "svar=" + encode(path.steps)))
    wait_for_node(page, path.outcome_id)
    assert page.locator(".sv-print-button").inner_text() == "Skriv ut / spara som PDF"
    assert not page.locator(".sv-print-header").is_visible()  # bara i utskriften

    page.emulate_media(media="print")
    header = page.locator(".sv-print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert tree.title in text
    assert tree.reviewed.isoformat() in text
    assert header.locator("dt:has-text('Utskriven') + dd").inner_text() == TEST_DAY.isoformat()
    for step in path.steps:
        question = tree.nodes[step.question_id]
        answer = next(a for a in question.answers if a.id == step.answer_id)
        assert to_plain_text(question.text) in page.locator(".sv-summary").inner_text()
        assert to_plain_text(answer.label) in page.locator(".sv-summary").inner_text()
    assert page.locator("h1").is_visible()
    assert not page.locator(".sv-print-button").is_visible()
    assert not page.locator("a[data-sv-change]").first.is_visible()
    assert not page.locator(".md-header").is_visible()
    # Inga fält där någon kan skriva in personuppgifter. Det enda valet på sidan är barnets
    # stadsdel (en lista med elva namn), och det syns inte på utskriften.
    assert page.locator(".md-content input, .md-content textarea, [contenteditable]").count() == 0
    for select in page.locator(".md-content select").all():
        assert select.evaluate("el => !!el.closest('[data-sv-district-picker]')")
        assert not select.is_visible()

    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_no_cookies_no_storage_no_foreign_requests(page, base_url, requests_log):
    tree = PROJECT.trees["ska-jag-gora-en-orosanmalan"]
    path = max(all_paths(tree), key=lambda p: len(p.steps))
    for url in ("/", "/beslutsstod/", "/lagrum/", "/om/"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    walk(page, base_url, tree, path)
    page.click("a[data-sv-change]")
    page.wait_for_load_state("networkidle")
    # Sökningen körs också, eftersom den laddar ett eget skript och ett index.
    page.goto(base_url + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("anmälan")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)

    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    stored = page.evaluate(
        """() => {
            const dump = s => Object.keys(s).map(k => k + '=' + s.getItem(k));
            return dump(localStorage).concat(dump(sessionStorage));
        }"""
    )
    answers = {f"{s.question_id}.{s.answer_id}" for s in path.steps}
    assert not any(any(a in item for a in answers) for item in stored), stored
    assert not any("svar" in item for item in stored), stored
    assert requests_log.all, "vakten såg inga anrop alls"
    assert requests_log.foreign == []

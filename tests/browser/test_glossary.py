"""Ordlistans förklaringar visas som tips med tangentbord och mus, och skärmläsare får dem via aria-describedby."""

from __future__ import annotations

import pytest

from tests.browser.walker import load_for_collection

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def test_terms_get_tooltips_that_work_with_keyboard(page, base_url):
    page.goto(base_url + "/stod/anmalningsskyldighet/")
    page.wait_for_selector("article[data-sv-terms=klar]")
    triggers = page.locator(".sv-term__trigger")
    assert triggers.count() >= 3
    explanations = {t.term: t.explanation for t in PROJECT.glossary}
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sv-term__trigger')"):
            break
    else:
        raise AssertionError("nådde ingen term med Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tip = page.locator(f"#{focused}")
    assert tip.is_visible()
    assert tip.get_attribute("role") == "tooltip"
    assert any(explanation in tip.inner_text() for explanation in explanations.values())
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    # Varje term markeras bara en gång per sida.
    described = [
        page.locator(f"#{i}").inner_text()
        for i in triggers.evaluate_all("els => els.map(e => e.getAttribute('aria-describedby'))")
    ]
    assert len(described) == len(set(described))


def test_hover_shows_and_leaving_hides(page, base_url):
    page.goto(base_url + "/stod/anmalningsskyldighet/")
    page.wait_for_selector("article[data-sv-terms=klar]")
    term = page.locator(".sv-term").first
    term.hover()
    assert term.locator(".sv-term__tip").is_visible()
    page.mouse.move(0, 0)
    assert not term.locator(".sv-term__tip").is_visible()


def test_glossary_page_lists_every_term(page, base_url):
    page.goto(base_url + "/ordlista/")
    shown = page.locator(".sv-glossary dt").all_inner_texts()
    for term in PROJECT.glossary:
        assert any(text.startswith(term.term) for text in shown), term.term
    assert page.locator(".sv-term").count() == 0  # inga tips på ordlistans egen sida

"""Utbildaren skriver ut bara de fall som valts för passet, med eller utan facit, och varje utskrivet
fall har sin adress. Utan JavaScript skrivs alla fall ut."""

from __future__ import annotations

import pytest

from tests.browser.walker import load_for_collection

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser

VISIBLE_CASES = """() => Array.from(document.querySelectorAll('.sv-case-selection__case'))
  .filter(s => getComputedStyle(s).display !== 'none').map(s => s.getAttribute('data-sv-case-id'))"""
FACIT_SHOWN = """() => Array.from(document.querySelectorAll('.sv-case-selection__facit'))
  .some(f => getComputedStyle(f).display !== 'none' && f.offsetParent !== null)"""


def _pick(page, base_url, chosen, button):
    page.goto(f"{base_url}/ovningsfall/")
    for case in chosen:
        page.check(f"#pick-{case.id}")
    page.click(f"form[data-sv-case-pick] button:has-text('{button}')")
    page.wait_for_selector("[data-sv-case-selection][data-sv-ready]")
    assert "fall=" in page.url.split("#", 1)[1]  # valet står i fragmentet, inte i frågan till servern
    assert "?" not in page.url


def test_print_only_the_chosen_cases_with_facit(page, base_url):
    chosen = [PROJECT.cases[1], PROJECT.cases[4]]
    _pick(page, base_url, chosen, "Skriv ut valda med facit")
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CASES) == [c.id for c in chosen]
    assert page.evaluate(FACIT_SHOWN)
    for case in chosen:
        address = page.locator(f"[data-sv-case-id='{case.id}'] a[data-sv-address]")
        assert address.inner_text() == f"{base_url}/ovningsfall/{case.id}/"
        assert address.is_visible()
    assert not page.locator("[data-sv-print-selected]").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_print_the_chosen_cases_without_facit(page, base_url):
    chosen = [PROJECT.cases[0]]
    _pick(page, base_url, chosen, "Skriv ut valda")
    assert page.locator("[data-sv-selection-count]").inner_text().startswith("1 av ")
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CASES) == [chosen[0].id]
    assert not page.evaluate(FACIT_SHOWN)


def test_without_javascript_every_case_is_printed(page_without_js, base_url):
    page = page_without_js
    page.goto(f"{base_url}/ovningsfall/")
    assert not page.locator("form[data-sv-case-pick] input[type=checkbox]").first.is_visible()
    page.goto(f"{base_url}/ovningsfall/utskrift/")
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CASES) == [
        c.id for t in PROJECT.trees.values() for c in PROJECT.cases if c.guide_id == t.id
    ]
    assert page.locator(".sv-case__address").first.is_visible()

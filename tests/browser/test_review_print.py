"""Granskningsvyn för juristen: ryms på en telefon (320 px) och på högst 25 A4-sidor utskriven."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser.walker import load_for_collection

PROJECT = load_for_collection()
MAX_PAGES = 25

pytestmark = pytest.mark.browser


def test_every_review_view_fits_320_px_and_prints_on_at_most_25_a4_pages(page, base_url):
    pages: dict[str, int] = {}
    page.set_viewport_size({"width": 320, "height": 800})
    for tree in PROJECT.trees.values():
        page.goto(f"{base_url}/beslutsstod/{tree.id}/granskning/")
        page.wait_for_load_state("load")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{tree.id}: {overflow} px för bred vid 320 px"
        text = page.locator(".sv-review").inner_text()
        for outcome in tree.outcomes:
            assert outcome.id in text
        pages[tree.id] = len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    print("\nGranskningsvyn, A4-sidor:", ", ".join(f"{k} {v}" for k, v in sorted(pages.items())))
    assert max(pages.values()) <= MAX_PAGES, pages

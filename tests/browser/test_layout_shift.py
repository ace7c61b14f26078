"""Sidorna flyttar sig inte när skripten startar (CLS, Cumulative Layout Shift, under 0,1): det som skripten
lägger till (rutan "mitt i guiden", Tillbaka, stadsdelsväljaren, ordlistans tips) har sin plats från början.

Undantaget är rutan "Vi har börjat om" efter en länk som inte längre passar guiden: den sätts in av
skriptet med role=alert, så att skärmläsare läser upp den, och får då flytta sidan."""

from __future__ import annotations

import pytest

from build_tools.domain.graph import all_paths
from tests.browser.walker import encode, load_for_collection, wait_for_node

pytestmark = pytest.mark.browser

GUIDE = "ska-jag-gora-en-orosanmalan"
TREE = load_for_collection().trees[GUIDE]
# Ett resultat med kontaktvägar och stadsdelsväljare, och den kortaste vägen dit.
OUTCOME = next(o.id for o in TREE.outcomes if o.show_contacts)
PATH = min((p for p in all_paths(TREE) if p.outcome_id == OUTCOME), key=lambda p: len(p.steps))
SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""
READY = """() => {
  const article = document.querySelector('.md-content article');
  const picker = document.querySelector('[data-sv-district-picker]');
  return article && article.getAttribute('data-sv-terms') === 'klar' && (!picker || !picker.hidden);
}"""


@pytest.mark.parametrize(
    "viewport", [{"width": 375, "height": 667}, {"width": 1100, "height": 900}], ids=["mobil", "dator"]
)
@pytest.mark.parametrize(
    ("node", "state"),
    [(OUTCOME, ""), (OUTCOME, "svar=" + encode(PATH.steps)), (TREE.start, ""), (TREE.start, "svar=")],
    ids=["resultat-utan-svar", "resultat-med-svar", "forsta-fragan", "forsta-fragan-med-svar"],
)
def test_scripts_do_not_shift_the_page(browser, base_url, viewport, node, state):
    context = browser.new_context(locale="sv-SE", viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/beslutsstod/{GUIDE}/{node}/" + (f"#{state}" if state else ""))
        wait_for_node(page, node)
        page.wait_for_function(READY, timeout=15_000)
        shift = page.evaluate(SHIFTS)
        assert shift < 0.1, f"CLS {shift:.3f}"
    finally:
        context.close()


HEADING = """() => {
  const h = document.querySelector('.sv-walker h1').getBoundingClientRect();
  return {top: h.top, bottom: h.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom};
}"""


def test_on_a_phone_the_first_question_opens_at_the_top(browser, base_url):
    """Från guidens startsida (nedrullad till knappen) öppnas första frågan med rubriken högt upp, helt
    synlig under sidhuvudet – inte mitt i hjälptexten (förr 596 px ned, rubriken ovanför skärmen)."""
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        page.goto(f"{base_url}/beslutsstod/{GUIDE}/")
        page.locator("a.sv-start-button").scroll_into_view_if_needed()
        assert page.evaluate("scrollY") > 0
        page.click("a.sv-start-button")
        wait_for_node(page, TREE.start)
        box = page.evaluate(HEADING)
        assert box["header"] <= box["top"] < 300, box
    finally:
        context.close()

"""Stadsdelar: sökningen hittar varje område och gammalt namn, gamla adresser leder rätt,
resultaten i guiderna visar vald stadsdels kontaktvägar, och överenskommelsen kan fyllas i och skrivas ut."""

from __future__ import annotations

import unicodedata

import pytest

from build_tools.domain.graph import all_paths
from build_tools.domain.model import Outcome
from tests.browser.walker import encode, load_for_collection, node_url, wait_for_node

PROJECT = load_for_collection()

pytestmark = pytest.mark.browser


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()


def swedish_order(text: str) -> tuple[str, ...]:
    """Sorteringsnyckel i svensk bokstavsordning: a–z, sedan å, ä, ö; é räknas som e."""
    return tuple("z" + str("åäö".index(ch)) if ch in "åäö" else ascii_fold(ch) for ch in text.casefold())


def all_names():
    for d in PROJECT.districts:
        for name in (*d.neighbourhoods, *d.aliases, *(f.name for f in d.former_names), d.name):
            yield name, d


def lookup(page, query: str):
    field = page.locator("#sv-lookup-input")
    field.fill("")
    field.fill(query)
    page.wait_for_function(
        "q => document.querySelector('#sv-lookup-results').getAttribute('data-sv-for') === q", arg=query
    )
    return page.locator("#sv-lookup-results a").all_inner_texts()


def test_lookup_finds_every_name_in_the_data(page, base_url):
    # Som en besökare: från en annan sida, med snabbnavigeringen.
    page.goto(base_url + "/beslutsstod/")
    page.locator(".md-nav a[href$='stadsdelar/']").first.evaluate("link => link.click()")
    page.wait_for_selector("[data-sv-lookup]:not([hidden])")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    # Sidans egen sökfunktion, med sidans egen data, för varje namn i datan (snabbt, i webbläsaren) …
    found = page.evaluate(
        """names => {
            const data = JSON.parse(document.querySelector('.sv-district-data').getAttribute('data-sv-json'));
            const match = window.SamverkansguidenStadsdelar.match;
            return names.map(name => match(data, name).slice(0, 12).map(e => e.n + ' → ' + e.d));
        }""",
        [name for name, _ in all_names()],
    )
    misses = [
        (name, district.name, results[:3])
        for (name, district), results in zip(all_names(), found, strict=True)
        if f"{name} → {district.name}" not in results
    ]
    assert misses == []
    # … och i sökrutan, som en person skriver, för några av dem.
    for name, district in list(all_names())[::25]:
        assert f"{name} → {district.name}" in lookup(page, name)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("alvsjo", "Hägersten-Älvsjö"),
        ("VÄLLINGBY", "Hässelby-Vällingby"),
        ("rinke", "Järva"),
        ("gardet", "Norra innerstaden"),
        ("spånga-tensta", "Järva"),
        ("skarholmen", "Skärholmen"),
    ],
)
def test_lookup_tolerates_case_accents_and_prefixes(page, base_url, query, expected):
    page.goto(base_url + "/stadsdelar/")
    page.wait_for_selector("[data-sv-lookup]:not([hidden])")
    results = lookup(page, query)
    assert results and results[0].endswith(f"→ {expected}"), results


def test_without_javascript_the_lookup_is_an_alphabetical_list(page_without_js, base_url):
    page = page_without_js
    page.goto(base_url + "/stadsdelar/")
    assert page.locator("[data-sv-lookup]").is_hidden()
    rows = page.locator(".sv-area-table tbody th").all_inner_texts()
    names = [r.split(" (")[0] for r in rows]
    keys = [swedish_order(n) for n in names]
    assert len(names) >= 100
    assert keys == sorted(keys), "listan ska stå i svensk bokstavsordning (å, ä och ö sist)"
    for name, _ in all_names():
        assert name in names


@pytest.mark.parametrize(
    ("old_slug", "new_slug"), [(f.slug, d.slug) for d in PROJECT.districts for f in d.former_names]
)
def test_retired_district_addresses_redirect(page, base_url, old_slug, new_slug):
    page.goto(f"{base_url}/stadsdelar/{old_slug}/")
    page.wait_for_url(f"**/stadsdelar/{new_slug}/")
    assert "tidigare" in page.locator(".sv-lead").inner_text()


def test_retired_district_page_without_javascript_says_where_to_go(page_without_js, base_url):
    page = page_without_js
    page.goto(f"{base_url}/stadsdelar/rinkeby-kista/")
    assert "heter numera Järva" in page.locator("h1").inner_text()
    page.click("text=Gå till Järva")
    assert page.url.endswith("/stadsdelar/jarva/")


def test_outcome_shows_the_chosen_districts_contacts_inline(page, base_url):
    tree, path = next(
        (t, p)
        for t in PROJECT.trees.values()
        for p in all_paths(t)
        if isinstance(t.nodes[p.outcome_id], Outcome) and t.nodes[p.outcome_id].show_contacts
    )
    page.goto(node_url(base_url, tree.id, path.outcome_id, "svar=" + encode(path.steps)))
    wait_for_node(page, path.outcome_id)
    page.wait_for_selector("#sv-district-select")
    assert "folkbokfört" in page.locator("[data-sv-district-picker]").inner_text()
    page.select_option("#sv-district-select", label="Järva (tidigare Rinkeby-Kista, Spånga-Tensta)")
    block = page.locator(".sv-district-block")
    assert "Socialtjänsten i Järva" in block.inner_text()
    jarva = next(d for d in PROJECT.districts if d.slug == "jarva")
    assert block.locator(f'a[href="{jarva.website}"]').count() == 1
    # Telefonnumret är kontrollerat i bygget: en länk att ringa (E.164) med numret i nationell form.
    phone = next(c for c in jarva.contacts if c.kind == "telefon")
    assert block.locator(f'a[href="{phone.href}"]').inner_text() == phone.text
    assert phone.href.startswith("tel:+46")
    assert page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0


def test_fill_in_agreement_and_print(page, base_url, requests_log):
    # Som en besökare: från mallen, med snabbnavigeringen (sidan laddas inte om).
    page.goto(base_url + "/samverkan/overenskommelse/")
    page.click("article a[href$='samverkan/fyll-i/']")
    page.wait_for_selector("[data-sv-fill][data-sv-ready]")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    typed = page.locator('[data-sv-source="namn"]').first
    typed.fill("Testskolan och socialtjänsten")
    page.select_option("#sv-fill-district", "skarholmen")
    prefilled = page.locator('[data-sv-source="stadsdelar"]').first
    skarholmen = next(d for d in PROJECT.districts if d.slug == "skarholmen")
    assert skarholmen.neighbourhoods[0] in prefilled.input_value()
    # Det användaren själv skrev skrivs inte över när en stadsdel väljs.
    assert typed.input_value() == "Testskolan och socialtjänsten"
    # Byter man stadsdel ändras de förifyllda fälten, fortfarande utan att röra det egna.
    page.select_option("#sv-fill-district", "farsta")
    farsta = next(d for d in PROJECT.districts if d.slug == "farsta")
    assert farsta.neighbourhoods[0] in prefilled.input_value()
    assert typed.input_value() == "Testskolan och socialtjänsten"
    page.select_option("#sv-fill-district", "skarholmen")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    document = page.locator("[data-sv-fill-document]")
    assert document.is_visible()
    text = document.inner_text()
    assert "Testskolan och socialtjänsten" in text
    assert skarholmen.neighbourhoods[0] in text
    assert not page.locator("fieldset").first.is_visible()
    assert page.pdf().startswith(b"%PDF")
    # Inget av det ifyllda lämnar webbläsaren.
    assert not any("Testskolan" in url for url in requests_log.all)
    assert page.context.cookies() == []


def test_docx_downloads_are_served(page, base_url):
    page.goto(base_url + "/samverkan/overenskommelse/")
    links = page.locator("a[href$='.docx']")
    assert links.count() == 1 + len(PROJECT.districts)
    response = page.request.get(links.first.evaluate("a => a.href"))
    assert response.status == 200
    assert response.body()[:2] == b"PK"

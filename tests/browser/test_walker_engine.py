"""Guidens skript (walker.js) på provguiden i tests/fixtures/walker, byggd och visad som den riktiga
sajten (på sin site_url, med snabbnavigering). Logiken testas direkt i webbläsaren med
page.evaluate, beteendet genom att klicka som en person.

Provguiden: borjan (ja → mellan, nej → sista), mellan (ett → sista, tva → utfall-b),
sista (snart → utfall-a, sent → utfall-b). Frågan "sista" nås alltså på två sätt."""

from __future__ import annotations

import pytest

from build_tools.addresses import answer_state

pytestmark = pytest.mark.browser

FULL = "borjan.ja,mellan.ett,sista.snart"
ANSWER_IDS = ("borjan.", "mellan.", "sista.", "svar=", "behall=")


def node(site, node_id: str, state: str | None = None) -> str:
    return f"{site.base_url}/beslutsstod/prov/{node_id}/" + (f"#{state}" if state is not None else "")


def wait(page, node_id: str) -> None:
    page.wait_for_selector(f'.sv-walker[data-sv-node="{node_id}"][data-sv-ready]', timeout=10_000)


def summary(page) -> list[str]:
    return [
        " ".join(t.split())
        for t in page.locator(".sv-summary__row").all_inner_texts()  # fråga, svar, Ändra
    ]


# ---- Logiken, direkt i webbläsaren ----


@pytest.fixture
def sv(page, fixture_site):
    """En sida med skriptet inläst; returnerar en funktion som kör uttryck mot window.Samverkansguiden."""
    page.goto(node(fixture_site, "borjan", "svar="))
    wait(page, "borjan")
    tree = page.evaluate("JSON.parse(document.querySelector('.sv-tree-data').getAttribute('data-sv-json'))")

    def run(expression: str, *args):
        return page.evaluate(
            f"([tree, args]) => {{ const S = window.Samverkansguiden; return {expression}; }}", [tree, args]
        )

    return run


def test_codec_round_trip_and_rejects_garbage(sv):
    pairs = [{"q": "borjan", "a": "ja"}, {"q": "mellan", "a": "ett"}]
    assert sv("S.encodePairs(args[0])", pairs) == "borjan.ja,mellan.ett"
    assert sv("S.parsePairs(args[0])", "borjan.ja,mellan.ett") == pairs
    assert sv("S.parsePairs('')") == []
    for garbage in ["fel", "..", "a.b,", ".ja", "Borjan.ja", "a.<script>", "__proto__.x", "a.b c"]:
        assert sv("S.parsePairs(args[0])", garbage) is None, garbage
        assert answer_state.decode(garbage) is None, garbage  # Python-sidans kodning säger samma sak
    # Python och JavaScript skriver och läser samma format.
    python_text = answer_state.encode([("borjan", "ja"), ("mellan", "ett")])
    assert python_text == sv("S.encodePairs(args[0])", pairs)
    assert [(p["q"], p["a"]) for p in sv("S.parsePairs(args[0])", python_text)] == answer_state.decode(python_text)


def test_state_lives_in_the_fragment_and_old_query_links_move_there(sv):
    assert sv("S.buildFragment(S.parsePairs('borjan.ja'), S.parsePairs('sista.sent'), true)") == (
        "svar=borjan.ja&behall=sista.sent&omstart=1"
    )
    parsed = sv("S.parseState('svar=borjan.ja&behall=sista.sent')")
    assert parsed["path"] == [{"q": "borjan", "a": "ja"}] and parsed["kept"] == [{"q": "sista", "a": "sent"}]
    assert sv("S.migrateLegacy('?svar=borjan.ja&x=1', '')") == "?x=1#svar=borjan.ja"
    assert sv("S.migrateLegacy('?x=1', '')") is None
    # Ett fragment i den gamla länken vinner: det är det senaste tillståndet.
    assert sv("S.migrateLegacy('?svar=borjan.ja', '#svar=borjan.nej')") == "#svar=borjan.nej"


def test_follow_advance_and_resolve(sv):
    assert sv("S.follow(tree, S.parsePairs(args[0]))", FULL) == "utfall-a"
    assert sv("S.follow(tree, S.parsePairs('mellan.ett'))") is None  # börjar inte på start
    # Ändrat första svar: frågan "sista" har redan ett svar som gäller, så den hoppas över.
    result = sv("S.advance(tree, S.parsePairs('borjan.nej'), S.parsePairs('mellan.ett,sista.snart'))")
    assert result["node"] == "utfall-a"
    assert result["path"] == [{"q": "borjan", "a": "nej"}, {"q": "sista", "a": "snart"}]
    assert result["kept"] == [{"q": "mellan", "a": "ett"}]
    assert sv("S.resolveState(tree, 'utfall-a', S.parseState('svar=' + args[0])).invalid", FULL) is False
    assert sv("S.resolveState(tree, 'utfall-b', S.parseState('svar=' + args[0])).invalid", FULL) is True
    assert sv("S.resolveState(tree, 'sista', S.parseState('behall=x.y')).kept") == []


# ---- Beteendet, som en person använder det ----


def test_walk_by_clicking_from_the_start_page_under_instant_navigation(page, fixture_site):
    page.goto(fixture_site.base_url + "/")
    before = len(fixture_site.requests)
    page.click("article a:has-text('Provguiden')")
    page.click("a.sv-start-button")
    wait(page, "borjan")
    for answer, target in (("ja", "mellan"), ("ett", "sista"), ("snart", "utfall-a")):
        page.click(f'a[data-sv-answer="{answer}"]')
        wait(page, target)
    # Snabbnavigeringen var på: sidan laddades aldrig om (samma dokument hela vägen).
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/")
    assert page.url.endswith("#svar=" + FULL)
    assert len(summary(page)) == 3
    assert page.locator("a[data-sv-back]").count() == 1
    assert page.locator(".sv-print-button").is_visible()
    page.emulate_media(media="print")
    header = page.locator(".sv-print-header").inner_text()
    assert "Provguide" in header and "2026-11-01" in header and _browser_day(page) in header
    assert not page.locator(".sv-print-button").is_visible()
    # Servern fick aldrig se ett enda svar.
    sent = fixture_site.requests[before:]
    assert sent, "servern såg inga anrop alls"
    assert not [r for r in sent if any(marker in r for marker in ANSWER_IDS)], sent


def test_changing_an_answer_keeps_later_answers_that_still_apply(page, fixture_site):
    page.goto(node(fixture_site, "utfall-a", "svar=" + FULL))
    wait(page, "utfall-a")
    page.click('a[data-sv-change="borjan"]')
    wait(page, "borjan")
    page.click('a[data-sv-answer="nej"]')
    # "sista" hade redan ett svar som gäller även på den nya vägen, så guiden går direkt till resultatet.
    wait(page, "utfall-a")
    assert "#svar=borjan.nej,sista.snart&behall=mellan.ett" in page.url  # "mellan" minns, om man ångrar sig igen
    rows = summary(page)
    assert len(rows) == 2 and "Nej" in rows[0] and "Ja, i dag" in rows[1]


def test_back_link_marks_the_previous_answer_and_history_works(page, fixture_site):
    page.goto(node(fixture_site, "borjan", "svar="))
    wait(page, "borjan")
    page.click('a[data-sv-answer="ja"]')
    wait(page, "mellan")
    page.click('a[data-sv-answer="ett"]')
    wait(page, "sista")
    page.go_back()
    wait(page, "mellan")
    page.go_forward()
    wait(page, "sista")
    page.click("a[data-sv-back]")
    wait(page, "mellan")
    previous = page.locator("a.sv-answer--previous")
    assert previous.get_attribute("data-sv-answer") == "ett"
    assert "Ditt tidigare svar" in previous.inner_text()


def test_restart_on_the_first_question_redraws_without_a_page_load(page, fixture_site):
    page.goto(node(fixture_site, "mellan", "svar=borjan.ja"))
    wait(page, "mellan")
    page.click("a[data-sv-back]")
    wait(page, "borjan")
    assert page.locator("a.sv-answer--previous").count() == 1
    page.click("a[data-sv-restart]")  # samma sida, nytt fragment
    page.wait_for_function("() => location.hash === '#svar='")
    page.wait_for_function("() => document.querySelectorAll('a.sv-answer--previous').length === 0")
    assert page.locator('a[data-sv-answer="ja"]').get_attribute("href").endswith("mellan/#svar=borjan.ja")


@pytest.mark.parametrize(
    "state", ["svar=finns-inte.ja", "svar=fel", "svar=..", "behall=%3Cscript%3E", "svar=x.y,x.y", "svar=borjan.ja"]
)
def test_tampered_or_stale_state_restarts_with_a_message(page, fixture_site, state):
    page.goto(node(fixture_site, "utfall-a", state))
    wait(page, "borjan")
    assert "börjat om" in page.locator(".sv-notice[role=alert]").inner_text()
    assert "omstart" not in page.url  # adressen städas, så att en omladdning inte visar meddelandet igen


def test_old_query_links_are_rewritten_without_a_reload(page, fixture_site):
    before = len(fixture_site.requests)
    page.goto(node(fixture_site, "utfall-a") + "?svar=" + FULL)
    wait(page, "utfall-a")
    page.wait_for_function("() => location.search === ''")
    assert page.url.endswith("/utfall-a/#svar=" + FULL)
    assert len(summary(page)) == 3
    page_loads = [r for r in fixture_site.requests[before:] if r.startswith("/beslutsstod/prov/utfall-a/")]
    assert len(page_loads) == 1  # bara den gamla länken själv, ingen omladdning


def test_opening_a_page_in_the_middle_says_so(page, fixture_site):
    page.goto(node(fixture_site, "sista"))
    wait(page, "sista")
    assert "mitt i guiden" in page.locator(".sv-notice").inner_text()
    # Svaren går ändå att följa: vanliga länkar till nästa sida, utan påhittade tidigare svar.
    target = page.locator('a[data-sv-answer="snart"]').evaluate("link => link.href")
    assert target == fixture_site.base_url + "/beslutsstod/prov/utfall-a/"
    page.click(".sv-notice a")
    wait(page, "borjan")


def test_keyboard_only_walk_moves_focus_to_the_new_heading(page, fixture_site):
    page.goto(node(fixture_site, "borjan", "svar="))
    wait(page, "borjan")
    for answer, target in (("nej", "sista"), ("sent", "utfall-b")):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('data-sv-answer')") == answer:
                break
        else:
            raise AssertionError(f"nådde inte svaret {answer} med Tab")
        page.keyboard.press("Enter")
        wait(page, target)
        page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
        page.wait_for_function("() => document.querySelector('[data-sv-live]').textContent.length > 0")
        assert page.locator("h1").inner_text() in page.locator("[data-sv-live]").inner_text()


def test_walk_without_javascript(page_without_js, fixture_site):
    page = page_without_js
    page.goto(fixture_site.base_url + "/beslutsstod/prov/")
    page.click("text=Starta guiden")
    for answer, heading in (("ja", "frånvarande"), ("tva", "Rådgör med elevhälsan")):
        page.click(f'a[data-sv-answer="{answer}"]')
        page.wait_for_load_state()
        assert heading in page.locator("h1").inner_text()
    assert page.locator(".sv-print-button").count() == 0
    assert page.locator("[data-sv-history]").is_hidden()


def test_nothing_is_stored_and_no_cookies(page, fixture_site):
    page.goto(node(fixture_site, "borjan", "svar="))
    wait(page, "borjan")
    page.click('a[data-sv-answer="ja"]')
    wait(page, "mellan")
    assert page.context.cookies() == []
    stored = page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length")
    assert stored == 0


def _browser_day(page) -> str:
    """Dagen enligt webbläsarens klocka: utskriften säger när den skrevs ut (sv-SE ger ÅÅÅÅ-MM-DD)."""
    return page.evaluate("new Date().toLocaleDateString('sv-SE')")

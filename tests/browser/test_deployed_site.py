"""Den riktiga sajten som besökare får den: byggd med den riktiga konfigurationen, visad på sin
site_url med snabbnavigering, och nådd genom att klicka från startsidan.

- Varje guide: från startsidan till ett resultat, med "Dina svar", Tillbaka och utskrift, utan
  skriptfel, och utan att ett enda svar når servern.
- Varje sida på sajten besöks en gång: den visas, axe hittar inga brister (WCAG 2.1 A/AA) och inga
  skript- eller konsolfel uppstår. Guidens sidor besöks med svar i adressen, så att "Dina svar"
  också granskas.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import Page

from build_tools.devtools.site_server import build_and_serve, project_copy
from build_tools.domain.graph import Path as TreePath
from build_tools.domain.graph import Step
from build_tools.domain.model import Tree
from build_tools.render.markdown_text import to_plain_text
from tests.browser.walker import (
    SETTLE_ANIMATIONS,
    encode,
    load_for_collection,
    start_and_answer,
    wait_for_heading,
    wait_for_node,
)

PROJECT = load_for_collection()
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def representative_path(tree: Tree) -> TreePath:
    """En väg genom guiden: ett övningsfalls väg om det finns, annars första svaret hela vägen."""
    for case in PROJECT.cases:
        if case.guide_id == tree.id:
            return TreePath(tuple(Step(s.question_id, s.answer_id) for s in case.steps), case.outcome_id)
    steps = []
    current = tree.start
    while current in {q.id for q in tree.questions}:
        answer = tree.nodes[current].answers[0]
        steps.append(Step(current, answer.id))
        current = answer.next_id
    return TreePath(tuple(steps), current)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    """Samma sajt byggd med ProperDocs (en fortsättning på MkDocs 1.x): vägen bort från Material for
    MkDocs, som slutar underhållas i maj 2027, ska vara prövad innan den behövs."""
    work = tmp_path_factory.mktemp("properdocs")
    site = build_and_serve(project_copy(work) / "mkdocs.yml", work / "site", generator="properdocs")
    yield site
    site.stop()


@pytest.mark.parametrize("tree", list(PROJECT.trees.values()), ids=list(PROJECT.trees))
def test_click_from_the_start_page_through_the_guide(page, served_site, tree):
    walk_from_start_page(page, served_site, tree)


@pytest.mark.parametrize("tree", list(PROJECT.trees.values()), ids=list(PROJECT.trees))
def test_click_through_the_guide_built_with_properdocs(page, properdocs_site, tree):
    html = (properdocs_site.directory / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in html  # det är verkligen ProperDocs som byggt sajten
    walk_from_start_page(page, properdocs_site, tree)


def walk_from_start_page(page, served_site, tree) -> None:
    path = representative_path(tree)
    before = len(served_site.requests)
    page.goto(served_site.base_url + "/")
    page.click("article a[href$='beslutsstod/']")
    wait_for_heading(page, "Beslutsstöd")
    page.mouse.move(0, 0)  # musen kan ha hamnat över ett ordlistetips på den nya sidan
    page.click(f"article a[href$='{tree.id}/']")
    wait_for_heading(page, tree.title)
    start_and_answer(page, tree, path.steps)
    assert page.locator(".sv-walker").get_attribute("data-sv-node") == path.outcome_id
    # Snabbnavigeringen var på hela vägen: dokumentet laddades bara en gång, på startsidan.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate("new URL(performance.getEntriesByType('navigation')[0].name).pathname") == "/"
    rows = page.locator(".sv-summary__row").all_inner_texts()
    assert len(rows) == len(path.steps)
    for row, step in zip(rows, path.steps, strict=True):
        question = tree.nodes[step.question_id]
        assert to_plain_text(question.text) in row
    assert page.locator("a[data-sv-back]").is_visible()
    assert page.locator(".sv-print-button").is_visible()
    page.emulate_media(media="print")
    header = page.locator(".sv-print-header")
    assert header.is_visible()
    assert tree.title in header.inner_text() and _browser_day(page) in header.inner_text()
    assert page.locator(".sv-summary").is_visible()
    assert not page.locator(".sv-print-button").is_visible()
    # Inget svar har skickats till servern: svaren står i fragmentet, som webbläsaren aldrig skickar.
    answers = {f"{s.question_id}.{s.answer_id}" for s in path.steps}
    sent = served_site.requests[before:]
    assert len(sent) > 5
    assert [r for r in sent if "svar" in r or any(a in r for a in answers)] == []


def _state_for_each_node() -> dict[tuple[str, str], str]:
    """Ett tillstånd (svar) som leder till varje nod, hittat bredden först från start."""
    states: dict[tuple[str, str], str] = {}
    for tree in PROJECT.trees.values():
        reached = {tree.start: ()}
        queue = [tree.start]
        while queue:
            current = queue.pop(0)
            node = tree.nodes[current]
            for answer in getattr(node, "answers", ()):
                if answer.next_id not in reached:
                    reached[answer.next_id] = (*reached[current], Step(current, answer.id))
                    queue.append(answer.next_id)
        for node_id, steps in reached.items():
            states[(tree.id, node_id)] = "svar=" + encode(steps)
    return states


NODE_STATES = _state_for_each_node()


def site_pages(site_dir: Path) -> list[str]:
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        pages.append("/" + path.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/")
    return [p.replace("//", "/") for p in pages]


def _all_page_urls() -> list[str]:
    """Alla sidor som bygget ger, räknat ur modellen och handskrivna sidor (samma lista som sajten)."""
    from build_tools.render.pages import PageBuilder

    urls = {"/"}
    for page in PageBuilder(PROJECT).all_pages():
        source = page.source.removesuffix(".md")
        url = source.removesuffix("index").rstrip("/")
        urls.add("/" + (url + "/" if url else ""))
    for path in (PROJECT.root / "docs").rglob("*.md"):
        rel = path.relative_to(PROJECT.root / "docs").with_suffix("").as_posix()
        url = rel.removesuffix("index").rstrip("/")
        urls.add("/" + (url + "/" if url else ""))
    return sorted(urls)


PAGES = _all_page_urls()
REDIRECTS = {f"/stadsdelar/{f.slug}/": f"/stadsdelar/{d.slug}/" for d in PROJECT.districts for f in d.former_names}


def test_the_list_of_pages_to_visit_is_the_whole_site(site_dir):
    assert set(site_pages(site_dir)) == set(PAGES)


@dataclass
class Visitor:
    """En flik som besöker sida efter sida (som en person), och samlar fel och anrop till andra värdar."""

    page: Page
    errors: list[str]
    foreign: list[str]


@pytest.fixture(scope="module")
def visitor(browser) -> Visitor:
    """axe-core läggs in av webbläsaren själv (som ett tillägg gör), före sidans skript: sidans
    Content-Security-Policy stoppar inbäddade skript, också ett testverktygs."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1100, "height": 900})
    context.add_init_script(script=AXE_JS)
    page = context.new_page()
    found = Visitor(page, [], [])
    page.on("pageerror", lambda exc: found.errors.append(str(exc)))
    page.on(
        "console",
        lambda m: (
            found.errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda r: found.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.on(
        "request",
        lambda r: (
            found.foreign.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).hostname != "127.0.0.1"
            else None
        ),
    )
    yield found
    context.close()


def run_axe(page) -> list[str]:
    page.evaluate(SETTLE_ANIMATIONS)
    # preload: false – axe hämtar då inte om sidans stilmallar (det gör bara regeln om låst skärmläge,
    # som test_accessibility_states.py kör med stilmallarna). Sparar en fjärdedel av tiden per sida.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
        " preload: false})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]


# Sajtens skript är klara: ordlistans tips är utmärkta (eller sidan har ingen artikel).
SCRIPTS_DONE = """() => {
  const article = document.querySelector('.md-content article');
  return !article || article.getAttribute('data-sv-terms') === 'klar'
    || !!article.querySelector('[data-sv-glossary-page]');
}"""


# Ett klick på en länk till adressen, som snabbnavigeringen tar hand om (eller guiden, som ritar en nod
# i samma guide på plats). Guidens ruta (eller sidans innehåll) sparas först, så att det syns när
# det nya har kommit.
NAVIGATE_JS = """url => {
  window.__svOld = document.querySelector('.sv-walker') || document.querySelector('.md-content');
  const link = document.createElement('a');
  link.href = url;
  document.body.append(link);
  link.click();
  link.remove();
}"""


def visit(page, url: str) -> None:
    """Gå till sidan som en besökare: första gången med en vanlig sidladdning, sedan med klick
    (snabbnavigeringen), som i verkligheten. Då körs också sajtens skript på nytt för varje sida."""
    if not page.url.startswith("http"):
        assert page.goto(url).status == 200
        return
    page.evaluate(NAVIGATE_JS, url)
    page.wait_for_function("() => !window.__svOld || !document.contains(window.__svOld)")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_without_errors_or_accessibility_violations(visitor, base_url, url):
    page = visitor.page
    visitor.errors.clear()
    parts = url.strip("/").split("/")
    state = NODE_STATES.get((parts[1], parts[2])) if len(parts) == 3 and parts[0] == "beslutsstod" else None
    redirect = REDIRECTS.get(url)
    if redirect:  # en nedlagd stadsdels adress skickar vidare till den nya stadsdelen
        page.goto(base_url + url)
        page.wait_for_url(base_url + redirect)
        url = redirect
    else:
        visit(page, base_url + url + (f"#{state}" if state else ""))
    assert page.evaluate("() => location.pathname") == url
    if state:
        wait_for_node(page, parts[2])
        assert page.locator(".sv-summary__row").count() == state.count(".")
    page.wait_for_function(SCRIPTS_DONE)
    assert page.locator(".md-content h1").count() == 1
    assert run_axe(page) == []
    assert visitor.errors == []
    assert visitor.foreign == []


def test_404_page(visitor, base_url):
    page = visitor.page
    visitor.errors.clear()
    response = page.goto(base_url + "/finns-inte/")  # en ny sidladdning: så når man en trasig adress
    assert response.status == 404
    assert "finns inte" in page.locator("h1").inner_text().lower()
    assert run_axe(page) == []
    # Webbläsaren rapporterar 404-svaret; det är just det som testas här. Inget annat fel får finnas.
    assert visitor.errors == [f"HTTP 404: {base_url}/finns-inte/"]


def test_skip_link_first_and_focus_moves_to_the_new_heading_after_instant_navigation(page, base_url):
    page.goto(base_url + "/stadsdelar/")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.hash]")
    assert skip == ["Gå till innehållet", "#innehall"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "innehall"
    # Ett vanligt klick till en annan sida (snabbnavigering): fokus på den nya sidans rubrik.
    district = PROJECT.districts[0]
    page.click(f"article a[href$='stadsdelar/{district.slug}/'] >> nth=0")
    page.wait_for_function(
        "name => document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes(name)",
        arg=district.name,
    )
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1


def _browser_day(page) -> str:
    """Dagen enligt webbläsarens klocka: utskriften säger när den skrevs ut (sv-SE ger ÅÅÅÅ-MM-DD)."""
    return page.evaluate("new Date().toLocaleDateString('sv-SE')")

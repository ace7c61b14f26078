"""Det som går att visa utan webbläsare visas här, på den byggda sajten (samma bygge som
webbläsartesterna använder):

- varje svarslänk i varje nods HTML leder till den nod som modellen säger, och varje väg slutar i
  ett resultat (så behöver inte varje väg gås i Chromium);
- inga inbäddade skript, och Content-Security-Policy först i varje sida;
- trädets data till skriptet ligger i ett attribut och stämmer med modellen;
- den kanoniska adressen är testserverns, men standardkonfigurationen pekar aldrig på localhost.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_tools.addresses import urls
from build_tools.check.site_links import check_site
from build_tools.domain.model import Outcome, Question
from tests.content import real_project

ROOT = Path(__file__).resolve().parent.parent
PROJECT = real_project()


class _Collector(HTMLParser):
    """Samlar taggar med attribut, och texten i <script>-element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self._script_text = []

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def page_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


NODES = [(tree, node) for tree in PROJECT.trees.values() for node in tree.nodes.values()]


@pytest.mark.parametrize(("tree", "node"), NODES, ids=[f"{t.id}:{n.id}" for t, n in NODES])
def test_answer_links_in_the_html_follow_the_model(site_dir, tree, node):
    page_url = urls.node_url(tree.id, node.id)
    html = parse(page_file(site_dir, page_url))
    walker = next(a for t, a in html.tags if "sv-walker" in a.get("class", "").split())
    assert walker["data-sv-node"] == node.id
    data = json.loads(next(a for t, a in html.tags if "sv-tree-data" in a.get("class", "").split())["data-sv-json"])
    assert data["start"] == tree.start
    assert set(data["nodes"]) == set(tree.nodes)
    links = {a["data-sv-answer"]: a for t, a in html.tags if t == "a" and "data-sv-answer" in a}
    if isinstance(node, Outcome):
        assert links == {}
        return
    assert isinstance(node, Question)
    assert set(links) == {answer.id for answer in node.answers}
    for answer in node.answers:
        link = links[answer.id]
        target = urljoin("https://sajt.test/" + page_url, link["href"])
        assert urlsplit(target).path == "/" + urls.node_url(tree.id, answer.next_id), (node.id, answer.id)
        assert link["data-sv-next"] == answer.next_id
        assert [a["next"] for a in data["nodes"][node.id]["answers"] if a["id"] == answer.id] == [answer.next_id]


def all_html(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def test_no_page_has_an_inline_script_and_every_page_has_the_policy_first(site_dir):
    checked = 0
    for path in all_html(site_dir):
        html = parse(path)
        for attributes, text in html.scripts:
            if "src" in attributes:
                continue
            # Materials inställningar är data (application/json), inget som körs.
            assert attributes.get("type") == "application/json", f"{path}: inbäddat skript {text[:60]!r}"
            assert attributes.get("id") == "__config", path
        metas = [a for t, a in html.tags if t == "meta"]
        assert metas[0].get("charset") == "utf-8", path
        assert metas[1].get("http-equiv") == "Content-Security-Policy", path
        policy = metas[1]["content"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        checked += 1
    assert checked > 150


def test_canonical_addresses_use_the_served_origin(site_dir, base_url):
    html = parse(site_dir / "index.html")
    canonical = next(a["href"] for t, a in html.tags if t == "link" and a.get("rel") == "canonical")
    assert canonical == base_url + "/"


def test_production_configuration_never_points_at_localhost():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url: !ENV \[SITE_URL, \"([^\"]+)\"\]$", config, re.M)
    assert match, "site_url ska komma från SITE_URL med en publik standardadress"
    default = urlsplit(match.group(1))
    assert default.scheme == "https"
    assert default.hostname not in ("localhost", "127.0.0.1", "::1") and not default.hostname.startswith("127.")
    assert "navigation.instant" in config


def test_every_internal_link_and_anchor_in_the_built_site_resolves(site_dir):
    """Varje relativ länk i varje byggd sida leder till en fil som finns, och ett #ankare till ett id
    på målsidan (utom guidernas tillstånd i fragmentet, #svar=…)."""
    checked, broken, inline = check_site(site_dir)
    assert checked > 3000
    assert broken == [], "\n".join(broken)
    assert inline == []


def test_the_site_check_finds_broken_links_anchors_and_inline_scripts(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">saknas</a><a href="a/#finns">ok</a><a href="a/#saknas">fel</a>'
        '<a href="#svar=x.y">tillstånd</a><a href="https://exempel.se/">extern</a><script>alert(1)</script>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="finns">A</h1><script type="application/json">{}</script>')
    checked, broken, inline = check_site(tmp_path)
    assert checked == 5
    assert broken == ["index.html: b/", "index.html: a/#saknas (ankaret finns inte)"]
    assert inline == ["index.html: alert(1)"]

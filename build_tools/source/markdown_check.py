"""Markdown läst som Markdown-tolken läser den: rå HTML, länkar och nästlingsdjup.

``content_safety`` letar efter taggar och länkar med reguljära uttryck. Det räcker inte ensamt: vad som
är kod (och alltså ofarligt) avgör Markdown-tolken, och den ser t.ex. att ``\\`<img …>\\``` är rå HTML
mellan två vanliga bakåtapostrofer, att fyra blanksteg före ``` gör ett kodblock på en rad (och inte ett
staket som gör resten av filen till kod), och att ``[x][r]`` med ``[r]: javascript:…`` blir en länk.
Här renderas texten därför med samma tolk och tillägg som sajten använder, och det tolken själv
behandlade som rå HTML, och varje länk och bild den gav, kontrolleras.
"""

from __future__ import annotations

import contextlib
import html
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.treeprocessors import Treeprocessor

from ..base.diagnostics import ContentError, Location, Report
from ..base.url_rule import safe_local_url, safe_url
from .markdown_pretest import needs_parser

# Tilläggen för sidorna som MkDocs renderar (mkdocs.yml och MkDocs egna: toc, tables, fenced_code),
# och för textfälten i YAML-filerna (render/markdown_text.py).
PAGE_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html")
FIELD_EXTENSIONS = ("sane_lists", "tables", "attr_list")
# Hur djupt listor och citat får ligga i varandra. Riktig text har högst tre eller fyra nivåer; mycket
# djupare nästling tar slut på Pythons stack när sidan renderas.
MAX_DEPTH = 20
_NESTING = frozenset({"ul", "ol", "blockquote"})
# Stackdjupet som kontrollen ger tolken (anrop utöver dem som redan pågår). Bygget (MkDocs) har Pythons
# vanliga gräns på 1000 och ligger omkring 100 anrop djupt när det renderar en sida: det som klarar sig
# med den här lägre gränsen i check klarar sig alltså också i bygget.
RENDER_BUDGET = 600
# Fler tecken < än så här i en text är aldrig vanlig Markdown (HTML är inte tillåtet, och en sida har
# några få autolänkar); Python-Markdown behöver då kvadratisk tid.
MAX_ANGLES = 200
_BRACKET = re.compile(r"[\[\]]")
_LINE_NESTING = re.compile(r"^((?:\s*>)*)(\s*)((?:(?:[-*+]|\d{1,9}[.)])\s+)*)")
# En rad som börjar med fler än MAX_DEPTH av tecknen som _LINE_NESTING läser. deep_line räknar högst en
# nivå per tecken (ett >, ett indrag på fyra blanksteg eller en tabb, ett listtecken med blanksteg), så
# utan en sådan rad ligger ingen rad för djupt.
_LONG_PREFIX = re.compile(rf"^[\s>*+\-0-9.)]{{{MAX_DEPTH + 1}}}", re.M)


@dataclass(frozen=True)
class Finding:
    """Ett fynd: teckenindex i texten och vad (``html``, ``farlig-lank`` med adresstypen, eller ``djup``)."""

    index: int
    kind: str
    detail: str = ""


class _Capture(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.captured_root = root  # type: ignore[attr-defined]


class _Recorder:
    """Antecknar det som tolkens HTML-steg (block och inline) lägger undan som rå HTML."""

    def __init__(self, md: markdown.Markdown) -> None:
        self.raw: list[str] = []
        self.recording = False
        store = md.htmlStash.store

        def recording_store(item):
            if self.recording:
                self.raw.append(str(item))
            return store(item)

        md.htmlStash.store = recording_store  # type: ignore[method-assign]
        self._wrap(md.preprocessors["html_block"], "run")
        self._wrap(md.inlinePatterns["html"], "handleMatch")

    def _wrap(self, processor, name: str) -> None:
        original = getattr(processor, name)

        def wrapped(*args, **kwargs):
            self.recording = True
            try:
                return original(*args, **kwargs)
            finally:
                self.recording = False

        setattr(processor, name, wrapped)


_PARSERS: dict[tuple[str, ...], tuple[markdown.Markdown, _Recorder]] = {}


def _parser(extensions: tuple[str, ...]) -> tuple[markdown.Markdown, _Recorder]:
    if extensions not in _PARSERS:
        md = markdown.Markdown(extensions=list(extensions))
        md.treeprocessors.register(_Capture(md), "samverkan-fanga", -100)
        _PARSERS[extensions] = (md, _Recorder(md))
    md, recorder = _PARSERS[extensions]
    md.reset()  # samma förråd (htmlStash) används igen, så inspelningen ovan gäller fortfarande
    recorder.raw = []
    return md, recorder


@contextlib.contextmanager
def _recursion_budget(frames: int):
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(min(previous, depth + frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def too_deep(text: str) -> ContentError:
    """Felet när renderingen ändå tar slut på stacken (check ska ha sagt till innan)."""
    report = Report()
    excerpt = " ".join(text.split())[:60]
    report.error(
        Location(Path("innehållet")),
        f"En text är för djupt nästlad för att kunna visas (\u201d{excerpt}\u201d).",
        f"Kör python -m build_tools check: listor och citat får ligga i högst {MAX_DEPTH} nivåer.",
        code="markdown-djup",
    )
    return ContentError(report)


def too_deep_at(text: str) -> int | None:
    """Teckenindex där texten blir för djupt nästlad för Markdown-tolken, eller None.

    Listor och citat (``deep_line``) tar slut på stacken; hakparenteser i hakparenteser (``[[[[…``) gör
    länktolkningen kvadratisk: 5 000 öppna hakparenteser tar en halv minut att rendera."""
    if text.count("[") <= MAX_DEPTH and not _LONG_PREFIX.search(text):
        return None  # det vanliga: ingen rad har ens MAX_DEPTH + 1 tecken som kan nästla (se _LONG_PREFIX)
    line = deep_line(text)
    if line is not None:
        return line
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() == "[" else max(0, depth - 1)
        if depth > MAX_DEPTH:
            return match.start()
    return None


def deep_line(text: str) -> int | None:
    """Teckenindex för första raden som ligger djupare än MAX_DEPTH (citat, indrag och listtecken)."""
    index = 0
    for line in text.split("\n"):
        match = _LINE_NESTING.match(line)
        quotes = match.group(1).count(">")
        indent = len(match.group(2).expandtabs(4)) // 4
        markers = len(match.group(3).split()) if match.group(3) else 0
        if quotes + indent + markers > MAX_DEPTH:
            return index
        index += len(line) + 1
    return None


def inspect(text: str, extensions: tuple[str, ...] = PAGE_EXTENSIONS) -> list[Finding]:
    """Rå HTML, farliga länkar och för djup nästling i ``text``, så som Markdown-tolken läser texten."""
    deep = too_deep_at(text)
    if deep is not None:
        return [Finding(deep, "djup")]
    if text.count("<") > MAX_ANGLES:  # tolkens HTML- och autolänkmönster blir kvadratiska utan avslutande >
        return [Finding(_nth(text, "<", MAX_ANGLES + 1), "manga-vinklar")]
    if not needs_parser(text, MAX_DEPTH):  # det vanliga: tolken kan inte hitta något (markdown_pretest.py)
        return []
    return parse_findings(text, extensions)


def parse_findings(text: str, extensions: tuple[str, ...] = PAGE_EXTENSIONS) -> list[Finding]:
    """Tolkens fynd i ``text``, alltid med tolken (``inspect`` hoppar över texter där den inte kan hitta något)."""
    md, recorder = _parser(extensions)
    try:
        with _recursion_budget(RENDER_BUDGET):
            md.convert(text)
    except RecursionError:
        return [Finding(0, "djup")]
    root = getattr(md, "captured_root", None)
    findings = _locate_raw(text, recorder.raw)
    if root is not None:
        findings += _bad_links(text, root)
        if _depth(root) > MAX_DEPTH:
            findings.append(Finding(0, "djup"))
    return findings


def _locate_raw(text: str, raw_items: list[str]) -> list[Finding]:
    findings, cursor = [], 0
    for item in raw_items:
        index = _find(text, item.split("\n", 1)[0][:60], cursor)
        if index < 0:
            tag = re.match(r"<\s*(/?[!?a-zA-Z][a-zA-Z0-9-]*)", item)
            index = _find(text, "<" + tag.group(1), cursor) if tag else -1
        index = max(index, text.find("<", cursor), 0) if index < 0 else index
        findings.append(Finding(index, "html", item[:40]))
        cursor = index + 1
    return findings


def _nth(text: str, needle: str, count: int) -> int:
    index = -1
    for _ in range(count):
        index = text.find(needle, index + 1)
    return max(index, 0)


def _find(text: str, needle: str, start: int) -> int:
    if not needle:
        return -1
    found = text.find(needle, start)
    return found if found >= 0 else text.find(needle)


def _bad_links(text: str, root: ET.Element) -> list[Finding]:
    findings = []
    for element in root.iter():
        for attribute, rule in (("href", safe_url), ("src", safe_local_url)):
            value = element.get(attribute)
            if value is None or rule(html.unescape(value)) is not None:
                continue
            index = _find(text, value, 0)
            if index < 0:
                index = _find(text, html.unescape(value)[:4], 0)
            kind = "extern-bild" if safe_url(html.unescape(value)) is not None else "farlig-lank"
            findings.append(Finding(max(index, 0), kind, html.unescape(value)[:40]))
    return findings


def _depth(element: ET.Element) -> int:
    """Största antalet listor och citat i varandra (utan rekursion: trädet kan vara mycket djupt)."""
    deepest, stack = 0, [(element, 0)]
    while stack:
        node, level = stack.pop()
        level += node.tag in _NESTING
        deepest = max(deepest, level)
        stack.extend((child, level) for child in node)
    return deepest

"""Markdown från redaktörer blir HTML, tvättad med en vitlista.

``check`` stoppar HTML och farliga länkar i innehållet redan innan bygget (se ``content_safety``).
Tvätten här är det andra skyddet: det som Markdown ger tillbaka går genom sanitiseraren nh3
(Ammonia), som bara släpper igenom taggarna och attributen nedan och länkar till https, http,
mailto, tel eller sidor på sajten.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
from markupsafe import Markup

from ..source.markdown_check import too_deep
from .html_guard import sanitise_html

_EXTENSIONS = ["sane_lists", "tables", "attr_list", "smarty"]
_EXTENSION_CONFIGS = {
    "smarty": {
        "smart_angled_quotes": False,
        "substitutions": {
            "left-double-quote": "\u201d",
            "right-double-quote": "\u201d",
            "left-single-quote": "\u2019",
            "right-single-quote": "\u2019",
        },
    }
}


def sanitize(fragment: str) -> str:
    """Samma tvätt som all annan HTML ur innehållet (html_guard.py): vitlistade taggar, attribut och länkar."""
    return sanitise_html(fragment)


_converter: markdown.Markdown | None = None


def _convert(text: str) -> str:
    """Markdown till HTML med en återanvänd tolk (att skapa en ny för varje text tar det mesta av tiden)."""
    global _converter
    if _converter is None:
        _converter = markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    try:
        return _converter.reset().convert(text)
    except RecursionError:
        raise too_deep(text) from None  # ett svenskt fel i stället för en traceback


@functools.lru_cache(maxsize=16384)
def _html(text: str, shift_headings: int) -> str:
    rendered = _convert(text)
    if shift_headings:
        rendered = re.sub(
            r"<(/?)h([1-6])\b",
            lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}",
            rendered,
        )
    return sanitize(rendered)


def to_html(text: str, shift_headings: int = 1) -> Markup:
    """Block-Markdown till HTML. Rubriker flyttas ned så att sidans h1 förblir den enda h1:an.

    Samma text renderas ofta många gånger (ett övningsfall finns på flera sidor), så resultatet sparas."""
    if not text:
        return Markup("")
    return Markup(_html(text, shift_headings))


def to_inline_html(text: str) -> Markup:
    """En rad Markdown (t.ex. ett steg eller ett svar) utan omslutande stycke."""
    rendered = str(to_html(text, shift_headings=0)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def to_plain_text(text: str) -> str:
    """Markdown utan formatering, t.ex. för JSON till skriptet och sidtitlar."""
    rendered = str(to_html(text, shift_headings=0))
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return re.sub(r"\s+", " ", plain).strip()

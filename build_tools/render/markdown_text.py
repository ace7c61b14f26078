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
from .page_links import PageLinks

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
_page_links = PageLinks()


def _convert(text: str, page_url: str | None = None) -> str:
    """Markdown till HTML med en återanvänd tolk (att skapa en ny för varje text tar det mesta av tiden).

    Med ``page_url`` skrivs länkar från sajtens rot om relativt till den sidan (se page_links.py)."""
    global _converter
    if _converter is None:
        extensions = [*_EXTENSIONS, _page_links]
        _converter = markdown.Markdown(extensions=extensions, extension_configs=_EXTENSION_CONFIGS)
    _page_links.set_page(page_url)
    try:
        return _converter.reset().convert(text)
    except RecursionError:
        raise too_deep(text) from None  # ett svenskt fel i stället för en traceback


# Text som Markdown inte ändrar: bokstäver, siffror och skiljetecken utan betydelse i Markdown eller
# för smarty (inga raka citattecken, inga -- eller ...), ingen lista eller rubrik i början. De flesta
# texterna (svar, steg) är sådana; att låta bli att köra Markdown på dem halverar bygget av sidorna.
_PLAIN = re.compile(r"[\w ,.:;?!()%/§–—”’+=-]*")
_BLOCK_START = re.compile(r"\s|[-+*]\s|\d+[.)]\s|#")


def _plain_paragraph(text: str) -> str | None:
    """``<p>text</p>`` om texten är ren text som Markdown skulle ge tillbaka oförändrad, annars None."""
    if not _PLAIN.fullmatch(text) or _BLOCK_START.match(text) or text.endswith(" "):
        return None
    if "_" in text or "--" in text or ".." in text or "  " in text:
        return None
    return f"<p>{text}</p>"


@functools.lru_cache(maxsize=16384)
def _html(text: str, shift_headings: int, page_url: str | None = None) -> str:
    rendered = _plain_paragraph(text) or _convert(text, page_url)
    if shift_headings:
        rendered = re.sub(
            r"<(/?)h([1-6])\b",
            lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}",
            rendered,
        )
    return sanitize(rendered)


def to_html(text: str, shift_headings: int = 1, page_url: str | None = None) -> Markup:
    """Block-Markdown till HTML. Rubriker flyttas ned så att sidans h1 förblir den enda h1:an.

    ``page_url`` är adressen till sidan texten visas på; länkar från sajtens rot blir relativa till den.
    Samma text renderas ofta många gånger (ett övningsfall finns på flera sidor), så resultatet sparas."""
    if not text:
        return Markup("")
    # En text utan / kan inte ha en länk från roten: då är resultatet detsamma på alla sidor.
    return Markup(_html(text, shift_headings, page_url if "/" in text else None))


def to_inline_html(text: str, page_url: str | None = None) -> Markup:
    """En rad Markdown (t.ex. ett steg eller ett svar) utan omslutande stycke."""
    rendered = str(to_html(text, shift_headings=0, page_url=page_url)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def to_plain_text(text: str) -> str:
    """Markdown utan formatering, t.ex. för JSON till skriptet och sidtitlar."""
    rendered = str(to_html(text, shift_headings=0))
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return re.sub(r"\s+", " ", plain).strip()

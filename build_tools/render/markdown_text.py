"""Markdown från redaktörer blir HTML."""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup

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


def to_html(text: str, shift_headings: int = 1) -> Markup:
    """Block-Markdown till HTML. Rubriker flyttas ned så att sidans h1 förblir den enda h1:an."""
    if not text:
        return Markup("")
    html = markdown.markdown(text, extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    if shift_headings:
        html = re.sub(
            r"<(/?)h([1-6])\b",
            lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings)}",
            html,
        )
    return Markup(html)


def to_inline_html(text: str) -> Markup:
    """En rad Markdown (t.ex. ett steg eller ett svar) utan omslutande stycke."""
    html = str(to_html(text, shift_headings=0)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def to_plain_text(text: str) -> str:
    """Markdown utan formatering, t.ex. för JSON till skriptet och sidtitlar."""
    html = str(to_html(text, shift_headings=0))
    plain = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"\s+", " ", plain.replace("&amp;", "&").replace("&nbsp;", " ")).strip()

"""En tvätt för all HTML som kommer ur innehållet.

All Markdown från redaktörerna blir HTML någonstans: textfälten i YAML-filerna (render/markdown_text.py),
kapitlen och rollsidorna i guides/ och de handskrivna sidorna i docs/ (som MkDocs renderar; kroken
i mkdocs_hooks.py skickar resultatet hit). Allt går genom samma vitlista i nh3 (Ammonia) innan det
skrivs. ``check`` säger ifrån redan innan (content_safety.py), men tvätten gäller oavsett vad check
såg: det som inte står i listorna nedan tas bort.

Sidor som MkDocs renderar innehåller både innehåll och sajtens egen HTML (rubrikrader, listor över
guider). Kärnan märker därför ut innehållet med två kommentarer (``mark_content``), och
``sanitise_marked`` tvättar det som står mellan dem. Märkena består bara av bokstäver, och
``mark_content`` tar bort dem ur innehållet självt, så innehållet kan inte skriva ett eget slutmärke.
Stämmer märkena inte (t.ex. ett kodblock som aldrig avslutas och sväljer slutmärket) tvättas hela sidan.
"""

from __future__ import annotations

import re

import nh3

from ..base.url_rule import ALLOWED_SCHEMES, safe_local_url, safe_url

# Det Markdown-tilläggen (mkdocs.yml: admonition, attr_list, md_in_html, tables, toc, och MkDocs egna
# fenced_code; i YAML-fälten sane_lists, tables, attr_list, smarty) ger. Inget som kan köra skript,
# skicka formulär, hämta något från en annan server eller byta sidans adress.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "blockquote", "a", "abbr", "span", "div",
        "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "img",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "sup", "sub", "del", "ins", "s",
        "kbd", "mark",
    }
)  # fmt: skip
# Attribut per tagg. id bara på rubriker (ankarna som toc ger); class bara med värdena i ALLOWED_CLASSES.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title"}),
    "ol": frozenset({"start"}),
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
}
# Rutorna som admonition ger (!!! tips "Rubrik"): typerna som Material visar, och rubrikraden.
ADMONITION_TYPES = frozenset(
    {
        "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
        "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
        "danger", "error", "bug", "example", "quote", "cite",
    }
)  # fmt: skip
ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    "div": frozenset({"admonition"} | ADMONITION_TYPES),
    "p": frozenset({"admonition-title"}),
}
# Taggar vars innehåll också tas bort (inte bara taggen).
DROP_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript", "title"})

# Styrtecken som aldrig ska stå i HTML (tabb och radbrytning får stå kvar).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return safe_url(value)
    if attribute == "src":
        return safe_local_url(value)
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_attribute_filter,
    url_schemes=set(ALLOWED_SCHEMES),
    allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
    link_rel=None,
    strip_comments=True,
)


def sanitise_html(fragment: str) -> str:
    """Ta bort allt utom vitlistade taggar, attribut och klasser, och länkar med otillåten adresstyp."""
    return _CLEANER.clean(_CONTROLS.sub("", fragment))


START_TOKEN = "SamverkanInnehallBorjar"
END_TOKEN = "SamverkanInnehallSlutar"
START = f"<!-- {START_TOKEN} -->"
END = f"<!-- {END_TOKEN} -->"
_TOKENS = re.compile(f"{START_TOKEN}|{END_TOKEN}", re.IGNORECASE)


def mark_content(markdown_text: str) -> str:
    """Omge redaktörens Markdown med märkena, så att tvätten efter renderingen hittar den.

    Märkena och Markdowns egna platshållartecken (U+0002, U+0003) tas först bort ur texten."""
    text = _CONTROLS.sub("", markdown_text)
    while _TOKENS.search(text):
        text = _TOKENS.sub("", text)
    return f"\n\n{START}\n\n{text}\n\n{END}\n\n"


def sanitise_marked(page_html: str) -> str:
    """Tvätta det märkta innehållet i en renderad sida; sidor utan märken lämnas som de är.

    Exakt ett startmärke före exakt ett slutmärke krävs; annars tvättas hela sidan."""
    starts, ends = page_html.count(START_TOKEN), page_html.count(END_TOKEN)
    if starts == 0 and ends == 0:
        return page_html
    before, _, rest = page_html.partition(START)
    middle, _, after = rest.partition(END)
    if (starts, ends) != (1, 1) or page_html.count(START) != 1 or page_html.count(END) != 1 or not rest:
        return sanitise_html(page_html)
    if END_TOKEN in before or START_TOKEN in after:
        return sanitise_html(page_html)
    return before + sanitise_html(middle) + after

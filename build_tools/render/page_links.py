"""Länkar i redaktörernas texter skrivs relativt till sidan de hamnar på.

En text i YAML (t.ex. en guides inledning) vet inte på vilken sida den visas, så en länk till en
sida på sajten skrivs från sajtens rot: ``[Kommande ändringar](/lagrum/kommande/)``. En sådan länk
fungerar bara när sajten ligger i värdens rot. Tillägget här skriver om den när Markdown blir HTML,
med sidans adress (``urls.from_site_root``), så att sajten fungerar både på ``https://värd/`` och på
``https://värd/mr-123/`` (en förhandsvisning per ändringsförslag). ``check`` kontrollerar att sidan
länken leder till finns (build_tools/links.py).

Det sker i Markdowns elementträd, inte med sökningar i den färdiga HTML-koden.
"""

from __future__ import annotations

from xml.etree import ElementTree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..addresses.urls import from_site_root

# Efter Markdowns inline-steg (prioritet 20), där länkarna blir element.
_PRIORITY = 4


class _RelativeLinks(Treeprocessor):
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.page_url: str | None = None

    def run(self, root: ElementTree.Element) -> None:
        if self.page_url is None:
            return
        for link in root.iter("a"):
            rewritten = from_site_root(link.get("href", ""), self.page_url)
            if rewritten is not None:
                link.set("href", rewritten)


class PageLinks(Extension):
    """Markdown-tillägg: sätt ``page_url`` (sidans adress, t.ex. 'beslutsstod/guide/') före varje text."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.processor: _RelativeLinks | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        self.processor = _RelativeLinks(md)
        md.treeprocessors.register(self.processor, "sv_page_links", _PRIORITY)

    def set_page(self, page_url: str | None) -> None:
        if self.processor is not None:
            self.processor.page_url = page_url

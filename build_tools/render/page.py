"""En genererad sida: sökväg i källmappen, titel och innehåll, skriven som Markdown med inledning.

Egen modul, så att sidmodulerna (pages, review, handbook, upcoming) kan skapa sidor utan att
läsa in varandra."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """En genererad sida: sökväg i källmappen, sidans titel och innehåll."""

    source: str
    title: str
    body: str
    hide: tuple[str, ...] = ()
    description: str = ""
    searchable: bool = True  # False: sidan upprepar annat innehåll (t.ex. utskrifter) och hålls utanför sökningen

    def render(self) -> str:
        # Temat skriver titel och beskrivning rakt in i HTML (rubrik, <title>, <meta>, sökningen).
        # De är ren text, så de HTML-kodas här: <, >, & och citattecken kan aldrig bli kod.
        title = html.escape(self.title, quote=True)
        front = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
        if self.description:
            description = html.escape(self.description, quote=True)
            front.append(f"description: {json.dumps(description, ensure_ascii=False)}")
        if self.hide:
            front.append("hide:")
            front.extend(f"  - {item}" for item in self.hide)
        if not self.searchable:
            front.extend(["search:", "  exclude: true"])
        front.append("---")
        return "\n".join(front) + "\n\n" + self.body.strip() + "\n"

"""Sidan Kommande ändringar: varje datumsatt ändring i lagrumsregistret och i guiderna.

Sidan byggs av vyn för en dag (build_tools/load/dated_view.py).
Den känner inte till MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..addresses import urls
from ..addresses.urls import UPCOMING_SOURCE, UPCOMING_URL
from ..domain import dated
from ..domain.model import Outcome, Project
from .markdown_text import to_plain_text
from .page import Page

TITLE = "Kommande ändringar"
DESCRIPTION = "Lagändringar med datum: vad som ändras, när, om det är beslutat och var det står."


@dataclass(frozen=True)
class PageLink:
    url: str
    text: str


@dataclass(frozen=True)
class ChangeRow:
    """En rad på sidan: en ändring med datum, beslut, källa och sidorna den påverkar."""

    change: dated.LawChange
    date_text: str
    lagrum_heading: str
    lagrum_url: str
    sources: tuple[str, ...]
    pages: tuple[PageLink, ...]


def _pages_for(project: Project, lagrum_id: str, guide_id: str = "", node_id: str = "") -> tuple[PageLink, ...]:
    """Guidernas sidor där ändringen syns: noden med versionen, och utfall som hänvisar till lagrummet."""
    links: dict[str, PageLink] = {}
    for tree in project.trees.values():
        for node in tree.nodes.values():
            own = tree.id == guide_id and node.id == node_id
            refers = any(c.lagrum_id == lagrum_id for c in node.changes) if lagrum_id else False
            cites = lagrum_id and isinstance(node, Outcome) and lagrum_id in node.lagrum
            if own or refers or cites:
                title = to_plain_text(node.title if isinstance(node, Outcome) else node.text)
                url = urls.node_url(tree.id, node.id)
                links[url] = PageLink(url, f"{tree.title}: {title}")
    return tuple(links.values())


def change_rows(project: Project) -> list[ChangeRow]:
    """Alla datumsatta ändringar, en rad per ändring. Guidernas versioner som hör till en ändring i
    registret räknas inte en gång till: de syns under registrets rad."""
    rows: list[ChangeRow] = []
    for change in dated.all_changes({k: list(v.changes) for k, v in project.lagrum.items()}, project.trees.values()):
        entry = project.lagrum.get(change.lagrum_id)
        if change.guide_id and entry is not None and any(c.date == change.date for c in entry.changes):
            continue
        rows.append(
            ChangeRow(
                change=change,
                date_text=dated.swedish_date(change.date),
                lagrum_heading=entry.heading if entry else "",
                lagrum_url=f"{urls.LAGRUM_URL}#{entry.id}" if entry else "",
                sources=change.sources or (entry.sources if entry else ()),
                pages=_pages_for(project, change.lagrum_id, change.guide_id, change.node_id),
            )
        )
    return rows


def upcoming_context(project: Project, day: dt.date) -> dict:
    """Det mallen behöver: ändringar som kommer, förslag vars datum har passerats utan bekräftat
    beslut, och ändringar som redan har börjat gälla."""
    rows = change_rows(project)
    passed = sorted((r for r in rows if r.change.date <= day), key=lambda r: r.change.date, reverse=True)
    return {
        "today_text": dated.swedish_date(day),
        "coming": [r for r in rows if r.change.date > day],
        # Ett förslag vars datum har passerats har inte börjat gälla: det står för sig.
        "overdue": [r for r in passed if r.change.decision == "foreslagen"],
        "past": [r for r in passed if r.change.decision != "foreslagen"],
        "decisions": dated.DECISIONS,
    }


def upcoming_page(builder):
    """Sidan som en ``Page`` (anropas från PageBuilder.all_pages)."""
    body = builder._render("upcoming.html.j2", UPCOMING_URL, **upcoming_context(builder.project, builder.today))
    return Page(UPCOMING_SOURCE, TITLE, body, description=DESCRIPTION)

"""Bygger sajtens genererade sidor ur modellen. Varje sida blir en Markdown-fil med HTML i."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..lagrum import STATUS_LABELS, citation_note, citation_text
from ..model import AUDIENCES, OUTCOME_KINDS, URGENCIES, Outcome, Project, Question, Tree
from . import urls
from .markdown_text import to_html, to_inline_html, to_plain_text

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Page:
    """En genererad sida: sökväg i källmappen, sidans titel och innehåll."""

    source: str
    title: str
    body: str
    hide: tuple[str, ...] = ()
    description: str = ""

    def render(self) -> str:
        front = ["---", f"title: {json.dumps(self.title, ensure_ascii=False)}"]
        if self.description:
            front.append(f"description: {json.dumps(self.description, ensure_ascii=False)}")
        if self.hide:
            front.append("hide:")
            front.extend(f"  - {item}" for item in self.hide)
        front.append("---")
        return "\n".join(front) + "\n\n" + self.body.strip() + "\n"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals.update(
        md=to_html,
        inline=to_inline_html,
        node_url=urls.node_url,
        tree_url_of=urls.tree_url,
        lagrum_url=urls.LAGRUM_URL,
        cite=citation_text,
        note=citation_note,
        status_label=lambda entry: STATUS_LABELS[entry.status],
    )
    return env


def tree_json(tree: Tree) -> Markup:
    """Trädets struktur för skriptet: id, texter och vart varje svar leder."""
    nodes: dict[str, dict] = {}
    for node in tree.nodes.values():
        if isinstance(node, Question):
            nodes[node.id] = {
                "t": "q",
                "text": to_plain_text(node.text),
                "answers": [{"id": a.id, "label": to_plain_text(a.label), "next": a.next_id} for a in node.answers],
            }
        else:
            nodes[node.id] = {"t": "o", "text": to_plain_text(node.title)}
    data = {
        "id": tree.id,
        "title": tree.title,
        "start": tree.start,
        "reviewed": tree.reviewed.isoformat(),
        "nodes": nodes,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Får inte kunna avsluta <script>-elementet i förtid.
    return Markup(text.replace("</", "<\\/").replace("<!--", "<\\!--"))


class PageBuilder:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.env = _environment()

    def _render(self, template: str, page_url: str, **context) -> str:
        def rel(target: str) -> str:
            return urls.relative(page_url, target)

        return self.env.get_template(template).render(rel=rel, lagrum=self.project.lagrum, **context)

    def all_pages(self) -> list[Page]:
        pages = [self.guides_index(), self.lagrum_page()]
        for tree in self.project.trees.values():
            pages.extend(self.tree_pages(tree))
        return pages

    def guides_index(self) -> Page:
        trees = sorted(self.project.trees.values(), key=lambda t: t.title)
        body = self._render("guides_index.html.j2", urls.GUIDES_URL, trees=trees)
        return Page(urls.GUIDES_SOURCE, "Beslutsstöd", body, description="Guider som leder dig fråga för fråga.")

    def lagrum_page(self) -> Page:
        entries = sorted(self.project.lagrum.values(), key=lambda e: (e.kind != "lag", e.law, e.heading))
        body = self._render("lagrum.html.j2", urls.LAGRUM_URL, entries=entries)
        return Page(urls.LAGRUM_SOURCE, "Lagrum", body, description="Lagrum som guiderna hänvisar till.")

    def tree_pages(self, tree: Tree) -> list[Page]:
        data = tree_json(tree)
        audience = ", ".join(AUDIENCES[a] for a in tree.audience)
        pages = [
            Page(
                urls.tree_source(tree.id),
                tree.title,
                self._render("tree_start.html.j2", urls.tree_url(tree.id), tree=tree, audience=audience),
                hide=("navigation",),
                description=tree.description,
            )
        ]
        for node in tree.nodes.values():
            page_url = urls.node_url(tree.id, node.id)
            common = dict(tree=tree, node=node, tree_json=data, tree_url=urls.tree_url(tree.id))
            if isinstance(node, Outcome):
                body = self._render(
                    "outcome.html.j2",
                    page_url,
                    kind_label=OUTCOME_KINDS[node.kind],
                    urgency_label=URGENCIES[node.urgency],
                    **common,
                )
                title = f"{to_plain_text(node.title)} – {tree.title}"
            else:
                body = self._render("question.html.j2", page_url, **common)
                title = f"{to_plain_text(node.text)} – {tree.title}"
            pages.append(Page(urls.node_source(tree.id, node.id), title, body, hide=("navigation", "toc")))
        return pages

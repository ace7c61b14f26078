"""Data som sidorna bär med sig: JSON för skripten (guidens träd, ordlistan, stadsdelarnas
kontaktvägar), nodernas rubriker och vikterna i sökningen."""

from __future__ import annotations

import html
import json

from ..addresses import urls
from ..base.url_rule import safe_url
from ..domain.model import Outcome, Project, Question, Tree
from ..load.search_terms import SearchHint
from .markdown_text import to_plain_text


def sort_key(name: str) -> tuple:
    """Svensk sortering: å, ä, ö sist i alfabetet."""
    order = {"å": "{", "ä": "|", "ö": "}"}
    return tuple(order.get(ch, ch) for ch in name.casefold())


def tree_json(tree: Tree) -> str:
    """Trädets struktur för skriptet: id, texter och vart varje svar leder.

    Texten läggs i ett data-attribut (som mallen HTML-kodar), inte i ett <script>-element: Materials
    snabbnavigering kör om skriptelement i innehållet och skulle då köra datan som JavaScript."""
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
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def node_title(node) -> str:
    """Nodens egen rubrik som ren text: frågan, eller resultatets rubrik."""
    return to_plain_text(node.title if isinstance(node, Outcome) else node.text)


# Vikter i sökningen. Material ger en hel sida ungefär 2,5 gånger så hög poäng som ett avsnitt i en
# sida. Varje steg i en guide och varje övningsfall är en egen sida, fast de i praktiken är delar av
# något större; med vikten 0,4 väger de som avsnitt. Lagrumsregistrets avsnitt (ett per lagrum) får
# samma vikt, annars slår de stödmaterialet på vardagsord; sidan Lagrum själv väger som vanligt.
PART_WEIGHT = 0.4


def search_hints(project: Project) -> dict[str, SearchHint]:
    """Rubrik och vikt i sökningen per sida (adress → SearchHint).

    Ett steg i en guide visas utan guidens namn i rubriken; guidens namn står redan i texten under."""
    hints = {
        urls.node_url(tree.id, node.id): SearchHint(title=html.escape(node_title(node)), weight=PART_WEIGHT)
        for tree in project.trees.values()
        for node in tree.nodes.values()
    }
    hints.update({urls.case_url(case.id): SearchHint(weight=PART_WEIGHT) for case in project.cases})
    hints[urls.LAGRUM_URL] = SearchHint(section_weight=PART_WEIGHT)
    return hints


def glossary_json(project: Project) -> str:
    """Ordlistan för tipsen: term, böjningsformer, utskrivning och förklaring."""
    data = [
        {"t": t.term, "f": list(t.forms), "e": t.expanded, "x": t.explanation, "a": t.anchor} for t in project.glossary
    ]
    return json.dumps(data, ensure_ascii=False)


def districts_json(project: Project) -> str:
    """Kontaktvägar per stadsdel för valet av barnets stadsdel i guidernas resultat."""
    data = []
    for d in sorted(project.districts, key=lambda d: sort_key(d.name)):
        data.append(
            {
                "name": d.name,
                "slug": d.slug,
                "former": [f.name for f in d.former_names],
                "website": safe_url(d.website) or "",  # länkarna går genom samma regel som check (url_rule.py)
                "contacts": [
                    {"description": c.description, "value": c.text, "href": safe_url(c.href) or "", "status": c.status}
                    for c in d.contacts
                ],
                "missing": not any(c.function == "mottagning" and c.value for c in d.contacts),
            }
        )
    return json.dumps(data, ensure_ascii=False)

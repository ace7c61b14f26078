"""Varje guides noder som en datafil (beslutsstod/<guide>/noder.json) för svar på plats.

När någon svarar ritar guidens skript (walker.js) nästa fråga eller resultat direkt i sidan, utan att
hämta nästa sida. Skriptet hämtar filen en gång per guide när sidan är klar. Den innehåller, per nod,
exakt den HTML som nodens egen statiska sida har i guidens ruta (elementet .sv-walker) och sidans
titel. Den tas ur de färdigbyggda sidorna, så att noden som ritas på plats alltid är densamma som
sidan man får vid en omladdning, en direktlänk, en utskrift eller utan skript.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..addresses import urls
from ..domain.model import Project

DATA_NAME = "noder.json"
_START = '<div class="sv-walker '
_END = "<!-- /sv-walker -->"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# Sidans rubrik i temats sidhuvud (Material: header-topic). Saknas den, lämnar skriptet sidhuvudet.
_TOPIC = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>', re.S)


def node_markup(page_html: str) -> dict[str, str] | None:
    """Guidens ruta och titeln ur en byggd nodsida, eller None om sidan inte har någon ruta."""
    start = page_html.find(_START)
    end = page_html.find(_END, start)
    if start < 0 or end < 0:
        return None
    return {
        "title": _text(_TITLE, page_html),
        "topic": _text(_TOPIC, page_html),
        "html": page_html[start:end].rstrip(),
    }


def _text(pattern: re.Pattern, page_html: str) -> str:
    found = pattern.search(page_html)
    return " ".join(html.unescape(found.group(1)).split()) if found else ""


def tree_node_data(site_dir: Path, tree_id: str, node_ids) -> dict:
    nodes: dict[str, dict[str, str]] = {}
    for node_id in node_ids:
        page = site_dir / urls.node_url(tree_id, node_id) / "index.html"
        if not page.exists():
            continue
        markup = node_markup(page.read_text(encoding="utf-8"))
        if markup is not None:
            nodes[node_id] = markup
    return {"tree": tree_id, "nodes": nodes}


def write_node_data(site_dir: Path, project: Project) -> int:
    """Skriv noder.json för varje guide i den byggda sajten. Returnerar antalet filer."""
    written = 0
    for tree in project.trees.values():
        data = tree_node_data(site_dir, tree.id, tree.nodes)
        if not data["nodes"]:
            continue
        target = site_dir / urls.tree_url(tree.id) / DATA_NAME
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written += 1
    return written

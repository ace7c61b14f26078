"""Granskningsvyn: en sida per guide för den som granskar innehållet (t.ex. en jurist).

Sidan /beslutsstod/<guide>/granskning/ visar hela guiden på en gång: ett diagram över alla
frågor och utfall, alla vägar från första frågan till ett utfall som en tabell, lagrummen med
status och en ruta för underskrift. Diagrammet ritas när sajten byggs (inbäddad SVG); det behöver
inget skript och inget från andra webbplatser. Sidan finns inte i menyn.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..addresses import urls
from ..addresses.site_map import review_source, review_url
from ..domain.model import AUDIENCES, OUTCOME_KINDS, URGENCIES, Outcome, Question, Tree
from ..domain.paths import bounded_paths, layers, paths_to_outcomes
from ..load.lagrum import STATUS_LABELS, citation_note, citation_text
from .markdown_text import to_plain_text
from .page import Page
from .review_nodes import SignedVersion, node_views, path_chain, signed_version

STYLESHEET = "redaktion/granskning.css"

# Färg på kanten för varje slags utfall (mörka nog för kontrast mot vitt, även utskrivna).
KIND_COLOURS = {
    "akut": "#b71c1c",
    "anmal": "#bf360c",
    "konsultera": "#1565c0",
    "skolans-ansvar": "#2e7d32",
    "socialtjanstens-ansvar": "#6a1b9a",
    "tillatet": "#2e7d32",
    "kraver-samtycke": "#8a4b00",
    "inte-tillatet": "#c62828",
    "information": "#455a64",
}
QUESTION_COLOUR = "#283593"

# Mått i diagrammet (bildpunkter).
BOX_WIDTH = 224
COLUMN_GAP = 70
ROW_GAP = 16
PAD = 8
LINE = 15
FONT = 12
CHARS = 29  # tecken per rad i en ruta (ungefär, med FONT och BOX_WIDTH; fet stil är bredare)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


@dataclass
class Box:
    node_id: str
    column: int
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # svarsalternativen, en ruta per svar
    targets: list[str] = field(default_factory=list)
    badge: list[str] = field(default_factory=list)  # utfallets slag och brådska
    colour: str = QUESTION_COLOUR
    x: float = 0
    y: float = 0

    @property
    def header_height(self) -> float:
        return PAD + LINE * (len(self.badge) + len(self.header)) + LINE * 0.8 + PAD / 2

    @property
    def height(self) -> float:
        return self.header_height + sum(self._row_height(r) for r in self.rows) + (PAD / 2 if self.rows else 0)

    @staticmethod
    def _row_height(row: list[str]) -> float:
        return LINE * len(row) + PAD

    def port(self, index: int) -> float:
        """y för svaret nummer ``index`` (där pilen börjar)."""
        y = self.y + self.header_height
        for row in self.rows[:index]:
            y += self._row_height(row)
        return y + self._row_height(self.rows[index]) / 2

    @property
    def entry(self) -> float:
        """y där pilarna in till rutan slutar."""
        return self.y + min(self.height / 2, PAD + LINE)


def _boxes(tree: Tree) -> dict[str, Box]:
    depth = layers(tree)
    boxes: dict[str, Box] = {}
    for node_id in _discovery_order(tree):
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            boxes[node_id] = Box(
                node_id,
                depth.get(node_id, 0),
                _wrap(to_plain_text(node.text), CHARS, 5),
                rows=[_wrap(to_plain_text(a.label), CHARS - 3, 3) for a in node.answers],
                targets=[a.next_id for a in node.answers],
            )
        else:
            boxes[node_id] = Box(
                node_id,
                depth.get(node_id, 0),
                _wrap(to_plain_text(node.title), CHARS + 2, 6),
                badge=_wrap(f"{OUTCOME_KINDS[node.kind]} · {URGENCIES[node.urgency]}", CHARS + 1, 2),
                colour=KIND_COLOURS.get(node.kind, "#333333"),
            )
    return boxes


def _discovery_order(tree: Tree) -> list[str]:
    order: list[str] = []
    seen: set[str] = set()
    stack = [tree.start]
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id not in tree.nodes:
            continue
        seen.add(node_id)
        order.append(node_id)
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            stack.extend(a.next_id for a in reversed(node.answers))
    return order


def _place(boxes: dict[str, Box]) -> tuple[float, float]:
    """Lägg ut rutorna i kolumner och flytta dem så att pilarna blir så raka som möjligt."""
    columns: dict[int, list[Box]] = {}
    for box in boxes.values():
        columns.setdefault(box.column, []).append(box)
    incoming: dict[str, list[tuple[Box, int]]] = {}
    for box in boxes.values():
        for index, target in enumerate(box.targets):
            incoming.setdefault(target, []).append((box, index))
    for number in sorted(columns):
        for box in columns[number]:
            box.x = number * (BOX_WIDTH + COLUMN_GAP)
    for _ in range(3):
        for number in sorted(columns):
            column = columns[number]

            def wanted(box: Box) -> float:
                sources = incoming.get(box.node_id, [])
                if not sources:
                    return 0.0
                return sum(src.port(i) for src, i in sources) / len(sources) - min(box.height / 2, PAD + LINE)

            column.sort(key=wanted)
            bottom = -ROW_GAP
            for box in column:
                box.y = max(bottom + ROW_GAP, wanted(box))
                bottom = box.y + box.height
    width = (max(columns) + 1) * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP if columns else 0
    height = max((b.y + b.height for b in boxes.values()), default=0)
    return width, height


def _text(x: float, y: float, lines: list[str], weight: str = "normal", size: int = FONT, fill: str = "#1a1a1a") -> str:
    spans = "".join(f'<tspan x="{x:.0f}" y="{y + i * LINE:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text font-size="{size}" font-weight="{weight}" fill="{fill}">{spans}</text>'


def diagram(tree: Tree, page_url: str) -> Markup:
    """Hela guiden som SVG. Varje ruta är en länk till nodens sida i guiden."""
    boxes = _boxes(tree)
    width, height = _place(boxes)
    margin = 4
    parts = [
        f'<svg class="sv-review-diagram__svg" xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{width + 2 * margin:.0f}" '
        f'height="{height + 2 * margin:.0f}" viewBox="{-margin} {-margin} {width + 2 * margin:.0f} '
        f'{height + 2 * margin:.0f}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" '
        f'role="group" aria-label="Diagram över guiden {escape(tree.title)}">',
        '<defs><marker id="sv-pil" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ]
    for box in boxes.values():
        for index, target_id in enumerate(box.targets):
            target = boxes.get(target_id)
            if target is None:
                continue
            x1, y1 = box.x + BOX_WIDTH, box.port(index)
            x2, y2 = target.x - 2, target.entry
            bend = max(30.0, (x2 - x1) / 2)
            parts.append(
                f'<path d="M {x1:.0f} {y1:.0f} C {x1 + bend:.0f} {y1:.0f}, {x2 - bend:.0f} {y2:.0f}, {x2:.0f} '
                f'{y2:.0f}" fill="none" stroke="#555" stroke-width="1.3" marker-end="url(#sv-pil)"/>'
            )
    for box in boxes.values():
        href = urls.relative(page_url, urls.node_url(tree.id, box.node_id))
        # xlink:href och inte href: Materials snabbnavigering skriver om alla [href] på sidan och
        # klarar inte SVG-länkar (deras href går inte att ändra). Webbläsarna följer xlink:href lika bra.
        parts.append(f'<a xlink:href="{escape(href)}"><title>{escape(box.node_id)}</title>')
        parts.append(
            f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_WIDTH}" height="{box.height:.0f}" rx="6" '
            f'fill="#ffffff" stroke="{box.colour}" stroke-width="{2 if box.badge else 1.5}"/>'
        )
        y = box.y + PAD + FONT
        if box.badge:
            parts.append(
                f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="6" height="{box.height:.0f}" fill="{box.colour}"/>'
            )
            parts.append(_text(box.x + PAD + 4, y, box.badge, "bold", FONT - 1, box.colour))
            y += LINE * len(box.badge)
        parts.append(_text(box.x + PAD + (4 if box.badge else 0), y, box.header, "bold" if not box.badge else "normal"))
        y += LINE * len(box.header)
        parts.append(_text(box.x + PAD + (4 if box.badge else 0), y - 2, [box.node_id], size=FONT - 2, fill="#555"))
        row_y = box.y + box.header_height
        for row in box.rows:
            parts.append(
                f'<line x1="{box.x:.0f}" y1="{row_y:.0f}" x2="{box.x + BOX_WIDTH:.0f}" y2="{row_y:.0f}" '
                f'stroke="#c5cae9" stroke-width="1"/>'
            )
            parts.append(_text(box.x + PAD, row_y + PAD / 2 + FONT, ["→ " + row[0], *("   " + r for r in row[1:])]))
            row_y += Box._row_height(row)
        parts.append("</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class PathRow:
    number: int
    chain: str  # fraga.svar → … ⇒ utfall
    outcome: Outcome


def review_context(tree: Tree, project, page_url: str, version: SignedVersion | None = None) -> dict:
    path_set = bounded_paths(tree)
    rows = [
        PathRow(number, path_chain(tree, path.steps, path.outcome_id), tree.nodes[path.outcome_id])
        for number, path in enumerate(path_set.paths, start=1)
    ]
    counts = paths_to_outcomes(tree)
    cited = sorted(
        {ref for node in tree.nodes.values() for ref in getattr(node, "lagrum", ()) if ref in project.lagrum}
    )
    uses = {ref: [o.id for o in tree.outcomes if ref in o.lagrum] for ref in cited}
    return {
        "tree": tree,
        "audience": ", ".join(AUDIENCES[a] for a in tree.audience),
        "diagram": diagram(tree, page_url),
        "nodes": node_views(tree, _discovery_order(tree)),
        "rows": rows,
        "total_paths": path_set.total,
        "capped": path_set.capped,
        "outcomes": sorted(tree.outcomes, key=lambda o: -counts.get(o.id, 0)),
        "counts": counts,
        "kind_label": OUTCOME_KINDS,
        "urgency_label": URGENCIES,
        "entries": [project.lagrum[ref] for ref in cited],
        "uses": uses,
        "status_labels": STATUS_LABELS,
        "cite_text": citation_text,
        "cite_note": citation_note,
        "plain": to_plain_text,
        "n_questions": len(tree.questions),
        "stylesheet": STYLESHEET,
        "built": project.today.isoformat() if project.today else "",
        "version": version or signed_version(tree.source),
        "change_log": getattr(tree, "change_log", ()),
    }


def review_page(builder, tree: Tree):
    """Granskningsvyn för en guide, som en sida för PageBuilder."""
    page_url = review_url(tree.id)
    context = review_context(tree, builder.project, page_url, builder.signed_version(tree))
    body = builder._render("review.html.j2", page_url, **context)
    return Page(
        review_source(tree.id),
        f"Granskning: {tree.title}",
        body,
        hide=("navigation", "toc"),
        description=f"Alla vägar genom guiden {tree.title}, för granskning.",
    )

"""Redaktörshandboken (/redaktor/): hur man redigerar, förhandsgranskar, granskar och publicerar.

Handboken byggs med sajten. Det som annars lätt blir inaktuellt räknas fram ur koden och
innehållet varje gång: märkningarna för slag och brådska (samma texter och färger som på sidorna),
listan över fel och varningar från check, referensen över fälten (ur JSON-schemana i schemas/) och
länkarna till varje guides granskningsvy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..addresses import urls
from ..addresses.site_map import HANDBOOK_PAGES, handbook_source, handbook_url, review_url
from ..base.diagnostics import ERROR_CODES, WARNING_CODES
from ..domain.model import AUDIENCES, OUTCOME_KINDS, URGENCIES
from .page import Page

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

# När varje slag och brådska används. Texterna på sidorna kommer från model.py.
KIND_ADVICE = {
    "akut": "Barnet är i fara just nu eller behöver skydd i dag. Använd med brådska Agera nu eller Samma dag. "
    "Sidan visar en knapp för att ringa 112.",
    "anmal": "Svaret är att göra en orosanmälan till socialtjänsten.",
    "konsultera": "Svaret är att först rådgöra, t.ex. med socialtjänsten utan att nämna barnets namn, med "
    "elevhälsan eller med chefen.",
    "skolans-ansvar": "Det här ska skolan göra själv, t.ex. utreda frånvaro eller ge stöd i skolan.",
    "socialtjanstens-ansvar": "Det här är socialtjänstens uppgift. Utfallet säger vad den andra parten kan vänta sig.",
    "tillatet": "Svaret är ja: det är tillåtet, t.ex. att lämna en uppgift. Skriv villkoren i texten.",
    "kraver-samtycke": "Det går, men bara med samtycke från den uppgiften gäller (eller vårdnadshavarna). "
    "Skriv i texten vem som ska samtycka och vad som gäller utan samtycke.",
    "inte-tillatet": "Svaret är nej: det är inte tillåtet. Använd bara när inget gör det tillåtet. Går det med "
    "samtycke, säg det i rubriken och överväg Rådgör först eller Bra att veta.",
    "information": "Bra att veta: utfallet förklarar något men kräver ingen särskild åtgärd.",
}
URGENCY_ADVICE = {
    "omedelbart": "Nu, innan du gör något annat (ring 112 eller socialtjänsten direkt).",
    "idag": "Samma dag, innan barnet går hem eller innan dagen är slut.",
    "snart": "Inom några dagar.",
    "planerat": "Inget brådskar; planera in det som ska göras.",
}

# Vilka filer varje schema gäller, i den ordning de visas i referensen.
SCHEMAS = (
    ("beslutstrad.schema.json", "decision_trees/<id>.yaml"),
    ("lagrum.schema.json", "data/lagrum.yaml"),
    ("ovningsfall.schema.json", "data/ovningsfall.yaml"),
    ("kapitel.schema.json", "guides/stod/*.md och guides/roller/*.md (inledningen mellan ---)"),
    ("stadsdelar.schema.json", "data/stadsdelar.yaml"),
    ("overenskommelser.schema.json", "data/overenskommelser.yaml"),
    ("overenskommelse-mall.schema.json", "data/overenskommelse_mall.yaml"),
    ("ordlista.schema.json", "data/ordlista.yaml"),
    ("sokord.schema.json", "data/sokord.yaml"),
)

# Fält som check kräver utöver schemat.
CHECK_REQUIRED = {"noder.<id>.steg"}

_TYPES = {
    "string": "text",
    "array": "lista",
    "object": "fält",
    "boolean": "true eller false",
    "integer": "heltal",
    "number": "tal",
}


@dataclass(frozen=True)
class FieldRow:
    path: str
    required: bool
    form: str
    description: str
    depth: int


class SchemaReference:
    """Fälten i ett JSON-schema som rader i en tabell: sökväg, om fältet krävs, form och beskrivning."""

    def __init__(self, schema: dict) -> None:
        self.root = schema

    def resolve(self, node: dict) -> dict:
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 10:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                break
            target = self.root
            for part in ref[2:].split("/"):
                target = target[part]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            seen += 1
        return node

    def form(self, node: dict) -> str:
        node = self.resolve(node)
        parts: list[str] = []
        if "enum" in node:
            return "ett av: " + ", ".join(str(v) for v in node["enum"])
        if "const" in node:
            return f"alltid {node['const']}"
        kind = node.get("type")
        if node.get("format") == "date":
            parts.append("datum (ÅÅÅÅ-MM-DD)")
        elif "pattern" in node and "a-z0-9" in node["pattern"]:
            parts.append("id (a–z, 0–9 och -)")
        elif kind == "array":
            items = self.resolve(node.get("items", {}))
            inner = self.form(items) if items.get("type") != "object" else "poster"
            parts.append(f"lista med {inner}" if inner else "lista")
        elif kind:
            parts.append(
                _TYPES.get(kind, kind) if isinstance(kind, str) else " eller ".join(_TYPES.get(k, k) for k in kind)
            )
        if "minLength" in node and node["minLength"] > 1:
            parts.append(f"minst {node['minLength']} tecken")
        if "minItems" in node:
            parts.append(f"minst {node['minItems']}")
        if "minimum" in node:
            parts.append(f"minst {node['minimum']}")
        return ", ".join(parts)

    def rows(self) -> list[FieldRow]:
        out: list[FieldRow] = []
        self._walk(self.root, "", out, 0)
        return out

    def _walk(self, node: dict, prefix: str, out: list[FieldRow], depth: int) -> None:
        node = self.resolve(node)
        required = set(node.get("required", []))
        for name, child in node.get("properties", {}).items():
            child = self.resolve(child)
            path = f"{prefix}{name}"
            out.append(FieldRow(path, name in required, self.form(child), child.get("description", ""), depth))
            self._descend(child, path, out, depth + 1)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            self._descend_values(extra, prefix + "<id>", out, depth)
        for branch in node.get("allOf", []):
            condition = branch.get("if", {}).get("properties", {})
            label = ", ".join(f"{k}: {v.get('const')}" for k, v in condition.items() if "const" in v)
            then = branch.get("then")
            if then:
                out.append(FieldRow(f"{prefix.rstrip('.')} (när {label})", False, "", "", depth))
                self._walk(then, prefix, out, depth + 1)

    def _descend(self, child: dict, path: str, out: list[FieldRow], depth: int) -> None:
        if child.get("type") == "object" or "properties" in child or "allOf" in child:
            self._walk(child, path + ".", out, depth)
        elif isinstance(child.get("additionalProperties"), dict):
            self._descend_values(child["additionalProperties"], path + ".<id>", out, depth)
        elif child.get("type") == "array":
            items = self.resolve(child.get("items", {}))
            if items.get("type") == "object" or "properties" in items:
                self._walk(items, path + "[].", out, depth)

    def _descend_values(self, value: dict, path: str, out: list[FieldRow], depth: int) -> None:
        value = self.resolve(value)
        out.append(FieldRow(path, False, self.form(value) or "fält", value.get("description", ""), depth))
        self._walk(value, path + ".", out, depth + 1)


def schema_sections() -> list[dict]:
    sections = []
    for name, applies in SCHEMAS:
        path = SCHEMA_DIR / name
        if not path.exists():
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        sections.append(
            {
                "name": name,
                "applies": applies,
                "title": schema.get("title", name),
                "description": schema.get("description", ""),
                "rows": [
                    # check kräver steg i ett utfall (utfall-utan-steg) fast schemat inte gör det.
                    FieldRow(r.path, True, r.form, r.description, r.depth) if r.path in CHECK_REQUIRED else r
                    for r in SchemaReference(schema).rows()
                ],
            }
        )
    return sections


def handbook_pages(builder) -> list:
    project = builder.project
    context = {
        "kinds": [(key, label, KIND_ADVICE.get(key, "")) for key, label in OUTCOME_KINDS.items()],
        "urgencies": [(key, label, URGENCY_ADVICE.get(key, "")) for key, label in URGENCIES.items()],
        "audiences": AUDIENCES,
        "trees": sorted(project.trees.values(), key=lambda t: t.title),
        "review_url": review_url,
        "guides_url": urls.GUIDES_URL,
        "error_codes": sorted(ERROR_CODES.items()),
        "warning_codes": sorted(WARNING_CODES.items()),
        "schemas": schema_sections(),
        "handbook_url": handbook_url,
    }
    pages = []
    for name, title in HANDBOOK_PAGES.items():
        body = builder._render(f"handbook_{name}.md.j2", handbook_url(name), title=title, **context)
        pages.append(
            Page(
                handbook_source(name),
                title,
                body,
                hide=("navigation",) if name != "index" else (),
                description="Hur du redigerar, förhandsgranskar, granskar och publicerar Samverkansguiden.",
            )
        )
    return pages

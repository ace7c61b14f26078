"""Läser in ett beslutsträd från YAML till modellen (efter schemakontrollen)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..base.diagnostics import Report
from ..check.dated_checks import check_node_versions
from ..check.schema_check import check_against_schema
from ..domain import dated
from ..domain.model import Answer, ChangeLogEntry, GuideLink, LagrumEntry, Node, Outcome, Question, Tree, Variant
from ..source.yaml_source import SourceDocument, load_yaml


def load_tree(
    path: Path, report: Report, lagrum: dict[str, LagrumEntry] | None = None
) -> tuple[Tree, SourceDocument] | None:
    """Läs en guide. En nod med versioner (``versioner:``) har grundtexten och varje version
    färdig (``variants``); vilken som gäller en viss dag väljer vyn (build_tools/load/dated_view.py)."""
    lagrum = lagrum or {}
    registry_changes = {entry_id: list(entry.changes) for entry_id, entry in lagrum.items()}
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "beslutstrad.schema.json", report):
        return None
    data = doc.data
    nodes: dict[str, Node] = {}
    for node_id, original in data["noder"].items():
        at = ("noder", node_id)
        versions = dated.node_versions(
            original, lambda index, at=at: doc.at((*at, "versioner", index)), registry_changes
        )
        if lagrum:
            check_node_versions(node_id, versions, registry_changes, lagrum, report)
        changes = tuple(dated.version_changes(data["id"], node_id, versions))
        variants = tuple(
            Variant(v.window, _node(node_id, {**original, **v.overrides}, doc, at, changes, _notes_at(v, at, i)))
            for i, v in enumerate(versions)
        )
        nodes[node_id] = replace(_node(node_id, original, doc, at, changes, (*at, "obekraftat")), variants=variants)
    return _tree(data, nodes, path, doc), doc


def _notes_at(version: dated.NodeVersion, at: tuple, index: int) -> tuple:
    """Var nodens obekraftat står för en version: i versionen, om den har egna rader."""
    return (*at, "versioner", index, "obekraftat") if "obekraftat" in version.overrides else (*at, "obekraftat")


def _node(node_id: str, raw: dict, doc: SourceDocument, at: tuple, changes: tuple, notes_at: tuple) -> Node:
    unverified = tuple(raw.get("obekraftat", []))
    unverified_at = tuple(doc.at((*notes_at, i)) for i in range(len(unverified)))
    if raw["typ"] == "fraga":
        return Question(
            id=node_id,
            text=raw["fraga"].strip(),
            help=raw.get("hjalp", "").strip(),
            answers=tuple(
                Answer(
                    id=a["id"],
                    label=a["text"].strip(),
                    next_id=a["nasta"],
                    explanation=a.get("forklaring", "").strip(),
                    location=doc.at((*at, "svar", i)),
                    next_location=doc.at((*at, "svar", i, "nasta")),
                )
                for i, a in enumerate(raw["svar"])
            ),
            unverified=unverified,
            unverified_at=unverified_at,
            location=doc.key_at(at),
            changes=changes,
        )
    return Outcome(
        id=node_id,
        kind=raw["slag"],
        urgency=raw["bradska"],
        title=raw["titel"].strip(),
        body=raw["text"].strip(),
        steps=tuple(s.strip() for s in raw.get("steg", [])),
        lagrum=tuple(raw["lagrum"]),
        show_contacts=bool(raw.get("visa_kontakt", False)),
        links=tuple(
            GuideLink(
                guide_id=link["guide"],
                node_id=link.get("nod", ""),
                text=link["text"].strip(),
                location=doc.at((*at, "vidare", i)),
            )
            for i, link in enumerate(raw.get("vidare", []))
        ),
        unverified=unverified,
        unverified_at=unverified_at,
        location=doc.key_at(at),
        changes=changes,
    )


def _tree(data: dict, nodes: dict[str, Node], path: Path, doc: SourceDocument) -> Tree:
    return Tree(
        id=data["id"],
        title=data["titel"].strip(),
        description=data["beskrivning"].strip(),
        intro=data.get("inledning", "").strip(),
        audience=tuple(data["malgrupp"]),
        owner=data["agare"].strip(),
        reviewed=dt.date.fromisoformat(data["granskad"]),
        next_review=dt.date.fromisoformat(data["granskas_senast"]),
        start=data["start"],
        nodes=nodes,
        source=path,
        location=doc.at(("id",)),
        reviewed_location=doc.at(("granskad",)),
        next_review_location=doc.at(("granskas_senast",)),
        change_log=tuple(
            ChangeLogEntry(
                date=dt.date.fromisoformat(row["datum"]),
                what=row["vad"].strip(),
                approved_by=row.get("godkand_av", "").strip(),
                location=doc.at(("andringar", i)),
            )
            for i, row in enumerate(data.get("andringar", []))
        ),
    )

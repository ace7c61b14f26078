"""Läser in ett beslutsträd från YAML till modellen (efter schemakontrollen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base.diagnostics import Report
from ..check.schema_check import check_against_schema
from ..domain import dated
from ..domain.model import Answer, ChangeLogEntry, GuideLink, LagrumEntry, Node, Outcome, Question, Tree
from ..source.yaml_source import SourceDocument, load_yaml


def load_tree(
    path: Path,
    report: Report,
    today: dt.date | None = None,
    lagrum: dict[str, LagrumEntry] | None = None,
) -> tuple[Tree, SourceDocument] | None:
    """Läs en guide. Noder med versioner (``versioner:``) får den text som gäller ``today``."""
    today = today or dt.date.today()
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
            dated.check_node_versions(node_id, versions, registry_changes, lagrum, report)
        changes = tuple(dated.version_changes(data["id"], node_id, versions))
        dated.check_changes([c for c in changes if not c.lagrum_id], today, report)
        raw = dated.active_fields(original, versions, today)
        cited = raw.get("lagrum", [])
        notices = dated.notices_for(changes, cited, registry_changes, today)
        if raw["typ"] == "fraga":
            nodes[node_id] = Question(
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
                unverified=tuple(raw.get("obekraftat", [])),
                location=doc.key_at(at),
                changes=changes,
                notices=notices,
            )
        else:
            nodes[node_id] = Outcome(
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
                unverified=tuple(raw.get("obekraftat", [])),
                location=doc.key_at(at),
                changes=changes,
                notices=notices,
            )
    tree = Tree(
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
    return tree, doc

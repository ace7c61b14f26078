"""Ordlistan: en källa för förklaringar som visas som tips överallt och på ordlistans sida."""

from __future__ import annotations

from pathlib import Path

from ..base.diagnostics import Report
from ..check.schema_check import check_against_schema
from ..check.validate import check_lagrum_refs
from ..domain.model import GlossaryTerm, LagrumEntry
from ..source.yaml_source import load_yaml


def load_glossary(path: Path, lagrum: dict[str, LagrumEntry], report: Report) -> list[GlossaryTerm]:
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "ordlista.schema.json", report):
        return []
    terms: list[GlossaryTerm] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["ordlista"]):
        term = GlossaryTerm(
            term=raw["term"].strip(),
            expanded=raw.get("utskrivet", "").strip(),
            explanation=raw["forklaring"].strip(),
            forms=tuple(raw.get("former", [])),
            synonyms=tuple(raw.get("synonymer", [])),
            lagrum=tuple(raw.get("lagrum", [])),
        )
        for word in (term.term, *term.forms):
            key = word.casefold()
            if key in seen:
                report.error(
                    doc.at(("ordlista", index, "term")),
                    f"Ordet \u201d{word}\u201d förklaras två gånger i ordlistan.",
                    "Varje ord och böjningsform får bara finnas under en term.",
                    code="dubblett-term",
                )
            seen[key] = index
        check_lagrum_refs(term.lagrum, lagrum, doc, ("ordlista", index, "lagrum"), report)
        terms.append(term)
    return sorted(terms, key=lambda t: t.term.casefold())

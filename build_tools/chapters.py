"""Stödmaterialets kapitel och rollsidorna: Markdown med en inledning (front matter) i YAML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .diagnostics import Location, Report
from .model import Chapter, LagrumEntry, Tree
from .schema_check import check_against_schema
from .validate import check_lagrum_refs, suggest
from .yaml_source import parse_yaml, read_text

FOLDERS = {"stod": "kapitel", "roller": "roll"}


def load_chapters(
    guides_dir: Path,
    trees: dict[str, Tree],
    lagrum: dict[str, LagrumEntry],
    report: Report,
    today: dt.date,
    broken_trees: set[str] = frozenset(),
) -> list[Chapter]:
    chapters: list[Chapter] = []
    for folder, kind in FOLDERS.items():
        for path in sorted((guides_dir / folder).glob("*.md")):
            chapter = _load_one(path, kind, trees, lagrum, report, today, broken_trees)
            if chapter is not None:
                chapters.append(chapter)
    return sorted(chapters, key=lambda c: (c.kind, c.order, c.title))


def _split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Dela upp i (YAML, Markdown, radnummer där Markdown börjar)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def _load_one(
    path: Path,
    kind: str,
    trees: dict[str, Tree],
    lagrum: dict[str, LagrumEntry],
    report: Report,
    today: dt.date,
    broken_trees: set[str],
) -> Chapter | None:
    text = read_text(path, report)
    if text is None:
        return None
    parts = _split_front_matter(text)
    if parts is None:
        report.error(
            Location(path, 1, 1),
            "Sidan saknar inledning (front matter).",
            "Börja filen med en rad med tre bindestreck (---), sedan fälten titel, beskrivning, malgrupp, agare, "
            "granskad, granskas_senast och lagrum, och avsluta med en rad med ---.",
            code="front-matter",
        )
        return None
    front, body, body_line = parts
    doc = parse_yaml(front, path, report, first_line=2)
    if doc is None or not check_against_schema(doc, "kapitel.schema.json", report):
        return None
    data = doc.data
    if data["typ"] != kind:
        report.error(
            doc.at(("typ",)),
            f"Sidan ligger i mappen för typen \u201d{kind}\u201d men har typ: {data['typ']}.",
            f"Ändra typ till {kind}, eller flytta filen.",
            code="fel-typ",
        )
    check_lagrum_refs(data.get("lagrum", []), lagrum, doc, ("lagrum",), report)
    for i, ref in enumerate(data.get("guider", [])):
        if ref not in trees and ref not in broken_trees:
            report.error(
                doc.at(("guider", i)),
                f"Guiden \u201d{ref}\u201d finns inte.{suggest(ref, sorted(trees))}",
                "Ange id för en guide i decision_trees/.",
                code="okand-guide",
            )
    reviewed = dt.date.fromisoformat(data["granskad"])
    next_review = dt.date.fromisoformat(data["granskas_senast"])
    if next_review < reviewed:
        report.error(
            doc.at(("granskas_senast",)),
            "Nästa granskning ligger före senaste granskningen.",
            "granskas_senast ska vara ett datum efter granskad.",
            code="granskningsdatum",
        )
    elif next_review < today:
        report.warning(
            doc.at(("granskas_senast",)),
            f"Sidan skulle ha granskats senast {next_review.isoformat()}.",
            "Granska innehållet och uppdatera granskad och granskas_senast.",
            code="granskning-passerad",
        )
    for i, note in enumerate(data.get("obekraftat", [])):
        report.warning(
            doc.at(("obekraftat", i)),
            f"Obekräftad uppgift: {note}",
            "Kontrollera uppgiften i en källa och ta sedan bort raden ur obekraftat.",
            code="obekraftat",
        )
    for offset, line in enumerate(body.splitlines()):
        if re.match(r"#\s", line):
            report.error(
                Location(path, body_line + offset, 1),
                "Sidan har en egen huvudrubrik (# ...).",
                "Ta bort raden: sajten gör titeln till huvudrubrik. Använd ## för avsnitt.",
                code="egen-h1",
            )
    return Chapter(
        slug=path.stem,
        kind=kind,
        title=data["titel"].strip(),
        description=data["beskrivning"].strip(),
        audience=tuple(data["malgrupp"]),
        owner=data["agare"].strip(),
        reviewed=reviewed,
        next_review=next_review,
        lagrum=tuple(data.get("lagrum", [])),
        guides=tuple(g for g in data.get("guider", []) if g in trees),
        order=int(data.get("ordning", 100)),
        unverified=tuple(data.get("obekraftat", [])),
        body=body.strip(),
        source=path,
    )

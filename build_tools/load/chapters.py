"""Stödmaterialets kapitel och rollsidorna: Markdown med en inledning (front matter) i YAML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..base.diagnostics import Location, Report
from ..check.schema_check import check_against_schema
from ..check.validate import check_lagrum_refs, suggest
from ..domain.model import Chapter, LagrumEntry, Tree
from ..source.content_safety import too_big
from ..source.yaml_source import SourceDocument, parse_yaml, read_text

FOLDERS = {"stod": "kapitel", "roller": "roll"}


def load_chapters(
    guides_dir: Path,
    trees: dict[str, Tree],
    lagrum: dict[str, LagrumEntry],
    report: Report,
    broken_trees: set[str] = frozenset(),
) -> list[Chapter]:
    chapters: list[Chapter] = []
    for folder, kind in FOLDERS.items():
        for path in sorted((guides_dir / folder).glob("*.md")):
            chapter = _load_one(path, kind, trees, lagrum, report, broken_trees)
            if chapter is not None:
                chapters.append(chapter)
    return sorted(chapters, key=lambda c: (c.kind, c.order, c.title))


def _sort_key(text: str) -> tuple:
    """Svensk sortering: å, ä, ö sist i alfabetet."""
    order = {"å": "{", "ä": "|", "ö": "}"}
    return tuple(order.get(ch, ch) for ch in text.casefold())


def role_guides(audience: list[str] | tuple[str, ...], trees: dict[str, Tree]) -> tuple[str, ...]:
    """Guiderna för en rollsida: de vars malgrupp har minst en av sidans målgrupper.

    Det är guidens malgrupp som bestämmer var den syns. Då finns bara en lista att hålla i ordning,
    och en ny guide syns på rätt rollsidor så fort den har rätt malgrupp."""
    wanted = set(audience)
    matching = [t for t in trees.values() if wanted & set(t.audience)]
    return tuple(t.id for t in sorted(matching, key=lambda t: _sort_key(t.title)))


def check_guides_linked(trees: dict[str, Tree], chapters: list[Chapter], root: Path, report: Report) -> None:
    """Varna för en guide som ingen sida länkar till (den syns då bara i listan på /beslutsstod/)."""
    linked: set[str] = set()
    for chapter in chapters:
        linked.update(chapter.guides)
    for tree in trees.values():
        linked.update(link.guide_id for outcome in tree.outcomes for link in outcome.links if link.guide_id != tree.id)
    for folder in (root / "docs", root / "guides"):
        if folder.is_dir():
            for path in folder.rglob("*.md"):
                if too_big(path):
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                linked.update(re.findall(r"beslutsstod/([a-z0-9-]+)/", text))
    for tree in trees.values():
        if tree.id not in linked:
            report.warning(
                tree.location,
                f"Ingen sida länkar till guiden \u201d{tree.id}\u201d. Den syns bara i listan över alla beslutsstöd.",
                "Lägg en yrkesroll i guidens malgrupp (då syns den på rollsidan), skriv guidens id under guider: "
                "i ett kapitel i guides/stod/, eller länka till den från en annan guide (vidare).",
                code="guide-olankad",
            )


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
    broken_trees: set[str],
) -> Chapter | None:
    found = _read_front_matter(path, report)
    if found is None:
        return None
    doc, body, body_line = found
    data = doc.data
    _check_front_matter(data, kind, doc, trees, lagrum, broken_trees, report)
    reviewed = dt.date.fromisoformat(data["granskad"])
    next_review = dt.date.fromisoformat(data["granskas_senast"])
    if next_review < reviewed:
        report.error(
            doc.at(("granskas_senast",)),
            "Nästa granskning ligger före senaste granskningen.",
            "granskas_senast ska vara ett datum efter granskad.",
            code="granskningsdatum",
        )
    for i, note in enumerate(data.get("obekraftat", [])):
        report.warning(
            doc.at(("obekraftat", i)),
            f"Obekräftad uppgift: {note}",
            "Kontrollera uppgiften i en källa och ta sedan bort raden ur obekraftat.",
            code="obekraftat",
        )
    _check_headings(body, path, body_line, report)
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
        guides=role_guides(data["malgrupp"], trees)
        if kind == "roll"
        else tuple(g for g in data.get("guider", []) if g in trees),
        order=int(data.get("ordning", 100)),
        unverified=tuple(data.get("obekraftat", [])),
        body=body.strip(),
        source=path,
        next_review_location=doc.at(("granskas_senast",)),
    )


def _read_front_matter(path: Path, report: Report) -> tuple[SourceDocument, str, int] | None:
    """(inledningen som YAML, texten efter den, textens första rad), eller None efter ett fel."""
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
    return doc, body, body_line


def _check_front_matter(
    data: dict,
    kind: str,
    doc: SourceDocument,
    trees: dict[str, Tree],
    lagrum: dict[str, LagrumEntry],
    broken_trees: set[str],
    report: Report,
) -> None:
    """Typen, lagrummen och guiderna i inledningen."""
    if data["typ"] != kind:
        report.error(
            doc.at(("typ",)),
            f"Sidan ligger i mappen för typen \u201d{kind}\u201d men har typ: {data['typ']}.",
            f"Ändra typ till {kind}, eller flytta filen.",
            code="fel-typ",
        )
    check_lagrum_refs(data.get("lagrum", []), lagrum, doc, ("lagrum",), report)
    if kind == "roll" and data.get("guider"):
        report.warning(
            doc.key_at(("guider",)),
            "Rollsidan har en egen lista över guider (guider). Den används inte: rollsidorna visar "
            "automatiskt de guider vars malgrupp passar sidans malgrupp.",
            "Ta bort guider: här. Ska en guide synas på sidan, lägg rollen i guidens malgrupp.",
            code="roll-guider",
        )
    for i, ref in enumerate(data.get("guider", [])):
        if ref not in trees and ref not in broken_trees:
            report.error(
                doc.at(("guider", i)),
                f"Guiden \u201d{ref}\u201d finns inte.{suggest(ref, sorted(trees))}",
                "Ange id för en guide i decision_trees/.",
                code="okand-guide",
            )


def _check_headings(body: str, path: Path, body_line: int, report: Report) -> None:
    for offset, line in enumerate(body.splitlines()):
        if re.match(r"#\s", line):
            report.error(
                Location(path, body_line + offset, 1),
                "Sidan har en egen huvudrubrik (# ...).",
                "Ta bort raden: sajten gör titeln till huvudrubrik. Använd ## för avsnitt.",
                code="egen-h1",
            )

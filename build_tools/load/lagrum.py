"""Lagrumsregistret: inläsning, kontroll och hur en hänvisning skrivs ut på sajten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base.diagnostics import Report
from ..check.dated_checks import check_wordings
from ..check.schema_check import check_against_schema
from ..domain import dated
from ..domain.model import LagrumEntry
from ..source.yaml_source import load_yaml

STATUS_LABELS = {
    "verifierad": "Kontrollerad",
    "delvis": "Delvis kontrollerad",
    "ej-verifierad": "Inte kontrollerad",
}


def load_lagrum(path: Path, report: Report) -> dict[str, LagrumEntry]:
    """Läs registret. Varje post har sin grundläggande lydelse och alla senare (``wordings``).
    Vilken som gäller en viss dag väljer vyn (build_tools/load/dated_view.py)."""
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "lagrum.schema.json", report):
        return {}
    entries: dict[str, LagrumEntry] = {}
    for entry_id, raw in doc.data["lagrum"].items():
        where = ("lagrum", entry_id)
        wordings = dated.entry_wordings(
            raw, doc.key_at(where), lambda index, where=where: doc.at((*where, "lydelser", index))
        )
        check_wordings(entry_id, wordings, report)
        current = wordings[0]
        changes = tuple(dated.entry_changes(entry_id, wordings))
        base = wordings[0].window
        entry = LagrumEntry(
            id=entry_id,
            heading=raw["rubrik"],
            kind=raw["typ"],
            law=raw["lag"],
            sfs=raw.get("sfs", ""),
            chapter=current.chapter,
            section=current.section,
            replaces=raw.get("ersatter", ""),
            in_force=dt.date.fromisoformat(raw["ikraft"]) if raw.get("ikraft") else None,
            url=raw["lank"],
            status=current.status,
            sources=tuple(dict.fromkeys(w for wording in wordings for w in wording.sources)),
            summary=current.summary,
            to_verify=current.to_verify,
            location=doc.key_at(where),
            valid_from=base.start,
            valid_to=base.end,
            decision=base.decision,
            changes=changes,
            wordings=tuple(wordings),
        )
        _check_entry(entry, doc.at((*where, "status")), report)
        entries[entry_id] = entry
    return entries


_STATUS_PHRASE = {"delvis": "bara delvis kontrollerat", "ej-verifierad": "inte kontrollerat än"}


def _check_entry(entry: LagrumEntry, status_at, report: Report) -> None:
    has_number = bool(entry.chapter or entry.section)
    if entry.status == "ej-verifierad" and has_number:
        report.error(
            status_at,
            f"Lagrummet \u201d{entry.id}\u201d är inte kontrollerat men har kapitel eller paragraf ifyllt.",
            "Ett okontrollerat paragrafnummer får inte visas som säkert. Töm kapitel och paragraf, "
            "eller kontrollera numret mot riksdagen.se och ändra status till verifierad.",
            code="lagrum-okontrollerat-nummer",
        )
    if entry.kind == "lag" and not entry.sfs:
        report.error(
            entry.location,
            f"Lagrummet \u201d{entry.id}\u201d saknar SFS-nummer.",
            'Fyll i sfs, t.ex. sfs: "2025:400".',
            code="lagrum-sfs",
        )
    if entry.status != "verifierad":
        what = entry.to_verify or "Kontrollera uppgiften mot lagtexten på riksdagen.se."
        report.warning(
            status_at,
            f"Lagrummet \u201d{entry.id}\u201d ({entry.heading}) är {_STATUS_PHRASE[entry.status]}.",
            what,
            code="lagrum-att-kontrollera",
        )


def _law_with_sfs(entry: LagrumEntry) -> str:
    return f"{entry.law} ({entry.sfs})" if entry.sfs else entry.law


def citation_text(entry: LagrumEntry) -> str:
    """Hänvisningen som löptext. Ett nummer visas bara som säkert när det är kontrollerat."""
    if entry.kind == "forslag":
        prefix = "Förslag: " if entry.status == "ej-verifierad" else ""
        return f"{prefix}{entry.law} – {entry.heading[:1].lower()}{entry.heading[1:]}"
    if entry.kind == "avgorande":
        return f"{entry.law}: {entry.heading}"
    place = ""
    if entry.chapter:
        place += f"{entry.chapter} kap. "
    if entry.section:
        place += (
            f"{entry.section} §" if "–" not in entry.section and "och" not in entry.section else f"{entry.section} §§"
        )
    if place and entry.status == "verifierad":
        return f"{place} {_law_with_sfs(entry)}"
    return _law_with_sfs(entry)[:1].upper() + _law_with_sfs(entry)[1:]


def citation_note(entry: LagrumEntry) -> str:
    """Den korta förklaringen om status som står efter hänvisningen: först när regeln gäller,
    sedan hur säker uppgiften är."""
    when = validity_note(entry)
    status = _status_note(entry)
    return " ".join(part for part in (when, status) if part)


def validity_note(entry: LagrumEntry) -> str:
    """När posten gäller, om den har datum. Tom text för regler utan datum."""
    start = dated.swedish_date(entry.valid_from) if entry.valid_from else ""
    end = dated.swedish_date(entry.valid_to) if entry.valid_to else ""
    if entry.state == "forslag":
        return f"Föreslås gälla från {start}. Förslaget är inte beslutat."
    if entry.state == "forslag-passerat":
        return (
            f"Väntades gälla från {start}, men det är ännu inte bekräftat att förslaget har blivit lag. "
            "Sajten beskriver tills vidare reglerna som de var före förslaget."
        )
    if entry.state == "kommande":
        sure = " Beslutet är inte bekräftat." if entry.decision == "troligen-beslutad" else ""
        return f"Gäller från {start}.{sure}"
    if entry.state == "upphort":
        return f"Gällde till och med {end}."
    if entry.valid_from and entry.decision == "troligen-beslutad":
        return f"Gäller troligen sedan {start}. Beslutet är inte bekräftat."
    if entry.valid_to and entry.decision in dated.SWITCHING:
        return f"Gäller till och med {end}."
    if entry.valid_to:
        return f"Föreslås upphöra efter {end}. Förslaget är inte beslutat."
    return ""


def _status_note(entry: LagrumEntry) -> str:
    if entry.kind == "forslag" and entry.valid_from:
        return "" if entry.status == "verifierad" else "Uppgiften är inte slutligt kontrollerad."
    if entry.kind == "forslag":
        if entry.status == "ej-verifierad":
            return "Föreslagen regel. Det är inte bekräftat att den har börjat gälla."
        if not entry.in_force:
            return "Förslaget har blivit lag, men datumet då det började gälla är inte kontrollerat."
        checked = "" if entry.status == "verifierad" else " Uppgiften är inte slutligt kontrollerad."
        return f"Förslaget har blivit lag och gäller från {entry.in_force.isoformat()}.{checked}"
    if entry.kind == "avgorande" and entry.status != "verifierad":
        return "Avgörandet är inte kontrollerat i källan."
    if entry.status == "verifierad":
        return ""
    if entry.status == "delvis" and (entry.chapter or entry.section):
        return "Paragrafnumret visas när det är slutligt kontrollerat."
    if entry.replaces:
        return f"Motsvarar {entry.replaces} i den tidigare lagen. Numret i den nya lagen är inte kontrollerat än."
    return "Paragrafen är inte kontrollerad än."

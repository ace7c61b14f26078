"""Stadsdelsförvaltningarna och deras samverkansöverenskommelser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base.diagnostics import Report
from ..check.contact_values import ContactValue, ContactValueError, contact_value, web_value
from ..check.schema_check import check_against_schema
from ..check.validate import check_lagrum_refs, suggest
from ..domain.model import Agreement, Contact, District, FormerName
from ..source.yaml_source import PathKey, SourceDocument, load_yaml

EXPECTED_DISTRICTS = 11


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _contact(raw: dict, doc: SourceDocument, at: PathKey, report: Report) -> Contact | None:
    """En kontaktväg med kontrollerat värde. Ett värde som inte går att tolka blir ett fel (och ingen länk)."""
    value = raw.get("varde", "").strip()
    try:
        shown = contact_value(raw["typ"], value) if value else ContactValue("")
    except ContactValueError as problem:
        report.error(doc.at((*at, "varde")), problem.message, problem.hint, code=problem.code)
        return None
    return Contact(
        kind=raw["typ"],
        function=raw.get("funktion", "ovrigt"),
        description=raw["beskrivning"].strip(),
        value=value,
        status=raw["status"],
        source=raw["kalla"],
        checked=dt.date.fromisoformat(raw["kontrollerad"]),
        text=shown.text,
        href=shown.href,
        location=doc.key_at(at),
    )


def _contacts(raws: list[dict], doc: SourceDocument, at: PathKey, report: Report) -> tuple[Contact, ...]:
    found = (_contact(raw, doc, (*at, index), report) for index, raw in enumerate(raws))
    return tuple(c for c in found if c is not None)


def _website(value: str, doc: SourceDocument, at: PathKey, report: Report) -> str:
    try:
        return web_value(value).href
    except ContactValueError as problem:
        report.error(doc.at(at), problem.message, problem.hint, code=problem.code)
        return ""


def load_districts(path: Path, report: Report) -> tuple[list[District], list[Contact]]:
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "stadsdelar.schema.json", report):
        return [], []
    districts: list[District] = []
    owner_of: dict[str, str] = {}
    for index, raw in enumerate(doc.data["stadsdelar"]):
        at = ("stadsdelar", index)
        district = District(
            name=raw["namn"],
            slug=raw["slug"],
            area=raw["omrade"],
            formed=_date(raw.get("bildad")),
            neighbourhoods=tuple(raw["stadsdelar"]),
            aliases=tuple(raw.get("alias", [])),
            former_names=tuple(
                FormerName(f["namn"], f["slug"], dt.date.fromisoformat(f["till"])) for f in raw["tidigare_namn"]
            ),
            website=_website(raw["webbsida"], doc, (*at, "webbsida"), report),
            sst=dict(raw["sst"]),
            contacts=_contacts(raw["kontakter"], doc, (*at, "kontakter"), report),
            missing=tuple(raw["saknas"]),
        )
        names = [
            *((n, "stadsdelar") for n in district.neighbourhoods),
            *((a, "alias") for a in district.aliases),
            *((f.name, "tidigare_namn") for f in district.former_names),
            (district.name, "namn"),
        ]
        for name, field_name in names:
            key = name.casefold()
            if key in owner_of and owner_of[key] != district.slug:
                report.error(
                    doc.at((*at, field_name)),
                    f"\u201d{name}\u201d står både under {owner_of[key]} och {district.slug}.",
                    "Ett områdesnamn får bara höra till en stadsdelsförvaltning, annars blir sökningen tvetydig.",
                    code="dubblett-omrade",
                )
            owner_of[key] = district.slug
        for i, item in enumerate(district.missing):
            report.warning(
                doc.at((*at, "saknas", i)),
                f"Uppgift saknas för {district.name}: {item}",
                "Kontrollera uppgiften i en officiell källa och lägg in den med källa och datum.",
                code="stadsdel-saknas",
            )
        districts.append(district)
    slugs = [d.slug for d in districts] + [f.slug for d in districts for f in d.former_names]
    for slug in {s for s in slugs if slugs.count(s) > 1}:
        report.error(doc.at(("stadsdelar",)), f"Adressen \u201d{slug}\u201d används två gånger.", code="dubblett-slug")
    if len(districts) != EXPECTED_DISTRICTS:
        report.warning(
            doc.at(("stadsdelar",)),
            f"Det finns {len(districts)} stadsdelsförvaltningar i filen, men Stockholm har {EXPECTED_DISTRICTS}.",
            "Kontrollera listan mot start.stockholm.",
            code="antal-stadsdelar",
        )
    city = list(_contacts(doc.data["gemensamt"]["kontakter"], doc, ("gemensamt", "kontakter"), report))
    return districts, city


def load_agreements(path: Path, districts: list[District], report: Report) -> dict[str, Agreement]:
    """Uppföljningen av överenskommelserna. Det som beror på dagen (en försenad revidering)
    flaggar vyn för en dag (build_tools/load/dated_view.py)."""
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "overenskommelser.schema.json", report):
        return {}
    known = [d.slug for d in districts]
    agreements: dict[str, Agreement] = {}
    for index, raw in enumerate(doc.data["overenskommelser"]):
        at = ("overenskommelser", index)
        if raw["stadsdel"] not in known:
            report.error(
                doc.at((*at, "stadsdel")),
                f"Stadsdelen \u201d{raw['stadsdel']}\u201d finns inte i data/stadsdelar.yaml."
                + suggest(raw["stadsdel"], known),
                "Använd en av de elva stadsdelsförvaltningarnas slug.",
                code="okand-stadsdel",
            )
            continue
        agreements[raw["stadsdel"]] = Agreement(
            district=raw["stadsdel"],
            status=raw["status"],
            signed=_date(raw.get("undertecknad")),
            parties=tuple(raw.get("parter", [])),
            independent_schools=raw.get("fristaende_skolor", "okant"),
            next_revision=_date(raw.get("nasta_revidering")),
            last_follow_up=_date(raw.get("senaste_uppfoljning")),
            source=raw["kalla"],
            comment=raw.get("kommentar", "").strip(),
            location=doc.at((*at, "status")),
        )
    for district in districts:
        if district.slug not in agreements:
            report.warning(
                doc.at(("overenskommelser",)),
                f"Uppföljningen saknar en rad för {district.name}.",
                "Lägg till stadsdelen med status okant om inget är känt.",
                code="overenskommelse-saknas",
            )
    return agreements


def agreement_flags(agreement: Agreement | None, today: dt.date) -> list[str]:
    """Det som uppföljningen ska flagga, på svenska."""
    if agreement is None or agreement.status == "okant":
        return ["Inga uppgifter om överenskommelsen"]
    flags = []
    if agreement.status == "saknas":
        flags.append("Ingen gällande överenskommelse")
    if agreement.status == "finns":
        if agreement.next_revision is None:
            flags.append("Datum för nästa revidering saknas")
        elif agreement.next_revision < today:
            flags.append(f"Revideringen är försenad (skulle ske senast {agreement.next_revision.isoformat()})")
        if agreement.last_follow_up is None:
            flags.append("Ingen uppföljning registrerad")
        if agreement.independent_schools != "ja":
            flags.append("Fristående skolor är inte part (eller okänt)")
        if agreement.signed is None:
            flags.append("Datum för underskrift saknas")
    return flags


def load_agreement_template(path: Path, lagrum: dict, report: Report) -> dict | None:
    """Mallen för samverkansöverenskommelsen. Den används som data (avsnitt och fält) av renderingen."""
    doc = load_yaml(path, report)
    if doc is None or not check_against_schema(doc, "overenskommelse-mall.schema.json", report):
        return None
    for index, section in enumerate(doc.data["avsnitt"]):
        check_lagrum_refs(section.get("lagrum", []), lagrum, doc, ("avsnitt", index, "lagrum"), report)
    return doc.data

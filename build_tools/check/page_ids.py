"""Namn och id:n som blir adresser eller ankare (id="…") på sajtens sidor: inga reserverade namn, inga
krockar, och felet på rätt rad.

Mallen för samverkansöverenskommelsen (data/overenskommelse_mall.yaml) ger en rubrik per avsnitt
(``id="<avsnitt>"``) och ett fält per rad (``id="falt-<avsnitt>-<fält>"``). Två avsnitt med samma id,
eller två fält med samma id i ett avsnitt, ger två element med samma id på sidan: länkarna i
innehållsförteckningen och etiketterna (``<label for>``) pekar då på fel ställe.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..base.diagnostics import Location, Report
from ..domain.model import Project
from ..source.content_safety import RESERVED_SLUGS, check_slug
from ..source.yaml_source import SourceDocument, load_yaml

# Id:n som mallens sida redan använder: hopplänkens mål (overrides/main.html) och sidans egna rubriker.
TEMPLATE_PAGE_IDS = frozenset({"innehall", "overenskommelse", "avsnitten"})


class Locator:
    """Läser en YAML-fil igen (bara när ett fel ska rapporteras) för att hitta raden för ett värde."""

    def __init__(self) -> None:
        self.docs: dict[Path, SourceDocument | None] = {}

    def at(self, path: Path, key: tuple[str | int, ...]) -> Location:
        if path not in self.docs:
            self.docs[path] = load_yaml(path, Report())
        doc = self.docs[path]
        return doc.at(key) if doc is not None else Location(path, 1, 1)


def check_template_ids(path: Path, template: dict | None, report: Report) -> None:
    if not template:
        return
    locator = Locator()
    sections: dict[str, int] = {}
    for index, section in enumerate(template.get("avsnitt", [])):
        section_id = section.get("id", "")
        where = ("avsnitt", index, "id")
        if section_id in sections:
            _duplicate(locator.at(path, where), "Avsnittet", section_id, sections[section_id] + 1, report)
        elif section_id in TEMPLATE_PAGE_IDS:
            report.error(
                locator.at(path, where),
                f"Avsnittets id \u201d{section_id}\u201d används redan av mallens sida.",
                "Välj ett annat id, till exempel ett som beskriver avsnittet med ett eller två ord.",
                code="dubblett-mall-id",
            )
        sections.setdefault(section_id, index)
        fields: dict[str, int] = {}
        for number, item in enumerate(section.get("falt", [])):
            field_id = item.get("id", "")
            if field_id in fields:
                at = locator.at(path, ("avsnitt", index, "falt", number, "id"))
                _duplicate(at, "Fältet", field_id, fields[field_id] + 1, report, " i samma avsnitt")
            fields.setdefault(field_id, number)


def _duplicate(where: Location, what: str, item_id: str, first: int, report: Report, scope: str = "") -> None:
    report.error(
        where,
        f"{what} \u201d{item_id}\u201d finns redan{scope} (nummer {first}).",
        "Varje avsnitt behöver ett eget id, och varje fält ett eget id inom sitt avsnitt: "
        "id:t blir ett ankare på mallens sida och kopplar ihop fältet med sin rubrik.",
        code="dubblett-mall-id",
    )


_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check_page_names(project: Project, report: Report) -> None:
    """Namn som blir adresser: inga reserverade namn, inga konstiga filnamn, inga krockar."""
    for case in project.cases:
        check_slug(case.id, case.location, "Övningsfallets id", report)
    locator = Locator()
    districts_file = project.root / "data" / "stadsdelar.yaml"
    for index, district in enumerate(project.districts):
        if district.slug.lower() in RESERVED_SLUGS:
            where = locator.at(districts_file, ("stadsdelar", index, "slug"))
            check_slug(district.slug, where, "Stadsdelens slug", report)
        for number, former in enumerate(district.former_names):
            if former.slug.lower() in RESERVED_SLUGS:
                where = locator.at(districts_file, ("stadsdelar", index, "tidigare_namn", number, "slug"))
                check_slug(former.slug, where, "Det tidigare namnets slug", report)
    for chapter in project.chapters:
        where = Location(chapter.source, 1, 1)
        if not _SLUG.match(chapter.slug):
            report.error(
                where,
                f"Filnamnet \u201d{chapter.source.name}\u201d går inte att använda som adress.",
                "Döp om filen till små bokstäver a–z, siffror och bindestreck, till exempel sekretess-och-samtycke.md.",
                code="filnamn",
            )
        else:
            check_slug(chapter.slug, where, "Sidans filnamn", report)
    anchors: dict[str, str] = {}
    glossary_file = project.root / "data" / "ordlista.yaml"
    for index, term in enumerate(project.glossary):
        if term.anchor in anchors:
            report.error(
                locator.at(glossary_file, ("ordlista", index, "term")),
                f"Ordlistans ord \u201d{term.term}\u201d och \u201d{anchors[term.anchor]}\u201d får samma adress "
                f"(#{term.anchor}) på ordlistans sida.",
                "Skriv det ena ordet annorlunda, så att länkarna till ordlistan går till rätt ord.",
                code="dubblett-ankare",
            )
        anchors.setdefault(term.anchor, term.term)
    check_template_ids(project.root / "data" / "overenskommelse_mall.yaml", project.agreement_template, report)

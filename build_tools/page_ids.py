"""Id:n som blir ankare (id="…") på sajtens sidor: unika, och på rätt rad i felmeddelandet.

Mallen för samverkansöverenskommelsen (data/overenskommelse_mall.yaml) ger en rubrik per avsnitt
(``id="<avsnitt>"``) och ett fält per rad (``id="falt-<avsnitt>-<fält>"``). Två avsnitt med samma id,
eller två fält med samma id i ett avsnitt, ger två element med samma id på sidan: länkarna i
innehållsförteckningen och etiketterna (``<label for>``) pekar då på fel ställe.
"""

from __future__ import annotations

from pathlib import Path

from . import yaml_source  # yaml_source läser in content_safety, som läser in den här modulen
from .diagnostics import Location, Report

# Id:n som mallens sida redan använder: hopplänkens mål (overrides/main.html) och sidans egna rubriker.
TEMPLATE_PAGE_IDS = frozenset({"innehall", "overenskommelse", "avsnitten"})


class Locator:
    """Läser en YAML-fil igen (bara när ett fel ska rapporteras) för att hitta raden för ett värde."""

    def __init__(self) -> None:
        self.docs: dict[Path, yaml_source.SourceDocument | None] = {}

    def at(self, path: Path, key: tuple[str | int, ...]) -> Location:
        if path not in self.docs:
            self.docs[path] = yaml_source.load_yaml(path, Report())
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

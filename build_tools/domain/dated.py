"""Datumstyrd lag: vilken text som gäller på byggdatumet, och vilka ändringar som kommer.

Lagrumsregistret och guidernas noder kan ha datum:

- ``galler_fran`` / ``galler_till``: från och med / till och med vilket datum texten gäller.
- ``beslut``: ``beslutad``, ``troligen-beslutad`` eller ``foreslagen``.
- ``andringen``: vad som ändras, i en eller två meningar (visas före datumet och på sidan
  Kommande ändringar).

Reglerna:

- En beslutad eller troligen beslutad ändring börjar gälla av sig själv på sitt datum.
- En föreslagen ändring byter aldrig text. Den visas som ett förslag. På datumet varnar ``check``,
  och från dagen efter ger ``check`` ett fel tills förslaget har bekräftats (``beslut: beslutad``).
  Bygget på själva dagen går alltså igenom, så att beslutade ändringar samma dag hinner gälla.
- ``check`` varnar när en ändring börjar gälla inom 30 dagar, och varje gång för en troligen
  beslutad ändring vars datum har passerats.

Modulen är fri från MkDocs och läser inga filer. Den arbetar på inlästa data och på modellen.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..base.diagnostics import Location, Report

DECISIONS: dict[str, str] = {
    "beslutad": "Beslutad",
    "troligen-beslutad": "Troligen beslutad – inte bekräftad",
    "foreslagen": "Föreslagen – inte beslutad",
}

# Ändringar som byter text på sitt datum. Ett förslag byter aldrig text.
SWITCHING = frozenset({"beslutad", "troligen-beslutad"})

WARN_DAYS = 30

_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def swedish_date(day: dt.date) -> str:
    """1 januari 2027."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Window:
    """När en text gäller. Ingen början eller inget slut betyder 'sedan tidigare' och 'tills vidare'."""

    start: dt.date | None = None
    end: dt.date | None = None
    decision: str = ""

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def contains(self, today: dt.date) -> bool:
        return (self.start is None or self.start <= today) and (self.end is None or today <= self.end)

    def state(self, today: dt.date) -> str:
        """galler, kommande (beslutad men inte än), forslag (föreslagen början) eller upphort."""
        if not self.dated:
            return "galler"
        if self.decision not in SWITCHING:
            return "forslag" if self.start else "galler"
        if self.start and today < self.start:
            return "kommande"
        if self.end and today > self.end:
            return "upphort"
        return "galler"

    def in_force(self, today: dt.date) -> bool:
        """Gäller texten i dag? Ett förslag byter aldrig läge: en föreslagen början har inte skett,
        och ett föreslaget slut har inte heller skett."""
        if not self.dated or self.decision in SWITCHING:
            return self.contains(today)
        return self.start is None


@dataclass(frozen=True)
class LawChange:
    """En datumsatt ändring: från registret eller från en guide."""

    date: dt.date
    kind: str  # borjar | upphor | lydelse | text
    decision: str
    text: str
    location: Location
    lagrum_id: str = ""
    sources: tuple[str, ...] = ()
    guide_id: str = ""
    node_id: str = ""

    @property
    def decision_label(self) -> str:
        return DECISIONS.get(self.decision, self.decision)

    def upcoming(self, today: dt.date) -> bool:
        return self.date > today


@dataclass(frozen=True)
class Notice:
    """En markering på en sida: en ändring som kommer, eller en som troligen har skett."""

    kind: str  # kommande | troligen | forslag-passerat
    date: dt.date
    decision: str
    text: str
    lagrum_id: str = ""

    @property
    def heading(self) -> str:
        when = swedish_date(self.date)
        if self.kind == "troligen":
            return f"Reglerna ändrades troligen {when} – kontrollera vad som gäller nu"
        if self.kind == "forslag-passerat":
            return f"Förslaget skulle börja gälla {when} – kontrollera om det har blivit lag"
        if self.decision == "foreslagen":
            return f"Förslag: från {when}"
        if self.decision == "troligen-beslutad":
            return f"Från {when} (troligen beslutat)"
        return f"Från {when}"

    @property
    def decision_label(self) -> str:
        return DECISIONS.get(self.decision, self.decision)


# ---------------------------------------------------------------------------- registret


@dataclass(frozen=True)
class Wording:
    """En lydelse av ett lagrum: sammanfattning och nummer som gäller under en viss tid."""

    window: Window
    summary: str
    chapter: str
    section: str
    status: str
    to_verify: str
    change_text: str
    sources: tuple[str, ...]
    location: Location


def window_of(raw: Mapping[str, Any]) -> Window:
    return Window(parse_date(raw.get("galler_fran")), parse_date(raw.get("galler_till")), raw.get("beslut", ""))


def entry_wordings(raw: Mapping[str, Any], base_location: Location, location_of) -> list[Wording]:
    """Alla lydelser av en post i registret, den grundläggande först.

    ``location_of(index)`` ger positionen för lydelse nummer ``index`` i ``lydelser``."""
    base = Wording(
        window=window_of(raw),
        summary=raw["sammanfattning"].strip(),
        chapter=raw.get("kapitel", ""),
        section=raw.get("paragraf", ""),
        status=raw["status"],
        to_verify=raw.get("att_kontrollera", "").strip(),
        change_text=raw.get("andringen", "").strip(),
        sources=tuple(raw["kallor"]),
        location=base_location,
    )
    wordings = [base]
    for index, later in enumerate(raw.get("lydelser", [])):
        wordings.append(
            Wording(
                window=window_of(later),
                summary=later.get("sammanfattning", base.summary).strip(),
                chapter=later.get("kapitel", base.chapter),
                section=later.get("paragraf", base.section),
                status=later.get("status", base.status),
                to_verify=later.get("att_kontrollera", base.to_verify).strip(),
                change_text=later["andringen"].strip(),
                sources=tuple(later["kallor"]),
                location=location_of(index),
            )
        )
    return wordings


def pick_wording(wordings: list[Wording], today: dt.date) -> Wording:
    """Den senaste lydelse som gäller i dag. Den grundläggande lydelsen gäller annars."""
    current = wordings[0]
    best: dt.date | None = None
    for wording in wordings[1:]:
        window = wording.window
        active = window.start and window.decision in SWITCHING and window.contains(today)
        if active and (best is None or window.start >= best):
            current, best = wording, window.start
    return current


def entry_changes(entry_id: str, wordings: list[Wording]) -> list[LawChange]:
    """De datumsatta ändringarna i en registerpost."""
    changes: list[LawChange] = []
    base = wordings[0]
    text = base.change_text or base.summary
    if base.window.start:
        changes.append(
            LawChange(base.window.start, "borjar", base.window.decision, text, base.location, entry_id, base.sources)
        )
    if base.window.end:
        changes.append(
            LawChange(
                base.window.end + dt.timedelta(days=1),
                "upphor",
                base.window.decision,
                text,
                base.location,
                entry_id,
                base.sources,
            )
        )
    for wording in wordings[1:]:
        if wording.window.start:
            changes.append(
                LawChange(
                    wording.window.start,
                    "lydelse",
                    wording.window.decision,
                    wording.change_text,
                    wording.location,
                    entry_id,
                    wording.sources,
                )
            )
    return changes


def check_wordings(entry_id: str, wordings: list[Wording], report: Report) -> None:
    """Formfel som schemat inte fångar: datum i fel ordning, beslut och text som saknas."""
    for index, wording in enumerate(wordings):
        window = wording.window
        what = f"Lagrummet \u201d{entry_id}\u201d" + (f" (lydelse {index})" if index else "")
        if window.start and window.end and window.end < window.start:
            report.error(
                wording.location,
                f"{what} slutar gälla före det börjar gälla.",
                "galler_till ska vara samma dag som eller senare än galler_fran.",
                code="datum-ordning",
            )
        if window.dated and window.decision not in DECISIONS:
            report.error(
                wording.location,
                f"{what} har ett datum men inget beslut.",
                "Fyll i beslut: beslutad, troligen-beslutad eller foreslagen.",
                code="datum-beslut",
            )
        if window.dated and not (wording.change_text or (index == 0 and wording.summary)):
            report.error(
                wording.location,
                f"{what} har ett datum men ingen beskrivning av ändringen.",
                "Fyll i andringen: vad som ändras, i en eller två meningar.",
                code="datum-andring",
            )
        if index and not window.start:
            report.error(
                wording.location,
                f"{what} saknar galler_fran.",
                "En senare lydelse måste ha ett datum då den börjar gälla.",
                code="datum-saknas",
            )


# ---------------------------------------------------------------------------- guiderna

NODE_OVERRIDES = {
    "utfall": ("titel", "text", "steg", "lagrum", "obekraftat", "slag", "bradska", "visa_kontakt", "vidare"),
    "fraga": ("fraga", "hjalp", "obekraftat"),
}


@dataclass(frozen=True)
class NodeVersion:
    """En version av en nod som gäller under en viss tid."""

    window: Window
    change_text: str
    lagrum_id: str
    overrides: dict[str, Any]
    location: Location


def node_versions(
    raw: Mapping[str, Any], location_of, registry_changes: Mapping[str, list[LawChange]]
) -> list[NodeVersion]:
    """Nodens versioner. Beslutet kan ärvas från registrets ändring med samma datum."""
    versions: list[NodeVersion] = []
    allowed = NODE_OVERRIDES.get(raw.get("typ", ""), ())
    for index, item in enumerate(raw.get("versioner", [])):
        start = parse_date(item.get("galler_fran"))
        end = parse_date(item.get("galler_till"))
        decision = item.get("beslut", "")
        ref = item.get("lagandring", "")
        if ref and not decision:
            decision = next((c.decision for c in registry_changes.get(ref, []) if c.date == start), "")
        versions.append(
            NodeVersion(
                window=Window(start, end, decision),
                change_text=item.get("andringen", "").strip(),
                lagrum_id=ref,
                overrides={key: item[key] for key in allowed if key in item},
                location=location_of(index),
            )
        )
    return versions


def active_fields(raw: Mapping[str, Any], versions: list[NodeVersion], today: dt.date) -> dict[str, Any]:
    """Nodens fält som de ser ut i dag: grundtexten med den gällande versionens fält ovanpå."""
    fields = dict(raw)
    current: NodeVersion | None = None
    for version in versions:
        window = version.window
        active = window.start and window.decision in SWITCHING and window.contains(today)
        if active and (current is None or (current.window.start or dt.date.min) <= window.start):
            current = version
    if current is not None:
        fields.update(current.overrides)
    return fields


def check_node_versions(
    node_id: str,
    versions: list[NodeVersion],
    registry_changes: Mapping[str, list[LawChange]],
    lagrum_ids: Iterable[str],
    report: Report,
) -> None:
    known = set(lagrum_ids)
    for version in versions:
        where = f"Versionen av \u201d{node_id}\u201d"
        window = version.window
        if not window.start:
            report.error(
                version.location,
                f"{where} saknar galler_fran.",
                "Ange från vilket datum versionen gäller.",
                code="datum-saknas",
            )
        if window.start and window.end and window.end < window.start:
            report.error(
                version.location,
                f"{where} slutar gälla före det börjar gälla.",
                "galler_till ska vara samma dag som eller senare än galler_fran.",
                code="datum-ordning",
            )
        if window.decision not in DECISIONS:
            report.error(
                version.location,
                f"{where} saknar beslut.",
                "Fyll i beslut (beslutad, troligen-beslutad eller foreslagen), eller ange lagandring: med id för "
                "en ändring i data/lagrum.yaml som har samma datum.",
                code="datum-beslut",
            )
        if not version.change_text:
            report.error(
                version.location,
                f"{where} saknar andringen.",
                "Skriv vad som ändras, till exempel 'Från 1 januari 2027 gäller ... också i fristående skolor.'",
                code="datum-andring",
            )
        if version.lagrum_id:
            if version.lagrum_id not in known:
                report.error(
                    version.location,
                    f"{where} hänvisar till \u201d{version.lagrum_id}\u201d, som inte finns i lagrumsregistret.",
                    "Ange id för en post i data/lagrum.yaml.",
                    code="okant-lagrum",
                )
            else:
                matching = [c for c in registry_changes.get(version.lagrum_id, []) if c.date == window.start]
                if not matching:
                    report.error(
                        version.location,
                        f"{where} har datumet {window.start}, men \u201d{version.lagrum_id}\u201d har ingen "
                        "ändring det datumet.",
                        "Använd samma datum som i data/lagrum.yaml, eller ta bort lagandring.",
                        code="datum-matchar-inte",
                    )
                elif matching[0].decision != window.decision:
                    report.error(
                        version.location,
                        f"{where} har beslut {window.decision}, men registret säger {matching[0].decision}.",
                        "Ta bort beslut här (då ärvs det från registret), eller ändra så att de stämmer.",
                        code="datum-matchar-inte",
                    )
        for ref in version.overrides.get("lagrum", []):
            if ref not in known:
                report.error(
                    version.location,
                    f"{where} hänvisar till lagrummet \u201d{ref}\u201d, som inte finns i lagrumsregistret.",
                    "Använd ett id ur data/lagrum.yaml.",
                    code="okant-lagrum",
                )
    starts = sorted((v.window.start, v.window.end or dt.date.max) for v in versions if v.window.start)
    for (_, end), (next_start, _) in itertools.pairwise(starts):
        if next_start <= end:
            report.error(
                versions[0].location,
                f"Två versioner av \u201d{node_id}\u201d gäller samtidigt.",
                "Låt den första versionen sluta (galler_till) dagen innan nästa börjar.",
                code="datum-overlapp",
            )
            break


def version_changes(guide_id: str, node_id: str, versions: list[NodeVersion]) -> list[LawChange]:
    return [
        LawChange(
            v.window.start,
            "text",
            v.window.decision,
            v.change_text,
            v.location,
            v.lagrum_id,
            guide_id=guide_id,
            node_id=node_id,
        )
        for v in versions
        if v.window.start
    ]


# ---------------------------------------------------------------------------- kontroll och markeringar


def check_changes(changes: Iterable[LawChange], today: dt.date, report: Report) -> None:
    """Varningar och fel som beror på dagens datum."""
    for change in changes:
        days = (change.date - today).days
        what = _describe(change)
        if 0 < days <= WARN_DAYS:
            report.warning(
                change.location,
                f"{what} börjar gälla {change.date.isoformat()}, om {days} dagar ({change.decision_label.lower()}).",
                "Kontrollera att texten för tiden efter ändringen är klar och att beslutet stämmer. "
                "Sajten byter text av sig själv det datumet, om den byggs om varje dag.",
                code="andring-snart",
            )
        elif days == 0 and change.decision == "foreslagen":
            report.warning(
                change.location,
                f"{what} skulle enligt förslaget börja gälla i dag ({change.date.isoformat()}), men är inte bekräftat.",
                "Kontrollera i dag på riksdagen.se om förslaget har blivit lag och ändra beslut till beslutad. "
                "Från och med i morgon ger check ett fel tills beslutet är ändrat. "
                "Ett förslag byter aldrig text av sig självt.",
                code="forslag-i-dag",
            )
        elif days < 0 and change.decision == "foreslagen":
            report.error(
                change.location,
                f"{what} skulle börja gälla {change.date.isoformat()}, men är fortfarande bara ett förslag.",
                "Kontrollera på riksdagen.se om förslaget har blivit lag. Ändra då beslut till beslutad och lägg "
                "till källan (SFS-nummer). Har förslaget inte blivit lag, ändra datumet eller ta bort ändringen.",
                code="forslag-passerat",
            )
        elif days <= 0 and change.decision == "troligen-beslutad":
            report.warning(
                change.location,
                f"{what} gäller troligen sedan {change.date.isoformat()}, men beslutet är inte bekräftat.",
                "Kontrollera lagtexten på riksdagen.se och ändra beslut till beslutad, med SFS-nummer som källa.",
                code="andring-obekraftad",
            )


def _describe(change: LawChange) -> str:
    if change.guide_id:
        return f"Versionen av \u201d{change.node_id}\u201d i guiden \u201d{change.guide_id}\u201d"
    kinds = {"borjar": "Lagrummet", "upphor": "Slutet för lagrummet", "lydelse": "Den nya lydelsen av"}
    return f"{kinds.get(change.kind, 'Ändringen i')} \u201d{change.lagrum_id}\u201d"


def notices_for(
    node_changes: Iterable[LawChange],
    cited: Iterable[str],
    registry_changes: Mapping[str, list[LawChange]],
    today: dt.date,
) -> tuple[Notice, ...]:
    """Markeringarna på en sida: kommande ändringar, och ändringar som troligen redan har skett.

    Nodens egna versioner går före registrets ändringar med samma lagrum och datum."""
    notices: list[Notice] = []
    seen: set[tuple[str, dt.date]] = set()
    candidates = list(node_changes)
    for ref in cited:
        candidates.extend(registry_changes.get(ref, []))
    for change in candidates:
        key = (change.lagrum_id or change.node_id, change.date)
        if change.lagrum_id and key in seen:
            continue
        if change.date > today:
            notices.append(Notice("kommande", change.date, change.decision, change.text, change.lagrum_id))
        elif change.decision == "foreslagen":
            notices.append(Notice("forslag-passerat", change.date, change.decision, change.text, change.lagrum_id))
        elif change.decision == "troligen-beslutad":
            notices.append(Notice("troligen", change.date, change.decision, change.text, change.lagrum_id))
        else:
            continue
        seen.add(key)
    notices.sort(key=lambda n: (n.kind != "troligen", n.date))
    return tuple(notices)


def all_changes(registry_changes: Mapping[str, list[LawChange]], trees: Iterable[Any]) -> list[LawChange]:
    """Alla datumsatta ändringar på sajten, i datumordning."""
    changes = [c for entry in registry_changes.values() for c in entry]
    for tree in trees:
        for node in tree.nodes.values():
            changes.extend(node.changes)
    return sorted(changes, key=lambda c: (c.date, c.lagrum_id, c.guide_id, c.node_id))

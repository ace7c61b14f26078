"""Datumstyrd lag: lydelser, versioner och ändringar med datum, och vad som gäller en viss dag.

Lagrumsregistret och guidernas noder kan ha datum:

- ``galler_fran`` / ``galler_till``: från och med / till och med vilket datum texten gäller.
- ``beslut``: ``beslutad``, ``troligen-beslutad`` eller ``foreslagen``.
- ``andringen``: vad som ändras, i en eller två meningar (visas före datumet och på sidan
  Kommande ändringar).

Reglerna:

- En beslutad eller troligen beslutad ändring börjar gälla av sig själv på sitt datum.
- En föreslagen ändring byter aldrig text. Den visas som ett förslag. Från sitt datum är den ett
  passerat förslag: sidorna säger att ändringen väntades den dagen men inte är bekräftad, och
  ``check`` varnar (en att göra-punkt för redaktören) tills förslaget har bekräftats
  (``beslut: beslutad``) eller fått ett nytt datum. Bygget stannar inte.
- ``check`` varnar när en ändring börjar gälla inom 30 dagar, och varje gång för en troligen
  beslutad ändring vars datum har passerats.

Inläsningen är fri från datum: den sparar alla lydelser och versioner. Vilken som gäller räknas ut
en gång, för en dag, i build_tools/load/dated_view.py. Modulen är fri från MkDocs och läser inga filer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..base.diagnostics import Location

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
        """galler, kommande (beslutad men inte än), forslag (föreslagen början), forslag-passerat
        (föreslagen början som har passerats utan beslut) eller upphort."""
        if not self.dated:
            return "galler"
        if self.decision not in SWITCHING:
            if self.start and self.start <= today:
                return "forslag-passerat"
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
            return f"Ändringen väntades {when} men är inte bekräftad"
        if self.decision == "foreslagen":
            return f"Förslag: från {when}"
        if self.decision == "troligen-beslutad":
            return f"Från {when} (troligen beslutat)"
        return f"Från {when}"

    @property
    def decision_label(self) -> str:
        return DECISIONS.get(self.decision, self.decision)

    @property
    def advice(self) -> str:
        """Vad läsaren ska göra så länge ändringen inte är bekräftad. Tom för en kommande ändring."""
        if self.kind == "forslag-passerat":
            return (
                f"Enligt ett förslag skulle det här ändras {swedish_date(self.date)}, men det är ännu inte "
                "bekräftat att förslaget har blivit lag. Följ tills vidare det som står på den här sidan. "
                "Är du osäker på vad som gäller i ett ärende, fråga förvaltningens jurist eller socialtjänsten."
            )
        if self.kind == "troligen":
            return (
                "Beslutet är inte bekräftat i lagtexten. Kontrollera vad som gäller på riksdagen.se innan du "
                "fattar beslut."
            )
        return ""


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


def current_index(windows: Iterable[Window], day: dt.date) -> int | None:
    """Platsen för den senast påbörjade beslutade lydelse eller version som gäller ``day``.
    None betyder att grundtexten gäller. Ett förslag blir aldrig gällande."""
    current: int | None = None
    best = dt.date.min
    for index, window in enumerate(windows):
        if window.start and window.decision in SWITCHING and window.contains(day) and window.start >= best:
            current, best = index, window.start
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


def all_changes(registry_changes: Mapping[str, list[LawChange]], trees: Iterable[Any]) -> list[LawChange]:
    """Alla datumsatta ändringar på sajten, i datumordning."""
    changes = [c for entry in registry_changes.values() for c in entry]
    for tree in trees:
        for node in tree.nodes.values():
            changes.extend(node.changes)
    return sorted(changes, key=lambda c: (c.date, c.lagrum_id, c.guide_id, c.node_id))

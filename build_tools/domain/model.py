"""Den validerade modellen som renderingen arbetar med. Bara data, ingen logik för in- och utläsning."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..base.diagnostics import Location
from .dated import LawChange, Notice, Window, Wording

OUTCOME_KINDS: dict[str, str] = {
    "akut": "Akut läge",
    "anmal": "Gör en orosanmälan",
    "konsultera": "Rådgör först",
    "skolans-ansvar": "Skolans ansvar",
    "socialtjanstens-ansvar": "Socialtjänstens ansvar",
    "tillatet": "Det är tillåtet",
    "kraver-samtycke": "Kräver samtycke",
    "inte-tillatet": "Inte tillåtet",
    "information": "Bra att veta",
}

URGENCIES: dict[str, str] = {
    "omedelbart": "Agera nu",
    "idag": "Samma dag",
    "snart": "Inom några dagar",
    "planerat": "Planera in",
}

AUDIENCES: dict[str, str] = {
    "alla-i-skolan": "All personal i skolan",
    "larare": "Lärare",
    "rektor": "Rektorer",
    "elevhalsa": "Elevhälsan",
    "forskola": "Förskolan",
    "fritidshem": "Fritidshemmet",
    "fristaende-skola": "Fristående skolor",
    "socialsekreterare": "Socialsekreterare",
    "sst": "Skolsociala team",
    "chef": "Chefer",
}


@dataclass(frozen=True)
class LagrumEntry:
    id: str
    heading: str
    kind: str  # lag | forslag | avgorande
    law: str
    sfs: str
    chapter: str
    section: str
    replaces: str
    in_force: dt.date | None
    url: str
    status: str  # verifierad | delvis | ej-verifierad
    sources: tuple[str, ...]
    summary: str
    to_verify: str
    location: Location
    # Datumstyrning (build_tools/domain/dated.py): när posten gäller, och alla dess datumsatta ändringar.
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    decision: str = ""
    state: str = "galler"  # galler | kommande | forslag | forslag-passerat | upphort, räknat på vyns dag
    changes: tuple[LawChange, ...] = ()
    wordings: tuple[Wording, ...] = ()  # alla lydelser; vyn för en dag väljer den som gäller

    @property
    def applies(self) -> bool:
        return self.state == "galler"


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    next_id: str
    explanation: str
    location: Location
    next_location: Location


@dataclass(frozen=True)
class GuideLink:
    guide_id: str
    node_id: str
    text: str
    location: Location


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str
    answers: tuple[Answer, ...]
    unverified: tuple[str, ...]
    location: Location
    changes: tuple[LawChange, ...] = ()
    notices: tuple[Notice, ...] = ()  # räknas ut i vyn för en dag (build_tools/load/dated_view.py)
    variants: tuple[Variant, ...] = ()  # nodens versioner (versioner:), färdiga att visa
    unverified_at: tuple[Location, ...] = ()  # var varje rad i unverified står i YAML-filen


@dataclass(frozen=True)
class Outcome:
    id: str
    kind: str
    urgency: str
    title: str
    body: str
    steps: tuple[str, ...]
    lagrum: tuple[str, ...]
    show_contacts: bool
    links: tuple[GuideLink, ...]
    unverified: tuple[str, ...]
    location: Location
    changes: tuple[LawChange, ...] = ()
    notices: tuple[Notice, ...] = ()  # räknas ut i vyn för en dag (build_tools/load/dated_view.py)
    variants: tuple[Variant, ...] = ()  # nodens versioner (versioner:), färdiga att visa
    unverified_at: tuple[Location, ...] = ()  # var varje rad i unverified står i YAML-filen

    @property
    def urgent(self) -> bool:
        """Ett utfall där någon kan behöva ringa 112 nu."""
        return self.kind == "akut" or self.urgency == "omedelbart"


Node = Question | Outcome


@dataclass(frozen=True)
class Variant:
    """En version av en nod (versioner: i guiden), färdig att visa när dess fönster gäller."""

    window: Window
    node: Node


@dataclass(frozen=True)
class ChangeLogEntry:
    """En rad i en guides ändringslogg (andringar i YAML-filen)."""

    date: dt.date
    what: str
    approved_by: str
    location: Location


@dataclass(frozen=True)
class Tree:
    id: str
    title: str
    description: str
    intro: str
    audience: tuple[str, ...]
    owner: str
    reviewed: dt.date
    next_review: dt.date
    start: str
    nodes: dict[str, Node]
    source: Path
    location: Location
    change_log: tuple[ChangeLogEntry, ...] = ()  # andringar: vad som ändrats i guiden och vem som godkänt
    reviewed_location: Location | None = None
    next_review_location: Location | None = None

    @property
    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    @property
    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]


@dataclass(frozen=True)
class CaseStep:
    question_id: str
    answer_id: str
    reasoning: str
    location: Location
    # "Varför inte …?": svarsalternativ som leder någon annanstans -> kort förklaring.
    why_not: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TrainingCase:
    """Ett övningsfall: en situation, svaren en erfaren kollega ger och utfallet de leder till."""

    id: str
    title: str
    audience: tuple[str, ...]
    scenario: str
    guide_id: str
    steps: tuple[CaseStep, ...]
    outcome_id: str
    why: str
    discussion: tuple[str, ...]
    lagrum: tuple[str, ...]
    location: Location
    goals: tuple[str, ...] = ()  # lärandemål: "Efter fallet kan du …"
    minutes: int = 20  # ungefärlig tid för fallet i en utbildning
    trainer_note: str = ""  # för utbildaren: vanliga felval och hur man leder samtalet


@dataclass(frozen=True)
class Chapter:
    """En sida i stödmaterialet (typ kapitel) eller en ingång för en yrkesroll (typ roll)."""

    slug: str
    kind: str  # kapitel | roll
    title: str
    description: str
    audience: tuple[str, ...]
    owner: str
    reviewed: dt.date
    next_review: dt.date
    lagrum: tuple[str, ...]
    guides: tuple[str, ...]
    order: int
    unverified: tuple[str, ...]
    body: str
    source: Path
    next_review_location: Location | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    expanded: str
    explanation: str
    forms: tuple[str, ...]
    synonyms: tuple[str, ...]
    lagrum: tuple[str, ...]

    @property
    def anchor(self) -> str:
        """Ankare på ordlistans sida, t.ex. 'forhandsbedomning'."""
        # "SST+" blir "sst-plus", så att det inte krockar med "SST".
        term = self.term.lower().replace("+", " plus")
        plain = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "term"


@dataclass(frozen=True)
class Contact:
    kind: str  # telefon | e-post | webb | e-tjanst | besoksadress | beskrivning
    function: str
    description: str
    value: str
    status: str
    source: str
    checked: dt.date
    # Så visas värdet (build_tools/contact_values.py): text i nationell form och länk (tel:, mailto:, https:).
    text: str = ""
    href: str = ""
    location: Location | None = None

    @property
    def verified(self) -> bool:
        return self.status == "verifierad"


@dataclass(frozen=True)
class FormerName:
    name: str
    slug: str
    until: dt.date


@dataclass(frozen=True)
class District:
    name: str
    slug: str
    area: str  # innerstad | ytterstad
    formed: dt.date | None
    neighbourhoods: tuple[str, ...]
    aliases: tuple[str, ...]
    former_names: tuple[FormerName, ...]
    website: str
    sst: dict
    contacts: tuple[Contact, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    district: str
    status: str  # finns | saknas | okant
    signed: dt.date | None
    parties: tuple[str, ...]
    independent_schools: str
    next_revision: dt.date | None
    last_follow_up: dt.date | None
    source: str
    comment: str
    location: Location | None = None


@dataclass
class Project:
    """Allt innehåll, validerat."""

    root: Path
    # Dagen som vyn gäller (build_tools/load/dated_view.py). None i den inlästa modellen, som har alla
    # lydelser och versioner men ännu inte har valt någon.
    today: dt.date | None = None
    trees: dict[str, Tree] = field(default_factory=dict)
    lagrum: dict[str, LagrumEntry] = field(default_factory=dict)
    cases: list[TrainingCase] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    districts: list[District] = field(default_factory=list)
    city_contacts: list[Contact] = field(default_factory=list)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    # Vad uppföljningen flaggar för varje stadsdel den dagen (räknas i vyn, build_tools/load/dated_view.py).
    agreement_flags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agreement_template: dict | None = None
    search_vocabulary: object | None = None

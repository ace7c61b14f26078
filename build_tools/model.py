"""Den validerade modellen som renderingen arbetar med. Bara data, ingen logik för in- och utläsning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Location

OUTCOME_KINDS: dict[str, str] = {
    "akut": "Akut läge",
    "anmal": "Gör en orosanmälan",
    "konsultera": "Rådgör först",
    "skolans-ansvar": "Skolans ansvar",
    "socialtjanstens-ansvar": "Socialtjänstens ansvar",
    "tillatet": "Det är tillåtet",
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

    @property
    def is_outcome(self) -> bool:
        return False


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

    @property
    def is_outcome(self) -> bool:
        return True


Node = Question | Outcome


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

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    @property
    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]


@dataclass
class Project:
    """Allt innehåll, validerat."""

    root: Path
    trees: dict[str, Tree] = field(default_factory=dict)
    lagrum: dict[str, LagrumEntry] = field(default_factory=dict)

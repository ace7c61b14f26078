"""Bygger Python-värden direkt ur PyYAML:s händelser, i ett enda svep genom filen.

Samma svep säger ifrån om sådant innehållet aldrig behöver, innan något av det används:
hänvisningar (&ankare och *alias) kan bygga upp miljarder värden ur några rader ("alias-bomb")
eller peka på sig själva, typmärken (!!binary, !!python/...) ger värden som inte är text, och
mycket djup nästling tar slut på Pythons stack. Händelserna kommer från libyaml (C) när det finns.

Felen i värdena (dubbla nycklar, nycklar som inte är text, tecken som inte får stå i en text)
samlas i en egen rapport och lämnas bara över om hela filen gick att läsa: stoppas filen, eller
har den ett syntaxfel längre ned, gäller bara det felet (som när filen lästes i två svep).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from ..base.diagnostics import Report
from .yaml_document import STR_TAG, PathKey, SourceDocument, check_text, scalar_value

MAX_DEPTH = 40
NOTHING = object()  # filen har inget dokument (tom, eller bara kommentarer)

_SCALAR = yaml.ScalarEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_KEY_PATH = "<nyckel>"

_UNSAFE_HINT = (
    "Skriv ut värdet i stället. Innehållet använder inte YAML:s hänvisningar (&namn och *namn) "
    "eller typmärken (!!typ), eftersom de kan göra filerna svåra att läsa och kontrollera."
)


class Refused(Exception):
    """Filen innehåller något som inte används i innehållet (felet är redan rapporterat)."""


def implicit_resolvers(loader: type) -> dict[str | None, tuple[tuple[str, Any], ...]]:
    """Tolkens regler för värden utan citattecken (tal, sant/falskt, datum, tomt), per första tecken."""
    table = loader.yaml_implicit_resolvers
    wildcard = list(table.get(None, []))
    return {first: tuple(rules + wildcard) for first, rules in table.items()} | {None: tuple(wildcard)}


class EventBuilder:
    """Läser ett dokument ur ``loader`` (en PyYAML-tolk) till ett ``SourceDocument``."""

    def __init__(self, loader: Any, path: Path, report: Report, offset: int, resolvers: dict) -> None:
        self._next: Callable[[], Any] = loader.get_event
        self._resolvers = resolvers
        self._fallback = resolvers[None]
        self.report = report  # stoppet (Refused) rapporteras direkt
        self.found = Report()  # felen i värdena: lämnas över först när hela filen är läst
        self.doc = SourceDocument(path, None, offset=offset)

    def document(self) -> Any:
        """Dokumentets värde, eller ``NOTHING``. Ger Refused (rapporterat) eller PyYAML:s fel."""
        self._next()  # början av strömmen
        start = self._next()
        if type(start) is yaml.StreamEndEvent:
            return NOTHING
        self._check(start, 0)
        value = self._value(self._next(), (), 0)
        self._next()  # slutet av dokumentet
        event = self._next()
        if type(event) is not yaml.StreamEndEvent:
            second = event.start_mark
            while type(event) is not yaml.StreamEndEvent:  # som förut: resten kontrolleras innan felet
                self._skip(event, 0)
                event = self._next()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", start.start_mark, "but found another document", second
            )
        return value

    def _value(self, event: Any, at: PathKey, depth: int) -> Any:
        self.doc.value_locations[at] = event.start_mark
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                self._check(event, depth)
            value = event.value
            tag = self._tag(value) if event.implicit[0] else STR_TAG
            if tag != STR_TAG:
                value = scalar_value(tag, event)
            if isinstance(value, str):
                check_text(self.found, self.doc, event.start_mark, value, event.style)
            return value
        self._check(event, depth + 1)  # ett alias stoppas här
        if kind is _MAPPING:
            return self._mapping(at, depth + 1)
        return self._sequence(at, depth + 1)

    def _tag(self, value: str) -> str:
        for tag, regexp in self._resolvers.get(value[:1], self._fallback):
            if regexp.match(value):
                return tag
        return STR_TAG

    def _sequence(self, at: PathKey, depth: int) -> list[Any]:
        result: list[Any] = []
        event = self._next()
        while type(event) is not yaml.SequenceEndEvent:
            result.append(self._value(event, (*at, len(result)), depth))
            event = self._next()
        return result

    def _mapping(self, at: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        keys = self.doc.key_locations
        key_path = (*at, _KEY_PATH)
        event = self._next()
        while type(event) is not yaml.MappingEndEvent:
            shown = self._complex_key(event, depth) if type(event) in (_MAPPING, _SEQUENCE) else None
            if shown is not None:
                event = self._next()  # första händelsen i nyckeln igen
            key = self._value(event, key_path, depth)
            value_event = self._next()
            if not isinstance(key, str):
                self._key_not_text(event, event.value if shown is None else shown)
                self._skip(value_event, depth)
            elif key in result:
                self._duplicate(event, key, keys.get((*at, key)))
                self._skip(value_event, depth)
            else:
                keys[(*at, key)] = event.start_mark
                result[key] = self._value(value_event, (*at, key), depth)
            event = self._next()
        self.doc.value_locations.pop(key_path, None)
        return result

    def _key_not_text(self, event: Any, shown: str) -> None:
        self.found.error(
            self.doc.location(event.start_mark),
            f"Nyckeln {str(shown)[:80] or '(tom)'} är inte en text.",
            "Nycklar ska vara ord, till exempel titel eller svar. Ska det vara ett tal eller ett datum, "
            f'sätt citattecken runt det: "{str(shown)[:80]}".',
            code="nyckel-typ",
        )

    def _duplicate(self, event: Any, key: str, first: yaml.Mark | None) -> None:
        where = f" (första gången på rad {self.doc.location(first).line})" if first else ""
        self.found.error(
            self.doc.location(event.start_mark),
            f"Nyckeln \u201d{key}\u201d finns två gånger{where}.",
            "Varje nyckel får bara finnas en gång på samma nivå. Byt namn på den ena eller slå ihop dem.",
            code="dubblett",
        )

    def _skip(self, event: Any, depth: int, into: list[Any] | None = None) -> None:
        """Läs förbi ett värde som inte används (men kontrollera det), eller spara dess händelser i ``into``."""
        if into is not None:
            into.append(event)
        if type(event) not in (_MAPPING, _SEQUENCE):
            self._check(event, depth)
            return
        self._check(event, depth + 1)
        event = self._next()
        while type(event) not in _ENDS:
            self._skip(event, depth + 1, into)
            event = self._next()
        if into is not None:
            into.append(event)

    def _complex_key(self, event: Any, depth: int) -> str:
        """En nyckel som är en lista eller samling (``? [a, b]``): texten som felet visar, som PyYAML:s
        noder skriver sig. Händelserna läses igen efteråt (``_next``) och byggs som vanligt."""
        events: list[Any] = []
        self._skip(event, depth, events)
        self._next = chain(events, iter(self._next, None)).__next__
        return _node_text(events, 0, self._tag)[0].split("value=", 1)[1][:-1]

    def _check(self, event: Any, depth: int) -> None:
        """Stoppa filen (Refused) vid en hänvisning, ett typmärke, för djup nästling eller ett dokument till."""
        problem = _problem(event, depth)
        if problem is not None:
            message, hint, code = problem
            self.report.error(self.doc.location(event.start_mark), message, hint, code=code)
            raise Refused


def _problem(event: Any, depth: int) -> tuple[str, str, str] | None:
    kind = type(event)
    anchor = getattr(event, "anchor", None)
    tag = getattr(event, "tag", None)
    if kind is yaml.AliasEvent or anchor:
        sign = "*" if kind is yaml.AliasEvent else "&"
        return f"Hänvisningen {sign}{anchor} används inte i innehållet.", _UNSAFE_HINT, "yaml-hanvisning"
    if tag is not None and tag != "!" and kind is not yaml.DocumentStartEvent:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        return f"Typmärket {shown} används inte i innehållet.", _UNSAFE_HINT, "yaml-typ"
    if depth > MAX_DEPTH and kind in (_MAPPING, _SEQUENCE):
        hint = f"Innehållet får ha högst {MAX_DEPTH} nivåer av indrag och listor i varandra."
        return "YAML-filen är för djupt nästlad.", hint, "yaml-djup"
    if kind is yaml.DocumentStartEvent and event.explicit and event.start_mark.index > 3:
        return (
            "Filen innehåller mer än ett YAML-dokument (en rad med --- mitt i filen).",
            "Ta bort raden med --- eller dela upp innehållet i två filer.",
            "yaml-flera-dokument",
        )
    return None


_COLLECTION_TAGS = {_MAPPING: "tag:yaml.org,2002:map", _SEQUENCE: "tag:yaml.org,2002:seq"}


def _node_text(events: list[Any], i: int, tag_of: Callable[[str], str]) -> tuple[str, int]:
    """Hur PyYAML:s nod för värdet som börjar i ``events[i]`` skriver sig (``repr``), och var nästa börjar."""
    event = events[i]
    kind = type(event)
    if kind is _SCALAR:
        tag = tag_of(event.value) if event.implicit[0] else STR_TAG
        return f"ScalarNode(tag={tag!r}, value={event.value!r})", i + 1
    items: list[str] = []
    i += 1
    while type(events[i]) not in _ENDS:
        text, i = _node_text(events, i, tag_of)
        items.append(text)
    if kind is _MAPPING:
        items = [f"({items[k]}, {items[k + 1]})" for k in range(0, len(items), 2)]
        name = "MappingNode"
    else:
        name = "SequenceNode"
    return f"{name}(tag={_COLLECTION_TAGS[kind]!r}, value=[{', '.join(items)}])", i + 1

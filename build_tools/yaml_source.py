"""Läser YAML och minns var i filen varje värde stod.

PyYAML ger oss noder med positioner (``Mark``). Vi bygger vanliga Python-värden av dem
och sparar positionen för varje väg, t.ex. ``("noder", "start", "svar", 0, "nasta")``.
Dubbla nycklar upptäcks här, eftersom PyYAML annars tyst skulle välja den sista.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Location, Report

PathKey = tuple[str | int, ...]


@dataclass
class SourceDocument:
    """Ett inläst YAML-dokument: data plus positioner för värden och nycklar."""

    path: Path
    data: Any
    value_locations: dict[PathKey, Location] = field(default_factory=dict)
    key_locations: dict[PathKey, Location] = field(default_factory=dict)

    def at(self, path: PathKey) -> Location:
        """Positionen för värdet på ``path``, eller närmaste förälder som har en."""
        probe = tuple(path)
        while probe:
            if probe in self.value_locations:
                return self.value_locations[probe]
            probe = probe[:-1]
        return self.value_locations.get((), Location(self.path, 1, 1))

    def key_at(self, path: PathKey) -> Location:
        """Positionen för nyckeln som leder till ``path`` (bra för 'okänt fält')."""
        return self.key_locations.get(tuple(path)) or self.at(path)


_constructor = yaml.SafeLoader(stream="")


def _scalar(node: yaml.ScalarNode) -> Any:
    try:
        value = _constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # T.ex. ett omöjligt datum (2026-13-01): låt schemakontrollen säga till om texten.
        return node.value
    # Datum blir text (ÅÅÅÅ-MM-DD) så att schemat kan kontrollera dem som text.
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Builder:
    def __init__(self, path: Path, report: Report, offset: int = 0) -> None:
        self.path = path
        self.report = report
        self.offset = offset
        self.doc = SourceDocument(path, None)

    def _location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1 + self.offset, mark.column + 1)

    def build(self, node: yaml.Node, at: PathKey) -> Any:
        self.doc.value_locations[at] = self._location(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*at, "<nyckel>"))
                if not isinstance(key, (str, int, bool)) or isinstance(key, bool):
                    key = str(key)
                if key in result:
                    first = self.doc.key_locations.get((*at, key))
                    where = f" (första gången på rad {first.line})" if first else ""
                    self.report.error(
                        self._location(key_node),
                        f"Nyckeln \u201d{key}\u201d finns två gånger{where}.",
                        "Varje nyckel får bara finnas en gång på samma nivå. Byt namn på den ena eller slå ihop dem.",
                        code="dubblett",
                    )
                    continue
                self.doc.key_locations[(*at, key)] = self._location(key_node)
                result[key] = self.build(value_node, (*at, key))
            self.doc.value_locations.pop((*at, "<nyckel>"), None)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, i)) for i, item in enumerate(node.value)]
        return _scalar(node)


def load_yaml(path: Path, report: Report) -> SourceDocument | None:
    """Läs en YAML-fil. Vid syntaxfel läggs ett fel i ``report`` och None returneras."""
    text = read_text(path, report)
    if text is None:
        return None
    return parse_yaml(text, path, report)


def read_text(path: Path, report: Report) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        report.error(
            Location(path, 1, 1),
            f"Filen är inte sparad som UTF-8 (fel vid tecken {exc.start}).",
            "Spara filen med teckenkodningen UTF-8 i din editor.",
            code="kodning",
        )
        return None
    except OSError as exc:
        report.error(Location(path), f"Filen gick inte att läsa: {exc.strerror}.", code="las")
        return None


def parse_yaml(text: str, path: Path, report: Report, first_line: int = 1) -> SourceDocument | None:
    """Tolka YAML-text. ``first_line`` är radnumret i filen där texten börjar (för inledningar i Markdown)."""
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + offset, mark.column + 1) if mark else (first_line, 1)
        report.error(
            Location(path, line, col),
            "YAML-filen går inte att läsa: " + _explain_yaml_problem(exc),
            "Kontrollera indragen (använd mellanslag, inte tabb), kolon efter varje nyckel "
            "och citattecken runt text som innehåller kolon (:) eller börjar med ett specialtecken.",
            code="yaml",
        )
        return None
    except yaml.YAMLError as exc:
        report.error(Location(path, 1, 1), f"YAML-filen går inte att läsa ({exc}).", code="yaml")
        return None
    if node is None:
        report.error(
            Location(path, first_line, 1), "Filen är tom.", "Fyll i innehållet eller ta bort filen.", code="tom"
        )
        return None
    builder = _Builder(path, report, offset)
    builder.doc.data = builder.build(node, ())
    return builder.doc


_PROBLEMS = {
    "found character '\\t' that cannot start any token": "ett tabbtecken står där det inte får stå",
    "mapping values are not allowed here": "ett kolon (:) står där det inte får stå",
    "could not find expected ':'": "ett kolon (:) saknas efter en nyckel",
    "did not find expected key": "indraget stämmer inte, eller så saknas ett bindestreck eller kolon",
    "found undefined alias": "en hänvisning (*namn) pekar på något som inte finns",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "did not find expected '-' indicator": "ett bindestreck (-) saknas i en lista",
    "found character that cannot start any token": "ett tecken står där det inte får stå",
    "expected <block end>, but found": "indraget stämmer inte med raderna ovanför",
    "did not find expected node content": "ett värde saknas",
    "expected ',' or ']'": "en lista inom hakparenteser [ ] är inte avslutad, eller så innehåller den ett tecken "
    "(t.ex. ? : eller #) som kräver citattecken runt texten",
    "expected ',' or '}'": "en samling inom klammerparenteser { } är inte avslutad, "
    "eller så behöver texten citattecken",
}


def _explain_yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, swedish in _PROBLEMS.items():
        if problem.startswith(english):
            return swedish + "."
    return f"syntaxfel ({problem})."

"""Ett inläst YAML-dokument och de kontroller som görs på varje värde när det byggs.

Delas av yaml_events.py (som bygger värdena) och yaml_source.py (som läser filerna).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..base.characters import first_bad_character
from ..base.diagnostics import Location, Report
from .content_safety import find_problems, report_problems

PathKey = tuple[str | int, ...]


@dataclass
class SourceDocument:
    """Ett inläst YAML-dokument: data plus positioner för värden och nycklar."""

    path: Path
    data: Any
    # PyYAML:s positioner (Mark, rad och kolumn från 0). De blir Location först när någon frågar:
    # en guide har tiotusentals värden, och nästan inga av dem behöver någonsin en plats.
    value_locations: dict[PathKey, yaml.Mark] = field(default_factory=dict)
    key_locations: dict[PathKey, yaml.Mark] = field(default_factory=dict)
    offset: int = 0  # rader före YAML-texten i filen (inledningen i en Markdown-sida)

    def location(self, mark: yaml.Mark) -> Location:
        return Location(self.path, mark.line + 1 + self.offset, mark.column + 1)

    def at(self, path: PathKey) -> Location:
        """Positionen för värdet på ``path``, eller närmaste förälder som har en."""
        probe = tuple(path)
        while probe:
            if probe in self.value_locations:
                return self.location(self.value_locations[probe])
            probe = probe[:-1]
        mark = self.value_locations.get(())
        return self.location(mark) if mark is not None else Location(self.path, 1, 1)

    def key_at(self, path: PathKey) -> Location:
        """Positionen för nyckeln som leder till ``path`` (bra för 'okänt fält')."""
        mark = self.key_locations.get(tuple(path))
        return self.location(mark) if mark is not None else self.at(path)


STR_TAG = "tag:yaml.org,2002:str"
_constructor = yaml.SafeLoader(stream="")


def scalar_value(tag: str, event: yaml.ScalarEvent) -> Any:
    """Värdet av en skalär som inte är text (tal, sant/falskt, datum, tomt), som PyYAML gör det."""
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        value = _constructor.construct_object(node, deep=True)
    except Exception:
        # T.ex. ett omöjligt datum (2026-13-01): låt schemakontrollen säga till om texten.
        return event.value
    finally:
        _constructor.constructed_objects.pop(node, None)
    # Datum blir text (ÅÅÅÅ-MM-DD) så att schemat kan kontrollera dem som text.
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def check_text(report: Report, doc: SourceDocument, mark: yaml.Mark, value: str, style: str | None) -> None:
    """Fel för tecken och kod som inte får stå i en text (``mark`` är var värdet börjar)."""
    bad = first_bad_character(value)
    if bad:
        report.error(doc.location(mark), bad.message, bad.hint, code=bad.code)
    elif value and not value.strip():
        report.error(
            doc.location(mark),
            "Texten består bara av mellanslag.",
            "Skriv texten, eller ta bort raden om fältet inte behövs.",
            code="bara-mellanslag",
        )
    elif find_problems(value):  # annars finns inget att rapportera, och platsen behövs inte
        where = doc.location(mark)
        if style in ('"', "'"):  # texten börjar efter citattecknet
            where = Location(where.path, where.line, where.column + 1)
        report_problems(value, where, report, text_starts_on_next_line=style in ("|", ">"))

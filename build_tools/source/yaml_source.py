"""Läser YAML och minns var i filen varje värde stod.

PyYAML ger oss noder med positioner (``Mark``). Vi bygger vanliga Python-värden av dem
och sparar positionen för varje väg, t.ex. ``("noder", "start", "svar", 0, "nasta")``.
Dubbla nycklar upptäcks här, eftersom PyYAML annars tyst skulle välja den sista.
"""

from __future__ import annotations

import errno
from pathlib import Path

import yaml

from ..base.characters import first_bad_character
from ..base.diagnostics import Location, Report
from .content_safety import line_and_column, report_too_big, too_big
from .file_guard import report_not_regular, what_it_is
from .yaml_document import PathKey, SourceDocument
from .yaml_events import MAX_DEPTH, NOTHING, EventBuilder, Refused, implicit_resolvers

__all__ = ["MAX_DEPTH", "PathKey", "SourceDocument", "load_yaml", "parse_yaml", "read_text"]

# libyaml (C) om det finns: samma resultat som den rena Python-tolken, men snabbare.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVERS = implicit_resolvers(_Loader)


def load_yaml(path: Path, report: Report) -> SourceDocument | None:
    """Läs en YAML-fil. Vid syntaxfel läggs ett fel i ``report`` och None returneras."""
    text = read_text(path, report)
    if text is None:
        return None
    return parse_yaml(text, path, report)


def read_text(path: Path, report: Report) -> str | None:
    kind = what_it_is(path)
    if kind is not None:  # en symbolisk länk eller en specialfil: läs den inte (file_guard.py)
        report_not_regular(path, kind, report)
        return None
    if too_big(path):
        report_too_big(path, report)
        return None
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
        reason = _OS_REASONS.get(exc.errno or 0, "operativsystemet nekade (felkod " + str(exc.errno) + ")")
        report.error(
            Location(path, 1, 1),
            f"Filen gick inte att läsa: {reason}.",
            "Kontrollera att det är en vanlig textfil och att den inte är en länk till sig själv.",
            code="las",
        )
        return None


_OS_REASONS = {
    errno.ELOOP: "den är en symbolisk länk som pekar i en slinga",
    errno.EISDIR: "det är en mapp, inte en fil",
    errno.ENOENT: "den finns inte (kanske en trasig länk)",
    errno.EACCES: "du saknar behörighet att läsa den",
}


_FAILED = object()  # att tolkningen misslyckades (felet är redan rapporterat)


def _compose(text: str, path: Path, report: Report, first_line: int) -> object:
    """Läs YAML-texten till ett dokument (eller ``NOTHING`` för en tom fil). Ger ``_FAILED``, och ett
    svenskt fel, när den inte går att läsa."""
    offset = first_line - 1
    try:
        return _build(text, path, report, offset)
    except Refused:
        return _FAILED
    except RecursionError:
        report.error(
            Location(path, first_line, 1),
            "YAML-filen är för djupt nästlad för att läsas.",
            f"Innehållet får ha högst {MAX_DEPTH} nivåer av indrag och listor i varandra.",
            code="yaml-djup",
        )
        return _FAILED
    except yaml.MarkedYAMLError as exc:
        exc = _detailed_error(text, exc)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + offset, mark.column + 1) if mark else (first_line, 1)
        report.error(
            Location(path, line, col),
            "YAML-filen går inte att läsa: " + _explain_yaml_problem(exc),
            "Kontrollera indragen (använd mellanslag, inte tabb), kolon efter varje nyckel "
            "och citattecken runt text som innehåller kolon (:) eller börjar med ett specialtecken.",
            code="yaml",
        )
        return _FAILED
    except yaml.reader.ReaderError as exc:
        line, column = line_and_column(text, exc.position)
        report.error(
            Location(path, line + offset, column),
            "YAML-filen innehåller ett tecken som inte får stå i en textfil.",
            "Ta bort tecknet, eller skriv om raden för hand.",
            code="yaml",
        )
        return _FAILED
    except yaml.YAMLError as exc:
        report.error(
            Location(path, first_line, 1),
            "YAML-filen går inte att läsa.",
            f"Kontrollera filens uppbyggnad ({type(exc).__name__}).",
            code="yaml",
        )
        return _FAILED


def parse_yaml(text: str, path: Path, report: Report, first_line: int = 1) -> SourceDocument | None:
    """Tolka YAML-text. ``first_line`` är radnumret i filen där texten börjar (för inledningar i Markdown)."""
    offset = first_line - 1
    bad = first_bad_character(text)
    if bad:
        line, column = line_and_column(text, bad.index)
        report.error(Location(path, line + offset, column), bad.message, bad.hint, code=bad.code)
        return None
    doc = _compose(text, path, report, first_line)
    if doc is _FAILED:
        return None
    if doc is NOTHING:
        report.error(
            Location(path, first_line, 1), "Filen är tom.", "Fyll i innehållet eller ta bort filen.", code="tom"
        )
        return None
    return doc


def _build(text: str, path: Path, report: Report, offset: int) -> object:
    """Ett svep genom händelserna (yaml_events.py): värdena, positionerna och stoppen på en gång."""
    loader = _Loader(text)
    try:
        builder = EventBuilder(loader, path, report, offset, _RESOLVERS)
        data = builder.document()
    finally:
        loader.dispose()
    if data is NOTHING:
        return NOTHING
    builder.doc.data = data
    report.extend(builder.found)
    return builder.doc


def _detailed_error(text: str, exc: yaml.MarkedYAMLError) -> yaml.MarkedYAMLError:
    """libyaml beskriver vissa fel kortare än Python-tolken. Vid fel: läs om med Python-tolken
    (bara då, så det kostar inget när filen är rätt) och använd dess beskrivning."""
    if _Loader is yaml.SafeLoader:
        return exc
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as detailed:
        return detailed
    except Exception:
        return exc
    return exc


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
    "expected alphabetic or numeric character": "ett tecken som * eller & står först i ett värde; "
    "sätt citattecken runt texten",
    "expected a single document": "filen innehåller mer än ett YAML-dokument (en rad med --- mitt i filen)",
    "found unknown escape character": "ett omvänt snedstreck (\\) i en text inom dubbla citattecken; "
    "använd enkla citattecken eller skriv \\\\",
    "found unexpected ':'": "ett kolon (:) står där det inte får stå",
    "found a tab character": "ett tabbtecken står där det inte får stå",
}


def _explain_yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (getattr(exc, "context", None) or "").strip()
    for english, swedish in _PROBLEMS.items():
        if problem.startswith(english) or context.startswith(english):
            return swedish + "."
    return "syntaxfel i filen."

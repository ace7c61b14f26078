"""Läser YAML och minns var i filen varje värde stod.

PyYAML ger oss noder med positioner (``Mark``). Vi bygger vanliga Python-värden av dem
och sparar positionen för varje väg, t.ex. ``("noder", "start", "svar", 0, "nasta")``.
Dubbla nycklar upptäcks här, eftersom PyYAML annars tyst skulle välja den sista.
"""

from __future__ import annotations

import datetime as dt
import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..base.characters import first_bad_character
from ..base.diagnostics import Location, Report
from .content_safety import find_problems, line_and_column, report_problems, report_too_big, too_big
from .file_guard import report_not_regular, what_it_is

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


_constructor = yaml.SafeLoader(stream="")
# libyaml (C) om det finns: samma resultat som den rena Python-tolken, men snabbare.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Gränser som skyddar kontrollen och bygget mot filer som skulle ta oändligt lång tid att läsa.
MAX_DEPTH = 40


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == _STR_TAG:
        return node.value  # text (de flesta värdena): inget att konstruera
    try:
        value = _constructor.construct_object(node, deep=True)
    except Exception:
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
        self.doc = SourceDocument(path, None, offset=offset)

    def _location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1 + self.offset, mark.column + 1)

    def build(self, node: yaml.Node, at: PathKey) -> Any:
        self.doc.value_locations[at] = node.start_mark
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*at, "<nyckel>"))
                if not isinstance(key, str):
                    self.report.error(
                        self._location(key_node),
                        f"Nyckeln {str(key_node.value)[:80] or '(tom)'} är inte en text.",
                        "Nycklar ska vara ord, till exempel titel eller svar. Ska det vara ett tal eller ett datum, "
                        f'sätt citattecken runt det: "{str(key_node.value)[:80]}".',
                        code="nyckel-typ",
                    )
                    continue
                if key in result:
                    first = self.doc.key_locations.get((*at, key))
                    where = f" (första gången på rad {self.doc.location(first).line})" if first else ""
                    self.report.error(
                        self._location(key_node),
                        f"Nyckeln \u201d{key}\u201d finns två gånger{where}.",
                        "Varje nyckel får bara finnas en gång på samma nivå. Byt namn på den ena eller slå ihop dem.",
                        code="dubblett",
                    )
                    continue
                self.doc.key_locations[(*at, key)] = key_node.start_mark
                result[key] = self.build(value_node, (*at, key))
            self.doc.value_locations.pop((*at, "<nyckel>"), None)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, i)) for i, item in enumerate(node.value)]
        value = _scalar(node)
        if isinstance(value, str):
            self._check_text(node, value)
        return value

    def _check_text(self, node: yaml.Node, value: str) -> None:
        bad = first_bad_character(value)
        if bad:
            self.report.error(self._location(node), bad.message, bad.hint, code=bad.code)
        elif value and not value.strip():
            self.report.error(
                self._location(node),
                "Texten består bara av mellanslag.",
                "Skriv texten, eller ta bort raden om fältet inte behövs.",
                code="bara-mellanslag",
            )
        elif find_problems(value):  # annars finns inget att rapportera, och platsen behövs inte
            style = getattr(node, "style", None)
            where = self._location(node)
            if style in ('"', "'"):  # texten börjar efter citattecknet
                where = Location(where.path, where.line, where.column + 1)
            report_problems(value, where, self.report, text_starts_on_next_line=style in ("|", ">"))


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
    """Läs YAML-texten till noder (eller None för en tom fil). Ger ``_FAILED``, och ett svenskt fel,
    när den inte går att läsa."""
    offset = first_line - 1
    try:
        if not _refuse_unsafe_constructs(text, path, report, offset):
            return _FAILED
        return yaml.compose(text, Loader=_Loader)
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
    node = _compose(text, path, report, first_line)
    if node is _FAILED:
        return None
    if node is None:
        report.error(
            Location(path, first_line, 1), "Filen är tom.", "Fyll i innehållet eller ta bort filen.", code="tom"
        )
        return None
    builder = _Builder(path, report, offset)
    builder.doc.data = builder.build(node, ())
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


_UNSAFE_HINT = (
    "Skriv ut värdet i stället. Innehållet använder inte YAML:s hänvisningar (&namn och *namn) "
    "eller typmärken (!!typ), eftersom de kan göra filerna svåra att läsa och kontrollera."
)


def _refuse_unsafe_constructs(text: str, path: Path, report: Report, offset: int) -> bool:
    """Gå igenom filen som händelser och säg ifrån om sådant innehållet aldrig behöver.

    Hänvisningar (&ankare och *alias) kan bygga upp miljarder värden ur några rader ("alias-bomb")
    eller peka på sig själva. Typmärken (!!binary, !!python/...) ger värden som inte är text.
    Mycket djup nästling tar slut på Pythons stack. Allt detta stoppas här, innan något byggs."""
    depth = 0

    def at(event) -> Location:  # bara när något ska rapporteras: filerna har hundratusentals händelser
        return Location(path, event.start_mark.line + 1 + offset, event.start_mark.column + 1)

    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            report.error(
                at(event),
                f"Hänvisningen {sign}{event.anchor} används inte i innehållet.",
                _UNSAFE_HINT,
                code="yaml-hanvisning",
            )
            return False
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and not isinstance(event, yaml.DocumentStartEvent):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            report.error(at(event), f"Typmärket {shown} används inte i innehållet.", _UNSAFE_HINT, code="yaml-typ")
            return False
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                report.error(
                    at(event),
                    "YAML-filen är för djupt nästlad.",
                    f"Innehållet får ha högst {MAX_DEPTH} nivåer av indrag och listor i varandra.",
                    code="yaml-djup",
                )
                return False
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.DocumentStartEvent) and event.explicit and mark.index > 3:
            report.error(
                at(event),
                "Filen innehåller mer än ett YAML-dokument (en rad med --- mitt i filen).",
                "Ta bort raden med --- eller dela upp innehållet i två filer.",
                code="yaml-flera-dokument",
            )
            return False
    return True


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

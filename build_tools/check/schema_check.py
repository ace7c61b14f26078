"""Kontroll mot JSON-schemana i schemas/, med felen översatta till svenska."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ..base.diagnostics import Report
from ..source.yaml_source import SourceDocument

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

_TYPE_NAMES = {
    "string": "text",
    "object": "en samling fält (nyckel: värde)",
    "array": "en lista (rader som börjar med -)",
    "boolean": "sant eller falskt (true/false)",
    "integer": "ett heltal",
    "number": "ett tal",
}

_FIELD_HELP = {
    "svar": "En fråga behöver minst två svarsalternativ, annars är den ingen fråga. "
    "Lägg till ett svar, eller gör noden till ett utfall (typ: utfall).",
    "lagrum": "Varje utfall ska hänvisa till minst ett lagrum ur data/lagrum.yaml, "
    "t.ex. lagrum: [sol-anmalningsskyldighet].",
}


@cache
def _schema(schema_name: str) -> dict:
    return json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        _schema(schema_name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


class Unsupported(Exception):
    """Schemat eller värdet använder något som QuickCheck inte kan avgöra exakt."""


# Nyckelord som bara beskriver och inte kontrollerar något.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class QuickCheck:
    """Svarar snabbt på om ett dokument följer schemat (JSON Schema 2020-12, de nyckelord schemana använder).

    jsonschema är noggrann men långsam: med 200 guider tar den flera sekunder. Nästan alla dokument
    följer schemat, och då räcker ett ja. Svaret är exakt som jsonschemas för de nyckelord som finns
    här; för allt annat kastas Unsupported. Felen och deras text kommer alltid från jsonschema.
    """

    def __init__(self, schema: dict) -> None:
        self.root = schema
        self.patterns: dict[str, re.Pattern[str]] = {}

    def is_valid(self, instance: Any, schema: Any = None) -> bool:
        schema = self.root if schema is None else schema
        if schema is True:
            return True
        if schema is False:
            return False
        if not isinstance(schema, dict):
            raise Unsupported(schema)
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS or keyword in ("then", "else"):
                continue
            if not self._keyword(keyword, value, instance, schema):
                return False
        return True

    def _keyword(self, keyword: str, value: Any, instance: Any, schema: dict) -> bool:
        if keyword == "$ref":
            return self.is_valid(instance, self._resolve(value))
        if keyword == "type":
            return any(_is_type(instance, name) for name in (value if isinstance(value, list) else [value]))
        if keyword == "enum":
            return any(_equal(instance, option) for option in value)
        if keyword == "const":
            return _equal(instance, value)
        if keyword == "not":
            return not self.is_valid(instance, value)
        if keyword == "allOf":
            return all(self.is_valid(instance, sub) for sub in value)
        if keyword == "if":
            branch = schema.get("then", True) if self.is_valid(instance, value) else schema.get("else", True)
            return self.is_valid(instance, branch)
        if isinstance(instance, dict):
            return self._object_keyword(keyword, value, instance, schema)
        if isinstance(instance, list):
            return self._array_keyword(keyword, value, instance)
        if isinstance(instance, str):
            return self._string_keyword(keyword, value, instance)
        if keyword == "minimum":
            return not _is_type(instance, "number") or instance >= value
        if keyword == "maximum":
            return not _is_type(instance, "number") or instance <= value
        if keyword in _OBJECT_KEYWORDS or keyword in _ARRAY_KEYWORDS or keyword in _STRING_KEYWORDS:
            return True  # gäller inte den här typen av värde
        raise Unsupported(keyword)

    def _object_keyword(self, keyword: str, value: Any, instance: dict, schema: dict) -> bool:
        if keyword == "properties":
            return all(self.is_valid(instance[k], sub) for k, sub in value.items() if k in instance)
        if keyword == "additionalProperties":
            known = schema.get("properties", {})
            if "patternProperties" in schema:
                raise Unsupported(keyword)
            return all(self.is_valid(v, value) for k, v in instance.items() if k not in known)
        if keyword == "required":
            return all(k in instance for k in value)
        if keyword == "propertyNames":
            return all(self.is_valid(k, value) for k in instance)
        if keyword == "minProperties":
            return len(instance) >= value
        if keyword in _ARRAY_KEYWORDS or keyword in _STRING_KEYWORDS or keyword in ("minimum", "maximum"):
            return True
        raise Unsupported(keyword)

    def _array_keyword(self, keyword: str, value: Any, instance: list) -> bool:
        if keyword == "items":
            return all(self.is_valid(item, value) for item in instance)
        if keyword == "minItems":
            return len(instance) >= value
        if keyword == "uniqueItems":
            if not value:
                return True
            if not all(isinstance(item, str) for item in instance):
                raise Unsupported(keyword)
            return len(set(instance)) == len(instance)
        if keyword in _OBJECT_KEYWORDS or keyword in _STRING_KEYWORDS or keyword in ("minimum", "maximum"):
            return True
        raise Unsupported(keyword)

    def _string_keyword(self, keyword: str, value: Any, instance: str) -> bool:
        if keyword == "minLength":
            return len(instance) >= value
        if keyword == "maxLength":
            return len(instance) <= value
        if keyword == "pattern":
            if value not in self.patterns:
                self.patterns[value] = re.compile(value)
            return self.patterns[value].search(instance) is not None
        if keyword == "format":
            if value != "date":
                raise Unsupported(keyword)
            return _is_date(instance)
        if keyword in _OBJECT_KEYWORDS or keyword in _ARRAY_KEYWORDS or keyword in ("minimum", "maximum"):
            return True
        raise Unsupported(keyword)

    def _resolve(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise Unsupported(ref)
        target: Any = self.root
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target


_OBJECT_KEYWORDS = frozenset({"properties", "additionalProperties", "required", "propertyNames", "minProperties"})
_ARRAY_KEYWORDS = frozenset({"items", "minItems", "uniqueItems"})
_STRING_KEYWORDS = frozenset({"minLength", "maxLength", "pattern", "format"})


def _is_type(instance: Any, name: str) -> bool:
    if name == "string":
        return isinstance(instance, str)
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if isinstance(instance, bool):
        return False
    if name == "integer":
        return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
    if name == "number":
        return isinstance(instance, (int, float))
    raise Unsupported(name)


def _equal(instance: Any, option: Any) -> bool:
    """Som jsonschemas jämförelse, för text. Annat (tal, listor) avgörs av jsonschema."""
    if isinstance(instance, str) or isinstance(option, str):
        return instance == option
    if instance is None and option is None:
        return True
    raise Unsupported(option)


def _is_date(instance: str) -> bool:
    if not _DATE.fullmatch(instance):
        return False
    try:
        dt.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


@cache
def _quick_check(schema_name: str) -> QuickCheck:
    return QuickCheck(_schema(schema_name))


def follows_schema(data: Any, schema_name: str) -> bool:
    """True om data följer schemat. Snabbt när QuickCheck klarar schemat, annars med jsonschema."""
    try:
        return _quick_check(schema_name).is_valid(data)
    except Unsupported:
        return _validator(schema_name).is_valid(data)


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return f"\u201d{value}\u201d"
    return json.dumps(value, ensure_ascii=False)


def _field_name(path: tuple) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "filen"


def _leaf_errors(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """Plocka fram de mest specifika felen ur if/then- och allOf-grenar."""
    if error.context:
        leaves: list[jsonschema.ValidationError] = []
        for sub in error.context:
            leaves.extend(_leaf_errors(sub))
        return leaves
    return [error]


def check_against_schema(doc: SourceDocument, schema_name: str, report: Report) -> bool:
    """Lägg till ett svenskt fel per schemafel. Returnerar True om dokumentet följer schemat."""
    if follows_schema(doc.data, schema_name):
        return True
    found = False
    seen: set[tuple] = set()
    for top in _validator(schema_name).iter_errors(doc.data):
        for error in _leaf_errors(top):
            path = tuple(error.absolute_path)
            key = (path, error.validator, str(error.validator_value))
            if key in seen:
                continue
            seen.add(key)
            found = True
            message, hint, use_key = _translate(error, path)
            if "propertyNames" in error.schema_path and isinstance(error.instance, str):
                # Felet gäller själva nyckeln (t.ex. ett nod-id), inte värdet.
                message = f"Id:t {_fmt(error.instance)} har fel form."
                location = doc.key_at((*path, error.instance))
            elif use_key:
                location = doc.key_at(tuple(error.absolute_path))
            else:
                location = doc.at(path)
            report.error(location, message, hint, code=f"schema-{error.validator}")
    return not found


def _translate(error: jsonschema.ValidationError, path: tuple) -> tuple[str, str, bool]:
    v, expected, value = error.validator, error.validator_value, error.instance
    name = _field_name(path)
    if v == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        fields = ", ".join(f"\u201d{k}\u201d" for k in missing)
        return (
            f"Fältet {fields} saknas" + (f" i \u201d{name}\u201d." if path else "."),
            "Lägg till fältet. Schemat i schemas/ visar vad som ska stå där.",
            False,
        )
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}).keys())
        extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        shown = ", ".join(f"\u201d{k}\u201d" for k in extra)
        hint = "Kontrollera stavningen (utan å, ä och ö)."
        if allowed:
            hint += " Tillåtna fält här: " + ", ".join(allowed) + "."
        bad_path = (*path, extra[0]) if extra else path
        error.absolute_path.clear()
        error.absolute_path.extend(bad_path)
        return (f"Okänt fält {shown}.", hint, True)
    if v == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        names = " eller ".join(_TYPE_NAMES.get(t, t) for t in wanted)
        return (
            f"\u201d{name}\u201d ska vara {names}, men är {_fmt(value)}.",
            "Skriv värdet i rätt form. Text med kolon behöver citattecken.",
            False,
        )
    if v == "enum" or v == "const":
        options = expected if isinstance(expected, list) else [expected]
        return (
            f"Värdet {_fmt(value)} är inte tillåtet i \u201d{name}\u201d.",
            "Välj ett av: " + ", ".join(str(o) for o in options) + ".",
            False,
        )
    if v == "pattern":
        return (
            f"{_fmt(value)} har fel form för \u201d{name}\u201d.",
            "Id:n får bara innehålla små bokstäver a–z utan å, ä, ö, siffror och bindestreck, "
            "t.ex. \u201dring-112\u201d."
            if "a-z" in str(expected)
            else f"Värdet ska följa mönstret {expected}.",
            False,
        )
    if v == "format":
        return (
            f"{_fmt(value)} är inte ett giltigt datum i \u201d{name}\u201d.",
            "Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-23.",
            False,
        )
    if v == "minItems":
        hint = _FIELD_HELP.get(name, f"Listan behöver minst {expected} rader.")
        if name == "svar":
            return ("Frågan har färre än två svarsalternativ.", hint, True)
        if name == "lagrum":
            return ("Utfallet saknar lagrum.", hint, True)
        return (f"\u201d{name}\u201d har för få rader (minst {expected}).", hint, False)
    if v == "minLength":
        return (f"\u201d{name}\u201d får inte vara tomt.", "Skriv in en text.", False)
    if v == "maxLength":
        return (f"\u201d{name}\u201d är för långt (högst {expected} tecken).", "Korta ner värdet.", False)
    if v == "minProperties":
        return (f"\u201d{name}\u201d har för få poster.", f"Det behövs minst {expected}.", False)
    if v == "uniqueItems":
        return (f"Samma värde står två gånger i \u201d{name}\u201d.", "Ta bort dubbletten.", False)
    if v == "not":
        return (
            f"{_fmt(value)} är ett reserverat namn och kan inte användas som id.",
            "Välj ett annat id.",
            False,
        )
    return (f"Värdet i \u201d{name}\u201d följer inte schemat ({error.message}).", "", False)

"""Kontroll mot JSON-schemana i schemas/, med felen översatta till svenska."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .diagnostics import Report
from .yaml_source import SourceDocument

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

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
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


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

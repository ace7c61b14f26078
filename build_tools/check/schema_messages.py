"""Schemafelen på svenska: ett fel från jsonschema blir ett meddelande med råd och plats i filen.

Det här är den enda platsen där schemafel får sin text. schema_check.py hittar felen och lämnar
dem hit tillsammans med den inlästa filen, så att texten kan utgå från det som faktiskt står där:

- en för kort text: "får inte vara tomt" sägs bara när fältet verkligen är tomt;
- ett fält som saknas: rådet säger vad fältet ska innehålla (ur tabellen nedan eller schemat);
- ett värde med fel form: "null" och JSON byts mot vad som står i filen;
- ett okänt fält som liknar ett fält som saknas är en felstavning: ett fel med förslag räcker.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jsonschema

from ..base.diagnostics import Location
from ..source.yaml_source import SourceDocument

Error = jsonschema.ValidationError

_TYPE_NAMES = {
    "string": "text",
    "object": "en samling fält (nyckel: värde)",
    "array": "en lista (rader som börjar med -)",
    "boolean": "sant eller falskt (true/false)",
    "integer": "ett heltal",
    "number": "ett tal",
}

# Råd för fält där schemats beskrivning inte räcker (när fältet saknas eller har för få rader).
FIELD_HINTS = {
    "svar": "En fråga behöver minst två svarsalternativ, annars är den ingen fråga. "
    "Lägg till ett svar, eller gör noden till ett utfall (typ: utfall).",
    "lagrum": "Varje utfall ska hänvisa till minst ett lagrum ur data/lagrum.yaml, "
    "t.ex. lagrum: [sol-anmalningsskyldighet].",
    "steg": "Skriv vad man gör nu, en rad per steg som börjar med -.",
    "nasta": "Skriv id för nästa fråga eller utfall i samma fil.",
}


@dataclass(frozen=True)
class SchemaMessage:
    code: str
    location: Location
    text: str
    hint: str


def messages(errors: list[Error], doc: SourceDocument) -> list[SchemaMessage]:
    """Ett meddelande per fel (i felens ordning). En felstavning ger bara felet om det okända fältet."""
    better, drop = _refinements(errors, doc)
    found = []
    for error in errors:
        code = f"schema-{error.validator}"
        text, hint, location = _translate(error, doc)
        if (code, location) in drop:
            continue
        text, hint = better.get((code, location), (text, hint))
        found.append(SchemaMessage(code, location, text, hint))
    return found


def slugify(text: str) -> str:
    """Ett förslag på id: 'Föreslå SIP' → 'foresla-sip'."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


# Den allmänna texten för varje slags fel.


def _translate(error: Error, doc: SourceDocument) -> tuple[str, str, Location]:
    path = tuple(error.absolute_path)
    wording = _WORDING.get(error.validator, _other)
    text, hint, key_path = wording(error, path, _field_name(path))
    if "propertyNames" in error.schema_path and isinstance(error.instance, str):
        # Felet gäller själva nyckeln (t.ex. ett nod-id), inte värdet.
        return f"Id:t {_fmt(error.instance)} har fel form.", hint, doc.key_at((*path, error.instance))
    return text, hint, doc.key_at(key_path) if key_path is not None else doc.at(path)


Wording = tuple[str, str, tuple | None]  # text, råd, och sökvägen till en nyckel när felet gäller den


def _required(error: Error, path: tuple, name: str) -> Wording:
    missing = [k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance]
    fields = ", ".join(f"\u201d{k}\u201d" for k in missing)
    return (
        f"Fältet {fields} saknas" + (f" i \u201d{name}\u201d." if path else "."),
        "Lägg till fältet. Schemat i schemas/ visar vad som ska stå där.",
        None,
    )


def _additional(error: Error, path: tuple, name: str) -> Wording:
    allowed = sorted(error.schema.get("properties", {}).keys())
    extra = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
    shown = ", ".join(f"\u201d{k}\u201d" for k in extra)
    hint = "Kontrollera stavningen (utan å, ä och ö)."
    if allowed:
        hint += " Tillåtna fält här: " + ", ".join(allowed) + "."
    return f"Okänt fält {shown}.", hint, (*path, extra[0]) if extra else path


def _type(error: Error, path: tuple, name: str) -> Wording:
    expected = error.validator_value
    names = " eller ".join(_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
    return (
        f"\u201d{name}\u201d ska vara {names}, men är {_fmt(error.instance)}.",
        "Skriv värdet i rätt form. Text med kolon behöver citattecken.",
        None,
    )


def _enum(error: Error, path: tuple, name: str) -> Wording:
    expected = error.validator_value
    options = expected if isinstance(expected, list) else [expected]
    return (
        f"Värdet {_fmt(error.instance)} är inte tillåtet i \u201d{name}\u201d.",
        "Välj ett av: " + ", ".join(str(o) for o in options) + ".",
        None,
    )


def _pattern(error: Error, path: tuple, name: str) -> Wording:
    expected = error.validator_value
    hint = (
        "Id:n får bara innehålla små bokstäver a–z utan å, ä, ö, siffror och bindestreck, t.ex. \u201dring-112\u201d."
        if "a-z" in str(expected)
        else f"Värdet ska följa mönstret {expected}."
    )
    return f"{_fmt(error.instance)} har fel form för \u201d{name}\u201d.", hint, None


def _min_items(error: Error, path: tuple, name: str) -> Wording:
    hint = FIELD_HINTS.get(name, f"Listan behöver minst {error.validator_value} rader.")
    if name == "svar":
        return "Frågan har färre än två svarsalternativ.", hint, path
    if name == "lagrum":
        return "Utfallet saknar lagrum.", hint, path
    return f"\u201d{name}\u201d har för få rader (minst {error.validator_value}).", hint, None


def _simple(text: str, hint: str) -> Callable[[Error, tuple, str], Wording]:
    def wording(error: Error, path: tuple, name: str) -> Wording:
        values = {"name": name, "expected": error.validator_value, "value": _fmt(error.instance)}
        return text.format(**values), hint.format(**values), None

    return wording


def _other(error: Error, path: tuple, name: str) -> Wording:
    return f"Värdet i \u201d{name}\u201d följer inte schemat ({error.message}).", "", None


_WORDING: dict[str, Callable[[Error, tuple, str], Wording]] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "pattern": _pattern,
    "minItems": _min_items,
    "format": _simple(
        "{value} är inte ett giltigt datum i \u201d{name}\u201d.", "Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-23."
    ),
    "minLength": _simple("\u201d{name}\u201d får inte vara tomt.", "Skriv in en text."),
    "maxLength": _simple("\u201d{name}\u201d är för långt (högst {expected} tecken).", "Korta ner värdet."),
    "minProperties": _simple("\u201d{name}\u201d har för få poster.", "Det behövs minst {expected}."),
    "uniqueItems": _simple("Samma värde står två gånger i \u201d{name}\u201d.", "Ta bort dubbletten."),
    "not": _simple("{value} är ett reserverat namn och kan inte användas som id.", "Välj ett annat id."),
}


# Tydligare text när värdet i filen visar vad som är fel.


def _refinements(errors: list[Error], doc: SourceDocument) -> tuple[dict[tuple, tuple[str, str]], set[tuple]]:
    """(bättre text per (kod, plats), fel som ska bort) för felen i en fil."""
    better: dict[tuple, tuple[str, str]] = {}
    for error in errors:
        rewritten = _rewrite(error)
        if rewritten:
            better.setdefault((f"schema-{error.validator}", doc.at(tuple(error.absolute_path))), rewritten)
    drop = _misspelled_fields(errors, doc, better)
    return better, drop


def _rewrite(error: Error) -> tuple[str, str] | None:
    rewrite = {"minLength": _short_text, "required": _missing_field, "pattern": _bad_id, "type": _wrong_type}
    return (
        rewrite[error.validator](error, _field_name(tuple(error.absolute_path))) if error.validator in rewrite else None
    )


def _short_text(error: Error, name: str) -> tuple[str, str] | None:
    if not isinstance(error.instance, str) or not error.instance.strip():
        return None
    need = error.validator_value
    return (
        f"\u201d{name}\u201d är för kort: {len(error.instance.strip())} tecken, men det behövs minst {need}.",
        f"Skriv en längre text, minst {need} tecken.",
    )


def _missing_field(error: Error, name: str) -> tuple[str, str] | None:
    if not isinstance(error.instance, dict):
        return None
    missing = [k for k in error.validator_value if k not in error.instance]
    if len(missing) != 1:
        return None
    field = missing[0]
    described = error.schema.get("properties", {}).get(field, {}).get("description", "")
    advice = FIELD_HINTS.get(field) or described
    where = f" i \u201d{name}\u201d" if error.absolute_path else ""
    return (
        f"Fältet \u201d{field}\u201d saknas{where}.",
        f"Lägg till {field}:" + (f" {advice}" if advice else " (se schemareferensen i redaktörshandboken)."),
    )


def _bad_id(error: Error, name: str) -> tuple[str, str] | None:
    if not isinstance(error.instance, str) or "a-z0-9" not in str(error.validator_value):
        return None
    if "lagrum" in [p for p in error.absolute_path if isinstance(p, str)] or name == "lagandring":
        return (
            f"\u201d{error.instance}\u201d är inte ett id ur lagrumsregistret.",
            "Skriv lagrummets id ur data/lagrum.yaml, t.ex. sol-anmalningsskyldighet, inte paragrafen. "
            "Sajten visar paragrafen när den är kontrollerad.",
        )
    proposal = slugify(error.instance)
    if not proposal or proposal == error.instance:
        return None
    return (
        f"\u201d{error.instance}\u201d har fel form för \u201d{name}\u201d. Menade du \u201d{proposal}\u201d?",
        "Id:n får bara innehålla små bokstäver a–z utan å, ä och ö, siffror och bindestreck.",
    )


def _wrong_type(error: Error, name: str) -> tuple[str, str] | None:
    if error.instance is None:
        what = "en lista (rader som börjar med -)" if error.validator_value == "array" else "text"
        return (
            f"\u201d{name}\u201d är tomt, men ska vara {what}.",
            "Fyll i värdet, eller ta bort raden om fältet inte behövs.",
        )
    if error.validator_value == "string" and isinstance(error.instance, dict):
        shown = _excerpt(error.instance)
        return (
            f"Texten \u201d{shown}\u201d i \u201d{name}\u201d innehåller ett kolon följt av mellanslag, "
            "så den lästes som fält och värde.",
            f'Sätt citattecken runt hela texten: "{shown}"',
        )
    return None


_REWRITES: dict[str, Callable[[Error, str], tuple[str, str] | None]] = {
    "minLength": _short_text,
    "required": _missing_field,
    "pattern": _bad_id,
    "type": _wrong_type,
}


def _misspelled_fields(errors: list[Error], doc: SourceDocument, better: dict[tuple, tuple[str, str]]) -> set[tuple]:
    """Ett okänt fält som liknar ett fält som saknas är en felstavning: ett fel räcker.

    Felet om det okända fältet får förslaget ("Menade du …?"), och felet om att fältet saknas tas bort."""
    drop: set[tuple] = set()
    missing = {
        tuple(e.absolute_path): [k for k in e.validator_value if k not in e.instance]
        for e in errors
        if e.validator == "required" and isinstance(e.instance, dict)
    }
    for error in errors:
        if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
            continue
        path = tuple(error.absolute_path)
        allowed = list(error.schema.get("properties", {}))
        for extra in (k for k in error.instance if k not in allowed):
            close = difflib.get_close_matches(extra, missing.get(path, []), n=1, cutoff=0.6)
            if not close:
                continue
            better[("schema-additionalProperties", doc.key_at((*path, extra)))] = (
                f"Okänt fält \u201d{extra}\u201d. Menade du \u201d{close[0]}\u201d?",
                f"Byt namn på fältet till {close[0]} (utan å, ä och ö).",
            )
            drop.add(("schema-required", doc.at(path)))
    return drop


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return f"\u201d{value}\u201d"
    return json.dumps(value, ensure_ascii=False)


def _field_name(path: tuple) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "filen")


def _excerpt(value: object) -> str:
    if isinstance(value, dict) and len(value) == 1:
        key, inner = next(iter(value.items()))
        text = f"{key}: {inner}" if isinstance(inner, str) else str(key)
    else:
        text = str(value)
    return text if len(text) <= 50 else text[:47] + "…"

"""Tydligare meddelanden för några schemafel.

Schemakontrollen (schema_check.py) översätter JSON Schema-fel till svenska. För tre vanliga fel
räcker inte den allmänna texten för en redaktör, så här skrivs de om med värdet och schemat framför
oss:

- en för kort text: "får inte vara tomt" stämmer bara när fältet verkligen är tomt;
- ett fält som saknas: rådet säger vad fältet ska innehålla (ur schemats beskrivning);
- ett värde med fel form: "null" och JSON byts mot vad som faktiskt står i filen.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

import jsonschema

from ..base.diagnostics import Diagnostic, Report
from ..source.yaml_source import SourceDocument, parse_yaml

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
_REFINED = {"schema-minLength", "schema-required", "schema-type", "schema-pattern"}
_MODELINE = re.compile(r"\$schema=(?:\.\./)*schemas/([\w.-]+\.json)")

# Råd för fält där schemats beskrivning inte räcker.
FIELD_HINTS = {
    "lagrum": "Skriv en lista med id:n ur data/lagrum.yaml, t.ex. lagrum: [sol-anmalningsskyldighet].",
    "steg": "Skriv vad man gör nu, en rad per steg som börjar med -.",
    "nasta": "Skriv id för nästa fråga eller utfall i samma fil.",
}


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _schema_for(path: Path, text: str) -> tuple[str, str, int] | None:
    """(schemats filnamn, YAML-text, första raden) för en innehållsfil."""
    if path.suffix == ".md":
        lines = text.splitlines(keepends=True)
        if not lines or lines[0].strip() != "---":
            return None
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        return ("kapitel.schema.json", "".join(lines[1:end]), 2) if end else None
    match = _MODELINE.search(text.split("\n", 1)[0])
    if match and (SCHEMA_DIR / match.group(1)).exists():
        return match.group(1), text, 1
    if path.parent.name == "decision_trees":
        return "beslutstrad.schema.json", text, 1
    return None


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    if error.context:
        return [leaf for sub in error.context for leaf in _leaves(sub)]
    return [error]


def slugify(text: str) -> str:
    """Ett förslag på id: 'Föreslå SIP' → 'foresla-sip'."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _name(path: tuple) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "filen")


def _excerpt(value: object) -> str:
    if isinstance(value, dict) and len(value) == 1:
        key, inner = next(iter(value.items()))
        text = f"{key}: {inner}" if isinstance(inner, str) else str(key)
    else:
        text = str(value)
    return text if len(text) <= 50 else text[:47] + "…"


def _rewrite(error: jsonschema.ValidationError, doc: SourceDocument) -> tuple[str, str] | None:
    path = tuple(error.absolute_path)
    name = _name(path)
    if error.validator == "minLength" and isinstance(error.instance, str):
        if not error.instance.strip():
            return None
        need = error.validator_value
        return (
            f"\u201d{name}\u201d är för kort: {len(error.instance.strip())} tecken, men det behövs minst {need}.",
            f"Skriv en längre text, minst {need} tecken.",
        )
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.validator_value if k not in error.instance]
        if len(missing) != 1:
            return None
        field = missing[0]
        described = error.schema.get("properties", {}).get(field, {}).get("description", "")
        advice = FIELD_HINTS.get(field) or described
        where = f" i \u201d{name}\u201d" if path else ""
        return (
            f"Fältet \u201d{field}\u201d saknas{where}.",
            f"Lägg till {field}:" + (f" {advice}" if advice else " (se schemareferensen i redaktörshandboken)."),
        )
    if error.validator == "pattern" and isinstance(error.instance, str) and "a-z0-9" in str(error.validator_value):
        in_lagrum = "lagrum" in [p for p in path if isinstance(p, str)] or name == "lagandring"
        if in_lagrum:
            return (
                f"\u201d{error.instance}\u201d är inte ett id ur lagrumsregistret.",
                "Skriv lagrummets id ur data/lagrum.yaml, t.ex. sol-anmalningsskyldighet, inte paragrafen. "
                "Sajten visar paragrafen när den är kontrollerad.",
            )
        proposal = slugify(error.instance)
        if proposal and proposal != error.instance:
            return (
                f"\u201d{error.instance}\u201d har fel form för \u201d{name}\u201d. Menade du \u201d{proposal}\u201d?",
                "Id:n får bara innehålla små bokstäver a–z utan å, ä och ö, siffror och bindestreck.",
            )
        return None
    if error.validator == "type":
        wanted = error.validator_value
        if error.instance is None:
            what = "en lista (rader som börjar med -)" if wanted == "array" else "text"
            return (
                f"\u201d{name}\u201d är tomt, men ska vara {what}.",
                "Fyll i värdet, eller ta bort raden om fältet inte behövs.",
            )
        if wanted == "string" and isinstance(error.instance, dict):
            shown = _excerpt(error.instance)
            return (
                f"Texten \u201d{shown}\u201d i \u201d{name}\u201d innehåller ett kolon följt av mellanslag, "
                "så den lästes som fält och värde.",
                f'Sätt citattecken runt hela texten: "{shown}"',
            )
    return None


def refine(report: Report) -> None:
    """Skriv om de schemafel som kan sägas tydligare. Påverkar inte vilka fel som finns."""
    paths = {d.location.path for d in report.items if d.code in _REFINED}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = _schema_for(path, text)
        if found is None:
            continue
        schema_name, yaml_text, first_line = found
        doc = parse_yaml(yaml_text, path, Report(), first_line=first_line)
        if doc is None:
            continue
        better: dict[tuple, tuple[str, str]] = {}
        leaves = [leaf for top in _validator(schema_name).iter_errors(doc.data) for leaf in _leaves(top)]
        for leaf in leaves:
            rewritten = _rewrite(leaf, doc)
            if rewritten:
                key = (f"schema-{leaf.validator}", doc.at(tuple(leaf.absolute_path)))
                better.setdefault(key, rewritten)
        drop = _misspelled_fields(leaves, doc, better)
        if better or drop:
            report.items = [_replace(d, better) for d in report.items if (d.code, d.location) not in drop]


def _misspelled_fields(leaves: list, doc: SourceDocument, better: dict[tuple, tuple[str, str]]) -> set[tuple]:
    """Ett okänt fält som liknar ett fält som saknas är en felstavning: ett fel räcker.

    Felet om det okända fältet får förslaget ("Menade du …?"), och felet om att fältet saknas tas bort."""
    drop: set[tuple] = set()
    missing = {
        tuple(e.absolute_path): [k for k in e.validator_value if k not in e.instance]
        for e in leaves
        if e.validator == "required" and isinstance(e.instance, dict)
    }
    for error in leaves:
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


def _replace(d: Diagnostic, better: dict[tuple, tuple[str, str]]) -> Diagnostic:
    found = better.get((d.code, d.location))
    return replace(d, message=found[0], hint=found[1]) if found else d

"""Kontroll mot JSON-schemana i schemas/. Felens svenska text skrivs i schema_messages.py."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ..base.diagnostics import Report
from ..source.yaml_source import SourceDocument
from .schema_messages import messages
from .schema_quick import QuickCheck, Unsupported

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@cache
def _schema(schema_name: str) -> dict:
    return json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        _schema(schema_name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@cache
def _quick_check(schema_name: str) -> QuickCheck:
    return QuickCheck(_schema(schema_name))


def follows_schema(data: Any, schema_name: str) -> bool:
    """True om data följer schemat. Snabbt när QuickCheck klarar schemat, annars med jsonschema."""
    try:
        return _quick_check(schema_name).is_valid(data)
    except Unsupported:
        return _validator(schema_name).is_valid(data)


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
    errors = _distinct(leaf for top in _validator(schema_name).iter_errors(doc.data) for leaf in _leaf_errors(top))
    for message in messages(errors, doc):
        report.error(message.location, message.text, message.hint, code=message.code)
    return not errors


def _distinct(errors: Iterable[jsonschema.ValidationError]) -> list[jsonschema.ValidationError]:
    """Samma fel på samma ställe (t.ex. från två grenar av ett allOf) bara en gång."""
    seen: set[tuple] = set()
    found = []
    for error in errors:
        key = (tuple(error.absolute_path), error.validator, str(error.validator_value))
        if key not in seen:
            seen.add(key)
            found.append(error)
    return found

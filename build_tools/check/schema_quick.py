"""Ett snabbt ja eller nej på om ett dokument följer sitt JSON-schema.

Bara ett snabbspår framför jsonschema: felen och deras text kommer alltid från jsonschema
(schema_check.py) och skrivs på svenska i schema_messages.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any


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
        self.refs: dict[str, Any] = {}  # $ref → delschemat (slås upp en gång)

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
        if ref not in self.refs:
            self.refs[ref] = self._lookup(ref)
        return self.refs[ref]

    def _lookup(self, ref: str) -> Any:
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

"""Ett snabbt ja eller nej på om ett dokument följer sitt JSON-schema.

Bara ett snabbspår framför jsonschema: felen och deras text kommer alltid från jsonschema
(schema_check.py) och skrivs på svenska i schema_messages.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any


class Unsupported(Exception):
    """Schemat eller värdet använder något som QuickCheck inte kan avgöra exakt."""


# Nyckelord som bara beskriver och inte kontrollerar något.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


Check = Callable[[Any], bool]


def _yes(instance: Any) -> bool:
    return True


def _no(instance: Any) -> bool:
    return False


def _unsupported(what: Any) -> Check:
    def check(instance: Any) -> bool:
        raise Unsupported(what)

    return check


def _every(checks: tuple[Check, ...]) -> Check:
    if not checks:
        return _yes
    if len(checks) == 1:
        return checks[0]

    def check(instance: Any) -> bool:
        for one in checks:  # noqa: SIM110 (en slinga är snabbare än all() med en generator här)
            if not one(instance):
                return False
        return True

    return check


class QuickCheck:
    """Svarar snabbt på om ett dokument följer schemat (JSON Schema 2020-12, de nyckelord schemana använder).

    jsonschema är noggrann men långsam: med 200 guider tar den flera sekunder. Nästan alla dokument
    följer schemat, och då räcker ett ja. Svaret är exakt som jsonschemas för de nyckelord som finns
    här; för allt annat kastas Unsupported. Felen och deras text kommer alltid från jsonschema.

    Schemat görs om till vanliga Python-funktioner en gång (``_compile``), inte tolkas på nytt för
    varje värde. Ett nyckelord som inte stöds kastar Unsupported först när ett värde når det.
    """

    def __init__(self, schema: dict) -> None:
        self.root = schema
        self.refs: dict[str, Any] = {}  # $ref → delschemat (slås upp en gång)
        self._compiled: dict[int, tuple[Any, Check]] = {}  # id(delschema) → (delschemat, funktionen)

    def is_valid(self, instance: Any, schema: Any = None) -> bool:
        return self._check_for(self.root if schema is None else schema)(instance)

    def _check_for(self, schema: Any) -> Check:
        found = self._compiled.get(id(schema))
        if found is None:
            found = (schema, self._compile(schema))  # delschemat hålls kvar, så att id:t inte återanvänds
            self._compiled[id(schema)] = found
        return found[1]

    def _compile(self, schema: Any) -> Check:
        if schema is True:
            return _yes
        if schema is False:
            return _no
        if not isinstance(schema, dict):
            return _unsupported(schema)
        checks = tuple(
            self._keyword(keyword, value, schema)
            for keyword, value in schema.items()
            if keyword not in _ANNOTATIONS and keyword not in ("then", "else")
        )
        return _every(checks)

    def _keyword(self, keyword: str, value: Any, schema: dict) -> Check:
        if keyword == "$ref":
            return lambda instance: self._check_for(self._resolve(value))(instance)
        if keyword == "type":
            return _type_check(value if isinstance(value, list) else [value])
        if keyword == "enum":
            return _enum_check(value)
        if keyword == "const":
            return lambda instance: _equal(instance, value)
        if keyword == "not":
            sub = self._check_for(value)
            return lambda instance: not sub(instance)
        if keyword == "allOf":
            return _every(tuple(self._check_for(sub) for sub in value))
        if keyword == "if":
            test = self._check_for(value)
            then, otherwise = self._check_for(schema.get("then", True)), self._check_for(schema.get("else", True))
            return lambda instance: then(instance) if test(instance) else otherwise(instance)
        return self._by_type(keyword, value, schema)

    def _by_type(self, keyword: str, value: Any, schema: dict) -> Check:
        """Nyckelord som bara gäller en sorts värde (samling, lista, text, tal)."""
        for_object = self._object_keyword(keyword, value, schema)
        for_array = self._array_keyword(keyword, value)
        for_string = _string_keyword(keyword, value)
        for_other = _other_keyword(keyword, value)

        def check(instance: Any) -> bool:
            if isinstance(instance, dict):
                return for_object(instance)
            if isinstance(instance, list):
                return for_array(instance)
            if isinstance(instance, str):
                return for_string(instance)
            return for_other(instance)

        return check

    def _object_keyword(self, keyword: str, value: Any, schema: dict) -> Check:
        if keyword == "properties":
            subs = tuple((key, self._check_for(sub)) for key, sub in value.items())
            return lambda instance: all(sub(instance[k]) for k, sub in subs if k in instance)
        if keyword == "additionalProperties":
            known = schema.get("properties", {})
            if "patternProperties" in schema:
                return _unsupported(keyword)
            sub = self._check_for(value)
            return lambda instance: all(sub(v) for k, v in instance.items() if k not in known)
        if keyword == "required":
            return lambda instance: all(k in instance for k in value)
        if keyword == "propertyNames":
            sub = self._check_for(value)
            return lambda instance: all(sub(k) for k in instance)
        if keyword == "minProperties":
            return lambda instance: len(instance) >= value
        if keyword in _ARRAY_KEYWORDS or keyword in _STRING_KEYWORDS or keyword in ("minimum", "maximum"):
            return _yes
        return _unsupported(keyword)

    def _array_keyword(self, keyword: str, value: Any) -> Check:
        if keyword == "items":
            sub = self._check_for(value)
            return lambda instance: all(sub(item) for item in instance)
        if keyword == "minItems":
            return lambda instance: len(instance) >= value
        if keyword == "uniqueItems":
            return _unique_check if value else _yes
        if keyword in _OBJECT_KEYWORDS or keyword in _STRING_KEYWORDS or keyword in ("minimum", "maximum"):
            return _yes
        return _unsupported(keyword)

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


def _unique_check(instance: list) -> bool:
    if not all(isinstance(item, str) for item in instance):
        raise Unsupported("uniqueItems")
    return len(set(instance)) == len(instance)


def _string_keyword(keyword: str, value: Any) -> Check:
    if keyword == "minLength":
        return lambda instance: len(instance) >= value
    if keyword == "maxLength":
        return lambda instance: len(instance) <= value
    if keyword == "pattern":
        search = _pattern(value)
        return lambda instance: search(instance) is not None
    if keyword == "format":
        return _is_date if value == "date" else _unsupported(keyword)
    if keyword in _OBJECT_KEYWORDS or keyword in _ARRAY_KEYWORDS or keyword in ("minimum", "maximum"):
        return _yes
    return _unsupported(keyword)


def _pattern(value: str) -> Callable[[str], Any]:
    try:
        return re.compile(value).search
    except re.error:  # som förut: felet först när en text prövas mot mönstret

        def search(instance: str) -> Any:
            return re.compile(value).search(instance)

        return search


def _other_keyword(keyword: str, value: Any) -> Check:
    """Tal, sant/falskt och tomt värde."""
    if keyword == "minimum":
        return lambda instance: not _is_type(instance, "number") or instance >= value
    if keyword == "maximum":
        return lambda instance: not _is_type(instance, "number") or instance <= value
    if keyword in _OBJECT_KEYWORDS or keyword in _ARRAY_KEYWORDS or keyword in _STRING_KEYWORDS:
        return _yes
    return _unsupported(keyword)


_SIMPLE_TYPES: dict[str, Check] = {
    "string": lambda instance: isinstance(instance, str),
    "object": lambda instance: isinstance(instance, dict),
    "array": lambda instance: isinstance(instance, list),
    "boolean": lambda instance: isinstance(instance, bool),
    "null": lambda instance: instance is None,
}


def _type_check(names: list[str]) -> Check:
    tests = tuple(_SIMPLE_TYPES.get(name) or (lambda instance, name=name: _is_type(instance, name)) for name in names)
    if len(tests) == 1:
        return tests[0]
    return lambda instance: any(test(instance) for test in tests)


def _enum_check(options: list[Any]) -> Check:
    if all(type(option) is str for option in options):
        texts = frozenset(options)
        return lambda instance: (
            instance in texts if type(instance) is str else any(_equal(instance, o) for o in options)
        )
    return lambda instance: any(_equal(instance, option) for option in options)


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

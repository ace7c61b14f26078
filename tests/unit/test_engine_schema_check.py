"""Snabbkontrollen mot schemat svarar exakt som jsonschema, och felen kommer fortfarande från jsonschema."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from build_tools.base.diagnostics import Report
from build_tools.check.schema_check import _schema, _validator, check_against_schema
from build_tools.check.schema_quick import QuickCheck, Unsupported
from build_tools.source.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_SCHEMAS = {
    "lagrum.yaml": "lagrum.schema.json",
    "ordlista.yaml": "ordlista.schema.json",
    "stadsdelar.yaml": "stadsdelar.schema.json",
    "overenskommelser.yaml": "overenskommelser.schema.json",
    "overenskommelse_mall.yaml": "overenskommelse-mall.schema.json",
    "ovningsfall.yaml": "ovningsfall.schema.json",
    "sokord.yaml": "sokord.schema.json",
}
# Värden som en redaktör av misstag kan skriva i stället för det rätta.
REPLACEMENTS = ("", "X Y", "index", "2026-13-45", "2026-02-30", 5, 2.5, True, None, [], {}, ["a", "a"], "a" * 70)


def _documents() -> list[tuple[str, object]]:
    docs = []
    for name, schema in DATA_SCHEMAS.items():
        doc = load_yaml(ROOT / "data" / name, Report())
        assert doc is not None
        docs.append((schema, doc.data))
    for path in sorted((ROOT / "decision_trees").glob("*.yaml")):
        doc = load_yaml(path, Report())
        assert doc is not None
        docs.append(("beslutstrad.schema.json", doc.data))
    return docs


def _paths(value, at=()):
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*at, index))


def _mutate(data, rng: random.Random):
    data = copy.deepcopy(data)
    path = rng.choice([p for p in _paths(data) if p])
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = rng.randrange(4)
    if action == 0 and isinstance(parent, dict):
        del parent[last]
    elif action == 1 and isinstance(parent, dict):
        parent["okant-falt"] = "x"
    elif action == 2 and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    else:
        parent[last] = copy.deepcopy(rng.choice(REPLACEMENTS))
    return data


def _agree(schema_name: str, data) -> bool:
    try:
        quick = QuickCheck(_schema(schema_name)).is_valid(data)
    except Unsupported:
        return True
    return quick == _validator(schema_name).is_valid(data)


def test_quick_check_accepts_all_real_content():
    for schema_name, data in _documents():
        assert QuickCheck(_schema(schema_name)).is_valid(data), schema_name


@pytest.mark.parametrize("seed", range(2))
def test_quick_check_agrees_with_jsonschema_on_broken_documents(seed):
    rng = random.Random(seed)
    invalid = 0
    for schema_name, data in _documents():
        for _ in range(20):
            broken = _mutate(data, rng)
            assert _agree(schema_name, broken), (schema_name, broken)
            invalid += not _validator(schema_name).is_valid(broken)
    assert invalid > 60  # mutationerna ger verkligen fel, så jämförelsen prövar något


def test_errors_still_come_from_jsonschema(tmp_path):
    path = tmp_path / "guide.yaml"
    source = (ROOT / "decision_trees" / "upprepad-franvaro.yaml").read_text(encoding="utf-8")
    path.write_text(source.replace("typ: utfall", "typ: utfal", 1), encoding="utf-8")
    report = Report()
    doc = load_yaml(path, report)
    assert doc is not None
    assert not check_against_schema(doc, "beslutstrad.schema.json", report)
    assert [d.code for d in report.errors] == ["schema-enum"]


def test_unknown_keyword_is_not_guessed():
    with pytest.raises(Unsupported):
        QuickCheck({"type": "string", "contentEncoding": "base64"}).is_valid("x")
    with pytest.raises(Unsupported):
        QuickCheck({"$ref": "annat.schema.json#/$defs/slug"}).is_valid("x")

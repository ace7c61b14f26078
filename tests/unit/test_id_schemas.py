"""Editorns scheman med id-listor (schemas/generated/) är aktuella och godkänner innehållet."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import referencing

from build_tools.diagnostics import Report
from build_tools.id_schemas import planned_files, stale_files
from build_tools.project import Layout, load_project
from build_tools.yaml_source import load_yaml, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "schemas" / "generated"


@pytest.fixture(scope="module")
def project():
    loaded, report = load_project(Layout(ROOT), dt.date.today())
    assert report.ok
    return loaded


def _validator(name: str) -> jsonschema.Draft202012Validator:
    resources = [
        (path.name, referencing.Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in GENERATED.glob("*.json")
    ]
    registry = referencing.Registry().with_resources(resources)
    schema = json.loads((GENERATED / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_generated_schemas_are_up_to_date(project):
    assert stale_files(project, ROOT / "schemas") == [], "Kör: python -m build_tools scheman"


def test_lagrum_and_guide_ids_are_listed(project):
    ids = json.loads(planned_files(project, ROOT / "schemas")["ids.schema.json"])["$defs"]
    assert set(ids["lagrum-id"]["enum"]) == set(project.lagrum)
    assert set(ids["guide-id"]["enum"]) == set(project.trees)
    assert len(ids["lagrum-id"]["enumDescriptions"]) == len(project.lagrum)


@pytest.mark.parametrize(
    ("pattern", "schema"),
    [
        ("decision_trees/*.yaml", "beslutstrad.schema.json"),
        ("data/ovningsfall.yaml", "ovningsfall.schema.json"),
        ("data/ordlista.yaml", "ordlista.schema.json"),
        ("data/overenskommelser.yaml", "overenskommelser.schema.json"),
        ("data/overenskommelse_mall.yaml", "overenskommelse-mall.schema.json"),
    ],
)
def test_content_validates_against_the_editor_schemas(pattern, schema):
    validator = _validator(schema)
    for path in sorted(ROOT.glob(pattern)):
        doc = load_yaml(path, Report())
        errors = [e.message for e in validator.iter_errors(doc.data)]
        assert errors == [], f"{path.name}: {errors[:3]}"


def test_chapter_front_matter_validates_against_the_editor_schema():
    validator = _validator("kapitel.schema.json")
    for path in sorted((ROOT / "guides").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        doc = parse_yaml(front, path, Report(), first_line=2)
        assert [e.message for e in validator.iter_errors(doc.data)] == [], path.name

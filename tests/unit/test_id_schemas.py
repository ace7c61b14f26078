"""Editorns scheman med id-listor (schemas/generated/) godkänner innehållet och listar alla id:n.

Testerna använder scheman som skapas i minnet ur dagens innehåll, inte filerna på disk: att filerna
är inaktuella är en varning från check (scheman-inaktuella), inte ett fel."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import referencing

from build_tools.base.diagnostics import Report
from build_tools.load.id_schemas import planned_files
from build_tools.load.project import Layout, load_project
from build_tools.source.yaml_source import load_yaml, parse_yaml
from tests.content import TEST_DAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project():
    loaded, report = load_project(Layout(ROOT), TEST_DAY)
    assert report.ok
    return loaded


@pytest.fixture(scope="module")
def planned(project) -> dict[str, dict]:
    return {name: json.loads(text) for name, text in planned_files(project, ROOT / "schemas").items()}


def _validator(planned: dict[str, dict], name: str) -> jsonschema.Draft202012Validator:
    resources = [(key, referencing.Resource.from_contents(value)) for key, value in planned.items()]
    registry = referencing.Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(planned[name], registry=registry)


def test_lagrum_and_guide_ids_are_listed(project, planned):
    ids = planned["ids.schema.json"]["$defs"]
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
def test_content_validates_against_the_editor_schemas(planned, pattern, schema):
    validator = _validator(planned, schema)
    for path in sorted(ROOT.glob(pattern)):
        doc = load_yaml(path, Report())
        errors = [e.message for e in validator.iter_errors(doc.data)]
        assert errors == [], f"{path.name}: {errors[:3]}"


def test_chapter_front_matter_validates_against_the_editor_schema(planned):
    validator = _validator(planned, "kapitel.schema.json")
    for path in sorted((ROOT / "guides").rglob("*.md")):
        if path.name == "README.md":  # mappens förklaring, ingen sida
            continue
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        doc = parse_yaml(front, path, Report(), first_line=2)
        assert [e.message for e in validator.iter_errors(doc.data)] == [], path.name

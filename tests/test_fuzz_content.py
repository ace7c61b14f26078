"""Slumpade fel i innehållet ger alltid ett svenskt fel med fil, och aldrig en krasch.

Samma ändringar som build_tools/devtools/fuzz_content.py (som kör tusentals fall och skriver ut antalet krascher
och häng), här med hypothesis och ett måttligt antal fall så att testsviten förblir snabb:

- YAML-tolkningen: godtycklig text byggd av YAML-bitar, hänvisningar, typmärken, djup nästling och
  styrtecken ger fel med rad och kolumn, aldrig ett undantag. (Tiden mäter fuzzskriptet, inte testet.)
- Hela innehållet: en ändrad kopia läses in med load_project; går den igenom kontrollen byggs den.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.base.diagnostics import Report
from build_tools.devtools.fuzz_content import (
    REPRODUCERS,
    TOKENS,
    Worker,
    alias_bomb,
    deep_nesting,
    mutate,
    restore,
    unsafe_output,
)
from build_tools.load.project import Layout, load_project
from build_tools.render.site import write_site
from build_tools.source.yaml_source import parse_yaml
from tests.content import TEST_DAY

PIECES = [*TOKENS, "nyckel", "värde", "  ", "\n  - ", "\n- ", ": x\n", alias_bomb(9), deep_nesting(2000, True)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25), st.text(max_size=30))
def test_yaml_reading_never_raises(pieces, noise):
    text = "".join(pieces) + noise
    report = Report()
    doc = parse_yaml(text, Path("innehall.yaml"), report)
    if doc is None:
        assert report.errors, "en fil som inte går att läsa ska ge ett fel"
    for error in report.errors:
        assert error.location.line >= 1 and error.message and error.code
        assert error.location.path == Path("innehall.yaml")


@pytest.fixture(scope="module")
def worker():
    return Worker(TEST_DAY)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2**32))
def test_changed_content_gives_a_swedish_error_or_builds(worker, seed):
    changed = mutate(worker.root, random.Random(seed))
    try:
        project, report = load_project(Layout(worker.root), TEST_DAY)
        for error in report.errors:
            assert error.message and error.code and error.location.path, error
        if report.ok:
            write_site(project, Layout(worker.root))  # inget som går igenom check får krascha bygget
            assert unsafe_output(worker.root) == ""  # och inget i sidorna får kunna köras
    finally:
        restore(worker.root, [worker.root / c.split("#")[0] for c in changed])


@pytest.mark.parametrize("reproducer", REPRODUCERS, ids=range(len(REPRODUCERS)))
def test_each_reproducer_from_the_december_probe_is_a_swedish_error(worker, reproducer):
    path = worker.root / "guides" / "stod" / "bus.md"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + reproducer, encoding="utf-8")
    try:
        _, report = load_project(Layout(worker.root), TEST_DAY)
    finally:
        restore(worker.root, [path])
    first_new_line = original.count("\n") + 1
    errors = [d for d in report.errors if d.location.path == path]
    assert errors and all(d.location.line >= first_new_line and d.location.column >= 1 for d in errors), errors
    safety = {"html", "farlig-lank", "styrtecken", "riktningstecken", "markdown-djup"}
    codes = {d.code for d in errors}
    assert codes & safety and codes <= safety | {"trasig-lank"}, codes  # java&#10;script: är också en trasig länk

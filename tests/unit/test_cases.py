"""Övningsfallen kontrolleras mot guiden: svaren ska leda till fallets utfall."""

from __future__ import annotations

import datetime as dt

from build_tools.domain.graph import follow
from build_tools.load.project import Layout, load_project
from tests.helpers import line_of, make_project

TODAY = dt.date(2026, 11, 23)


def load_with_cases(tmp_path, edit=None):
    root = make_project(tmp_path)
    path = root / "data" / "ovningsfall.yaml"
    text = path.read_text(encoding="utf-8")
    if edit:
        text = edit(text)
        path.write_text(text, encoding="utf-8")
    project, report = load_project(Layout(root), TODAY)
    return project, report, text


def test_valid_case_loads(tmp_path):
    project, report, _ = load_with_cases(tmp_path)
    assert report.errors == []
    assert [c.id for c in project.cases] == ["blamarken"]


def test_case_that_reaches_another_outcome_is_rejected(tmp_path):
    _, report, text = load_with_cases(tmp_path, lambda t: t.replace("utfall: anmal", "utfall: radgor"))
    assert len(report.errors) == 1
    error = report.errors[0]
    assert error.location.line == line_of(text, "utfall: radgor")
    assert "leder till utfallet ”anmal”, inte till ”radgor”" in error.message


def test_case_with_answers_in_wrong_order(tmp_path):
    _, report, text = load_with_cases(tmp_path, lambda t: t.replace("nod: fara", "nod: oro", 1))
    assert len(report.errors) == 1
    assert "guiden ställer frågan ”fara” här" in report.errors[0].message
    assert report.errors[0].location.line == line_of(text, "- nod: oro")


def test_case_with_unknown_answer(tmp_path):
    _, report, _ = load_with_cases(tmp_path, lambda t: t.replace("svar: nej", "svar: nje"))
    assert len(report.errors) == 1
    assert "har inget svar ”nje”" in report.errors[0].message
    assert "Menade du ”nej”?" in report.errors[0].message


def test_every_real_case_reaches_its_outcome_in_the_model(project):
    assert len(project.cases) >= 12
    for case in project.cases:
        tree = project.trees[case.guide_id]
        reached = follow(tree, [(s.question_id, s.answer_id) for s in case.steps])
        assert reached == case.outcome_id, case.id


def test_answer_state_round_trip_and_garbage():
    from build_tools.addresses import answer_state

    pairs = [("fara", "ja"), ("oro", "vet-inte")]
    assert answer_state.decode(answer_state.encode(pairs)) == pairs
    assert answer_state.encode([]) == "" and answer_state.decode("") == []
    for garbage in ("fel", "..", "a.b,", ".ja", "A.ja", "a.<b>", "a.b c"):
        assert answer_state.decode(garbage) is None, garbage

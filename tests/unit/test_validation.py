"""Varje klass av redaktörsfel ger ett svenskt fel med rätt fil och rad."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.base.diagnostics import Diagnostic
from build_tools.load.project import Layout, load_project
from tests.helpers import line_of, make_project, minimal_tree_text

TODAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]


def errors_for(tmp_path: Path, text: str, name: str = "exempel.yaml") -> tuple[list[Diagnostic], Path]:
    root = make_project(tmp_path, text, name)
    _, report = load_project(Layout(root), TODAY)
    return report.errors, root / "decision_trees" / name


def only_error(tmp_path: Path, text: str, name: str = "exempel.yaml") -> tuple[Diagnostic, Path]:
    errors, path = errors_for(tmp_path, text, name)
    assert len(errors) == 1, [e.format() for e in errors]
    return errors[0], path


def test_minimal_fixture_is_clean(tmp_path):
    errors, _ = errors_for(tmp_path, minimal_tree_text())
    assert errors == []


def test_yaml_syntax_error_names_line(tmp_path):
    text = minimal_tree_text().replace("    fraga: Är barnet i fara?", "    fraga: Är barnet i fara?\n   felindrag: [")
    error, path = only_error(tmp_path, text)
    assert error.location.path == path
    assert error.location.line >= line_of(text, "felindrag")
    assert "YAML-filen går inte att läsa" in error.message


def test_tab_character_is_explained(tmp_path):
    text = minimal_tree_text().replace("  oro:\n", "  oro:\n\t\n", 1)
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "\t")
    assert "tabbtecken" in error.message


def test_unknown_field_points_at_the_key(tmp_path):
    text = minimal_tree_text().replace("    fraga: Är barnet i fara?", "    fraaga: fel\n    fraga: Är barnet i fara?")
    error, path = only_error(tmp_path, text)
    assert (error.location.path, error.location.line) == (path, line_of(text, "fraaga"))
    assert "Okänt fält" in error.message and "fraaga" in error.message
    assert "Tillåtna fält" in error.hint


def test_missing_required_field(tmp_path):
    text = minimal_tree_text().replace("    titel: Ring 112\n", "")
    error, _ = only_error(tmp_path, text)
    assert "titel" in error.message and "saknas" in error.message
    assert error.location.line == line_of(text, "  ring:") + 1


def test_wrong_enum_value(tmp_path):
    text = minimal_tree_text().replace("slag: akut", "slag: panik")
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "slag: panik")
    assert "panik" in error.message and "akut" in error.hint


def test_invalid_date(tmp_path):
    text = minimal_tree_text().replace("granskad: 2026-11-01", "granskad: 2026-13-01")
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "granskad:")
    assert "datum" in error.message


def test_bad_node_id_points_at_the_key(tmp_path):
    text = minimal_tree_text().replace("  radgor:", "  Rådgör:").replace("nasta: radgor", "nasta: Rådgör")
    errors, _ = errors_for(tmp_path, text)
    assert any(e.location.line == line_of(text, "  Rådgör:") and "fel form" in e.message for e in errors)


def test_duplicate_node_id(tmp_path):
    text = minimal_tree_text() + "  oro:\n    typ: utfall\n"
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "  oro:", occurrence=2)
    assert "finns två gånger" in error.message
    assert f"rad {line_of(text, '  oro:')}" in error.message


def test_duplicate_answer_id(tmp_path):
    text = minimal_tree_text().replace(
        "      - id: nej\n        text: Nej\n        nasta: oro",
        "      - id: ja\n        text: Nej\n        nasta: oro",
    )
    error, _ = only_error(tmp_path, text)
    assert "Svaret ”ja” finns två gånger" in error.message
    assert error.location.line == line_of(text, "- id: ja", occurrence=2)


def test_unknown_next_suggests_a_fix(tmp_path):
    text = minimal_tree_text().replace("nasta: anmal", "nasta: anmaal")
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "nasta: anmaal")
    assert "”anmaal”, som inte finns" in error.message
    assert "Menade du ”anmal”?" in error.message


def test_unreachable_node(tmp_path):
    text = minimal_tree_text() + (
        "  glomd:\n    typ: utfall\n    slag: information\n    bradska: planerat\n"
        "    titel: Ingen når hit\n    text: Text.\n    steg: [Inget.]\n    lagrum: [sol-anmalningsskyldighet]\n"
    )
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "  glomd:")
    assert "går inte att nå" in error.message


def test_cycle(tmp_path):
    text = minimal_tree_text().replace("        nasta: radgor\n  ring:", "        nasta: fara\n  ring:")
    errors, _ = errors_for(tmp_path, text)
    cycle = [e for e in errors if e.code == "cykel"]
    assert len(cycle) == 1
    assert cycle[0].location.line == line_of(text, "nasta: fara")
    assert "slinga" in cycle[0].message


def test_question_with_one_answer(tmp_path):
    text = minimal_tree_text().replace("      - id: nej\n        text: Nej\n        nasta: radgor\n", "")
    errors, _ = errors_for(tmp_path, text)
    messages = [e for e in errors if "färre än två svarsalternativ" in e.message]
    assert len(messages) == 1
    assert messages[0].location.line == line_of(text, "  oro:") + 3


def test_outcome_without_lagrum(tmp_path):
    text = minimal_tree_text().replace("    lagrum: [sol-anmalningsskyldighet]\n", "    lagrum: []\n", 1)
    error, _ = only_error(tmp_path, text)
    assert "saknar lagrum" in error.message
    assert error.location.line == line_of(text, "lagrum: []")


def test_unknown_lagrum_id(tmp_path):
    text = minimal_tree_text().replace("lagrum: [sol-anmalningsskyldighet]", "lagrum: [sol-anmalningskyldighet]", 1)
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "sol-anmalningskyldighet")
    assert "finns inte i lagrumsregistret" in error.message
    assert "Menade du ”sol-anmalningsskyldighet”?" in error.message


def test_review_date_before_reviewed_date(tmp_path):
    text = minimal_tree_text().replace("granskas_senast: 2027-05-01", "granskas_senast: 2026-01-01")
    error, _ = only_error(tmp_path, text)
    assert error.location.line == line_of(text, "granskas_senast")
    assert "före senaste granskningen" in error.message


def test_overdue_review_is_a_warning(tmp_path):
    root = make_project(tmp_path)
    _, report = load_project(Layout(root), dt.date(2027, 6, 1))
    assert report.ok
    assert any(w.code == "granskning-passerad" for w in report.warnings)


def test_file_name_must_match_id(tmp_path):
    error, path = only_error(tmp_path, minimal_tree_text(), name="annat-namn.yaml")
    assert path.name == "annat-namn.yaml"
    assert "filen heter ”annat-namn.yaml”" in error.message


def test_unknown_cross_guide_link(tmp_path):
    text = minimal_tree_text().replace(
        "    visa_kontakt: true\n",
        "    visa_kontakt: true\n    vidare:\n      - guide: finns-inte\n        text: Läs mer här\n",
    )
    error, _ = only_error(tmp_path, text)
    assert "guiden ”finns-inte”, som inte finns" in error.message
    assert error.location.line == line_of(text, "- guide: finns-inte")


def test_unverified_lagrum_cannot_show_a_number(tmp_path):
    root = make_project(tmp_path)
    lagrum = root / "data" / "lagrum.yaml"
    text = lagrum.read_text(encoding="utf-8").replace(
        "    ersatter: 14 kap. 1 § socialtjänstlagen (2001:453)\n",
        '    kapitel: "19"\n    paragraf: "1"\n    ersatter: 14 kap. 1 § socialtjänstlagen (2001:453)\n',
    )
    lagrum.write_text(text, encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert len(report.errors) == 1
    error = report.errors[0]
    assert error.location.path == lagrum
    assert error.location.line == line_of(text, "status: ej-verifierad")
    assert "inte kontrollerat men har kapitel eller paragraf" in error.message


def test_unverified_lagrum_entries_are_listed_as_warnings(tmp_path):
    root = make_project(tmp_path)
    _, report = load_project(Layout(root), TODAY)
    flagged = [w for w in report.warnings if w.code == "lagrum-att-kontrollera"]
    assert [w.message.split("”")[1] for w in flagged] == ["sol-anmalningsskyldighet"]


@pytest.mark.parametrize(
    ("broken", "exit_code"),
    [("fraga: Är barnet i fara?", 0), ("fraga: [Är barnet", 1)],
)
def test_cli_exit_codes_and_no_traceback(tmp_path, broken, exit_code):
    text = minimal_tree_text().replace("fraga: Är barnet i fara?", broken)
    root = make_project(tmp_path, text)
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--rot", str(root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    if exit_code:
        assert "decision_trees/exempel.yaml:" in result.stdout
        assert "1 fel" in result.stdout


def test_a_huge_content_file_is_one_error_and_is_never_read(tmp_path, monkeypatch):
    """En fil över 1 MB (t.ex. något inklistrat av misstag) ger ett fel efter storlekskontrollen och
    läses aldrig som text, så den tolkas inte. (Hur lång tid det tar mäter fuzzskriptet, inte testet.)"""
    root = make_project(tmp_path)
    (root / "docs").mkdir(exist_ok=True)
    huge = root / "docs" / "stor.md"
    huge.write_text("# Stor\n\n" + ("  " * 5000 + "x\n") * 200, encoding="utf-8")
    guide = root / "decision_trees" / "exempel.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    read_as_text: list[Path] = []
    original = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read_as_text.append(self) or original(self, *a, **k))
    _, report = load_project(Layout(root), dt.date(2026, 11, 28))
    monkeypatch.undo()
    assert huge not in read_as_text
    assert guide not in read_as_text  # (guidecachen hashar filens byte, men ingen läser den som text)
    found = sorted((d.location.path.name, d.location.line) for d in report.errors if d.code == "for-stor")
    assert found == [("exempel.yaml", 1), ("stor.md", 1)]

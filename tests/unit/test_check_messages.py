"""Meddelandena från check för vanliga misstag: vad som är fel och hur man rättar det, i klartext."""

from __future__ import annotations

import datetime as dt

from build_tools.check.validate import suggest
from build_tools.load.project import Layout, load_project
from tests.helpers import make_project, minimal_tree_text

TODAY = dt.date(2026, 11, 23)


def _only(tmp_path, old: str, new: str, name: str = "decision_trees/exempel.yaml"):
    root = make_project(tmp_path)
    path = root / name
    text = path.read_text(encoding="utf-8") if name != "decision_trees/exempel.yaml" else minimal_tree_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert len(report.errors) == 1, [d.format(root) for d in report.errors]
    return report.errors[0]


def test_too_short_text_is_not_called_empty(tmp_path):
    error = _only(tmp_path, "    titel: Ring 112\n", "    titel: Ri\n")
    assert "får inte vara tomt" not in error.message
    assert "för kort" in error.message and "minst 3" in error.message


def test_missing_field_hint_says_what_to_write(tmp_path):
    error = _only(tmp_path, "    lagrum: [sol-anmalningsskyldighet]\n  anmal:", "  anmal:")
    assert "Fältet ”lagrum” saknas" in error.message
    assert "data/lagrum.yaml" in error.hint and "Schemat i schemas/" not in error.hint


def test_empty_list_is_not_called_null(tmp_path):
    error = _only(tmp_path, "    steg: [Ring 112.]\n", "    steg:\n")
    assert "null" not in error.message and "tomt" in error.message


def test_colon_in_a_step_suggests_quotes(tmp_path):
    error = _only(tmp_path, "    steg: [Ring 112.]\n", "    steg:\n      - Ring: 112 direkt.\n")
    assert "kolon" in error.message and '"Ring: 112 direkt."' in error.hint
    assert "{" not in error.message


def test_misspelled_field_is_one_error_with_a_suggestion(tmp_path):
    error = _only(tmp_path, "        nasta: anmal\n", "        nästa: anmal\n")
    assert "Menade du ”nasta”?" in error.message


def test_paragraph_as_lagrum_id(tmp_path):
    error = _only(tmp_path, "lagrum: [sol-anmalningsskyldighet]", "lagrum: [16 kap. 4 § HSL]")
    assert "inte ett id ur lagrumsregistret" in error.message
    assert "data/lagrum.yaml" in error.hint


def test_swedish_letters_in_an_id_get_a_proposal(tmp_path):
    error = _only(tmp_path, "start: fara", "start: Barnet i fara")
    assert "Menade du ”barnet-i-fara”?" in error.message


def test_shortened_guide_id_gets_a_suggestion():
    assert "ska-jag-gora-en-orosanmalan" in suggest("orosanmalan", ["ska-jag-gora-en-orosanmalan", "vad-far-jag-dela"])
    assert suggest("jag", ["ska-jag-gora-en-orosanmalan", "vad-far-jag-dela"]) == ""

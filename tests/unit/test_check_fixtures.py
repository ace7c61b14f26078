"""Varje sorts fel har ett eget testfall i tests/fixtures/errors/<fall>/.

Ett fall är ett litet projekt (minimalprojektet plus filerna i ``projekt/``) och en fil
``forvantat.txt`` med exakt de fel som check ska ge: kod, fil, rad och kolumn. Testet jämför
koder och platser, inte texten, så att meddelandena kan skrivas om utan att testerna ändras. Att
listan är exakt betyder också att följdfel (t.ex. 13 fel för en felstavad nasta) syns som ett fel.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from build_tools.base.diagnostics import ERROR_CODES
from build_tools.load.project import Layout, load_project
from tests.helpers import MINIMAL

ERRORS = Path(__file__).resolve().parents[1] / "fixtures" / "errors"
TODAY = dt.date(2026, 11, 23)
CASES = sorted(p.name for p in ERRORS.iterdir() if (p / "forvantat.txt").exists())
# Koder som inte kan uppstå med dagens scheman eller bara när filsystemet krånglar.
NOT_REPRODUCIBLE = {
    "las",  # filen går inte att läsa (rättigheter, trasig länk); testas inte här
    "inte-vanlig-fil",  # symboliska länkar och specialfiler skapas i test_content_safety.py
    "for-stor",  # kräver en fil över 1 MB; testas i test_validation.py med en fil som skapas där
    "schema-const",  # schemana använder const bara där värdet redan är kontrollerat
    "yaml-djup",  # kräver över 40 nivåer; testas av yaml_source-testerna
    "datum-saknas",  # schemat kräver galler_fran i en version och säger till först
    "datum-andring",  # schemat kräver andringen i en version och säger till först
}


def _expected(case: Path) -> tuple[list[str], set[tuple[str, str, int, int]]]:
    remove: list[str] = []
    expected: set[tuple[str, str, int, int]] = set()
    for line in (case / "forvantat.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("ta-bort "):
            remove.append(line.split(" ", 1)[1])
            continue
        code, where = line.split(" ", 1)
        parts = where.rsplit(":", 2) if where.count(":") >= 2 else [where, "0", "0"]
        expected.add((code, parts[0], int(parts[1]), int(parts[2])))
    return remove, expected


def _project(tmp_path: Path, case: Path, remove: list[str]) -> Path:
    root = tmp_path / "projekt"
    shutil.copytree(MINIMAL, root)
    if (case / "projekt").is_dir():  # git sparar inte tomma mappar: ett fall kan sakna egna filer
        shutil.copytree(case / "projekt", root, dirs_exist_ok=True)
    for relative in remove:
        (root / relative).unlink()
    return root


@pytest.mark.parametrize("name", CASES)
def test_error_class(tmp_path, name):
    case = ERRORS / name
    remove, expected = _expected(case)
    root = _project(tmp_path, case, remove)
    _, report = load_project(Layout(root), TODAY)
    actual = {
        (d.code, d.location.path.relative_to(root).as_posix(), d.location.line, d.location.column)
        for d in report.errors
    }
    assert actual == expected, "\n".join(d.format(root) for d in report.errors)


def test_every_error_code_has_a_case():
    covered = set()
    for name in CASES:
        covered |= {code for code, *_ in _expected(ERRORS / name)[1]}
    missing = sorted(set(ERROR_CODES) - covered - NOT_REPRODUCIBLE)
    assert not missing, f"Felkoder utan testfall i tests/fixtures/errors/: {missing}"


def test_clean_minimal_project_has_no_errors(tmp_path):
    root = tmp_path / "projekt"
    shutil.copytree(MINIMAL, root)
    _, report = load_project(Layout(root), TODAY)
    assert report.errors == []

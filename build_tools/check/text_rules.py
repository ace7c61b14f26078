"""Regler för texterna som schemat inte kan uttrycka.

Paragrafnummer: kapitel- och paragrafnummer kommer bara från lagrumsregistret (data/lagrum.yaml).
Där vet sajten om numret är kontrollerat och visar det bara då. Ett nummer som skrivs direkt i en
text (t.ex. "enligt 10 kap. 8 § SoL") går inte att kontrollera och blir fel när lagen ändras.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import yaml

from ..base.diagnostics import Location, Report
from ..source.content_safety import checkable_text, too_big

# "10 kap. 8 §", "8 §", "§ 8", "8 a §", "8–9 §§" och "10 kap." utan paragraf.
PARAGRAPH = re.compile(
    r"(?:\b\d+\s*kap\.\s*)?(?:\b\d+\s*[a-z]?\s*(?:[-–]\s*\d+\s*[a-z]?\s*)?)?§§?(?:\s*\d+)?|\b\d+\s*kap\.",
)
_FENCE = re.compile(r"^\s*(```|~~~)")

HINT = (
    "Skriv inte kapitel- eller paragrafnummer i texten. Lägg lagrummets id under lagrum: "
    "(id:n står i data/lagrum.yaml) – sajten visar numret där när det är kontrollerat. "
    "I texten räcker lagens namn, t.ex. \u201denligt socialtjänstlagen\u201d."
)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _report(path: Path, text: str, index: int, found: str, report: Report, line_offset: int = 0) -> None:
    line, column = _line_col(text, index)
    report.error(
        Location(path, line + line_offset, column),
        f"Texten innehåller ett paragrafnummer: \u201d{found.strip()}\u201d.",
        HINT,
        code="paragraf-i-text",
    )


# libyaml (C) när det finns: samma tecken (tokens) som Python-tolken, många gånger snabbare.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_yaml_file(path: Path, report: Report) -> None:
    """Leta efter paragrafnummer i textvärdena i en YAML-fil (inte i kommentarerna)."""
    if too_big(path):
        return  # för stor fil rapporteras där den läses in
    try:
        text = path.read_text(encoding="utf-8")
        if "§" not in text and "kap." not in text:
            return  # regeln kan bara slå till på text med något av dem
        tokens = list(yaml.scan(text, Loader=_LOADER))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return  # läs- och syntaxfel rapporteras där filen läses in
    _scan_tokens(path, text, tokens, report)


def _scan_tokens(path: Path, text: str, tokens: list, report: Report, line_offset: int = 0) -> None:
    for token in tokens:
        if not isinstance(token, yaml.ScalarToken) or ("§" not in token.value and "kap." not in token.value):
            continue
        start, end = token.start_mark.index, token.end_mark.index
        raw = text[start:end]
        seen_lines: set[int] = set()
        for match in PARAGRAPH.finditer(raw):
            line = text.count("\n", 0, start + match.start())
            if line in seen_lines:
                continue
            seen_lines.add(line)
            _report(path, text, start + match.start(), match.group(), report, line_offset)


def check_markdown_file(path: Path, report: Report) -> None:
    """Leta efter paragrafnummer i en Markdown-sida: i inledningen (YAML) och i brödtexten."""
    text = checkable_text(path)
    if text is None:
        return
    lines = text.splitlines(keepends=True)
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            front = "".join(lines[1:end])
            with contextlib.suppress(yaml.YAMLError):
                _scan_tokens(path, front, list(yaml.scan(front, Loader=_LOADER)), report, line_offset=1)
            body_start = end + 1
    in_fence = False
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        masked = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group()), line)
        match = PARAGRAPH.search(masked)
        if match:
            report.error(
                Location(path, number, match.start() + 1),
                f"Texten innehåller ett paragrafnummer: \u201d{match.group().strip()}\u201d.",
                HINT,
                code="paragraf-i-text",
            )


def check_paragraph_numbers(root: Path, registry: Path, report: Report) -> None:
    """Alla innehållsfiler utom lagrumsregistret."""
    for folder in ("decision_trees", "data"):
        for path in sorted((root / folder).glob("*.y*ml")):
            if path.absolute() != registry.absolute():  # resolve() kan fastna i en länkslinga
                check_yaml_file(path, report)
    for folder in (root / "guides", root / "docs"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                check_markdown_file(path, report)

"""Uppgifter som står på ett ställe i data och används i många texter: ``{{socialjour}}``.

Socialjourens nummer skrivs bara in en gång, i data/stadsdelar.yaml (gemensamt: kontakter:, den
kontaktväg som har funktion: socialjour). En text som behöver numret skriver ``{{socialjour}}``.
När bygget läser in innehållet byts det mot en mening i Markdown:

- så länge numret saknas eller inte är kontrollerat: var numret står (sidan i kontaktvägens
  kalla) och att man ringer 112 om någon är i fara;
- när numret är kontrollerat (status: verifierad och ett varde): numret som en länk att ringa,
  och 112 vid fara.

Platshållaren fungerar i guidernas text, steg, hjalp och forklaring, och i brödtexten på sidorna i
guides/ och docs/. En okänd platshållare (t.ex. ``{{socialjur}}``) är ett fel med fil och rad."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from ..base.diagnostics import Location, Report
from ..domain.model import Answer, Chapter, Contact, Outcome, Project, Question, Tree
from ..source.content_safety import checkable_text, line_and_column

_TOKEN = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")
SOCIALJOUR = "socialjour"
TOKENS = (SOCIALJOUR,)
# Där numret finns om data inte säger något annat (stadens sida om orosanmälan).
FALLBACK_PAGE = "https://socialtstod.stockholm/orosanmalan/"
_DANGER = "Är någon i fara just nu: ring [112](tel:112)."


def socialjour_contact(contacts: Iterable[Contact]) -> Contact | None:
    """Socialjourens kontaktväg i stadens gemensamma kontakter (funktion: socialjour)."""
    return next((c for c in contacts if c.function == SOCIALJOUR and c.kind == "telefon"), None)


def socialjour_ready(contact: Contact | None) -> bool:
    """Har ägaren fyllt i ett kontrollerat nummer?"""
    return contact is not None and contact.verified and contact.href.startswith("tel:")


def socialjour_markdown(contact: Contact | None) -> str:
    """Meningen som ersätter {{socialjour}}."""
    if socialjour_ready(contact):
        return f"Socialjourens telefonnummer: [{contact.text}]({contact.href}). {_DANGER}"
    page = contact.source if contact is not None and contact.source.startswith("https://") else FALLBACK_PAGE
    return f"Socialjourens telefonnummer står på [Stockholms stads webbplats]({page}). {_DANGER}"


def expand(text: str, values: dict[str, str]) -> str:
    """Byt kända platshållare mot sina värden. Okända lämnas kvar (check rapporterar dem)."""
    if "{{" not in text:
        return text
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def token_values(project: Project) -> dict[str, str]:
    return {SOCIALJOUR: socialjour_markdown(socialjour_contact(project.city_contacts))}


def _expand_node(node, values: dict[str, str]):
    if isinstance(node, Outcome):
        return dataclasses.replace(
            node, body=expand(node.body, values), steps=tuple(expand(s, values) for s in node.steps)
        )
    if isinstance(node, Question):
        answers = tuple(
            dataclasses.replace(a, explanation=expand(a.explanation, values)) if isinstance(a, Answer) else a
            for a in node.answers
        )
        return dataclasses.replace(node, help=expand(node.help, values), answers=answers)
    return node


def _expand_tree(tree: Tree, values: dict[str, str]) -> Tree:
    nodes = {node_id: _expand_node(node, values) for node_id, node in tree.nodes.items()}
    return dataclasses.replace(tree, nodes=nodes)


def expand_project(project: Project, report: Report | None = None) -> None:
    """Byt platshållarna i guiderna och kapitlen (efter kontrollen, före renderingen).

    En platshållare i ett fält där den inte byts (t.ex. en titel) skulle stå kvar som den är på
    sajten. Det blir ett fel i ``report``."""
    values = token_values(project)
    project.trees = {tree_id: _expand_tree(tree, values) for tree_id, tree in project.trees.items()}
    project.chapters = [
        dataclasses.replace(c, body=expand(c.body, values)) if isinstance(c, Chapter) else c for c in project.chapters
    ]
    if report is not None:
        _report_left_over(project, report)


# Fälten i modellen och vad de heter i YAML-filen.
_FIELD_NAMES = {"title": "titel", "text": "fraga", "label": "text", "unverified": "obekraftat"}


def _left_over(value) -> bool:
    if isinstance(value, str):
        return any(m.group(1) in TOKENS for m in _TOKEN.finditer(value))
    if isinstance(value, tuple):
        return any(_left_over(v) for v in value)
    return False


def _report_left_over(project: Project, report: Report) -> None:
    for tree in project.trees.values():
        for node in tree.nodes.values():
            parts = [(node, node.location)] + [(a, a.location) for a in getattr(node, "answers", ())]
            for part, location in parts:
                for field in dataclasses.fields(part):
                    if _left_over(getattr(part, field.name)):
                        report.error(
                            location,
                            f"Platshållaren {{{{socialjour}}}} fungerar inte i fältet "
                            f"{_FIELD_NAMES.get(field.name, field.name)} (i \u201d{node.id}\u201d).",
                            "Den fungerar i text, steg, hjalp och forklaring. Flytta den dit, eller skriv "
                            "texten utan platshållare.",
                            code="platshallare-fel-falt",
                        )


def token_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, pattern in (("decision_trees", "*.y*ml"), ("guides", "**/*.md"), ("docs", "**/*.md")):
        found.extend(sorted((root / folder).glob(pattern)))
    return found


def check_tokens(files: Iterable[Path], report: Report) -> None:
    """En platshållare som inte finns är ett fel, med fil, rad och kolumn."""
    for path in files:
        text = checkable_text(path)
        if text is None:
            continue
        for found in _TOKEN.finditer(text):
            name = found.group(1)
            if name in TOKENS:
                continue
            close = difflib.get_close_matches(name, TOKENS, n=1, cutoff=0.6)
            line, column = line_and_column(text, found.start())
            report.error(
                Location(path, line, column),
                f"Platshållaren \u201d{found.group(0)}\u201d finns inte."
                + (f" Menade du \u201d{{{{{close[0]}}}}}\u201d?" if close else ""),
                "Den enda platshållaren är {{socialjour}} (socialjourens nummer, eller var det står). "
                "Skriv den precis så, eller ta bort klamrarna.",
                code="okand-platshallare",
            )

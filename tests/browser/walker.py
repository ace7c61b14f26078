"""Gemensamma steg för att gå igenom en guide i webbläsaren."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.sync_api import Page

from build_tools.graph import Path as TreePath
from build_tools.model import Project, Tree
from build_tools.project import Layout, load_project

ROOT = Path(__file__).resolve().parents[2]


def load_for_collection() -> Project:
    """Modellen laddas redan när testerna samlas in, för att kunna skapa ett test per väg."""
    project, report = load_project(Layout(ROOT), dt.date.today())
    if not report.ok:
        return Project(root=ROOT)
    return project


def node_url(base_url: str, tree_id: str, node_id: str, query: str = "") -> str:
    return f"{base_url}/beslutsstod/{tree_id}/{node_id}/" + (f"?{query}" if query else "")


def encode(steps) -> str:
    return ",".join(f"{s.question_id}.{s.answer_id}" for s in steps)


def wait_for_node(page: Page, node_id: str) -> None:
    """Vänta tills sidan för noden visas och skriptet har kört (även vid instant navigation)."""
    page.wait_for_selector(f'.sv-walker[data-sv-node="{node_id}"][data-sv-ready]', timeout=10_000)


def next_node(tree: Tree, question_id: str, answer_id: str) -> str:
    question = tree.nodes[question_id]
    return next(a.next_id for a in question.answers if a.id == answer_id)


def walk(page: Page, base_url: str, tree: Tree, path: TreePath) -> None:
    """Gå från guidens startsida genom alla svar i ``path`` genom att klicka som en person."""
    page.goto(f"{base_url}/beslutsstod/{tree.id}/")
    page.click("a.sv-start-button")
    wait_for_node(page, tree.start)
    for step in path.steps:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        wait_for_node(page, next_node(tree, step.question_id, step.answer_id))

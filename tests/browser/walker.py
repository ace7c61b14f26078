"""Gemensamma steg för att gå igenom en guide i webbläsaren."""

from __future__ import annotations

from playwright.sync_api import Page

from build_tools.addresses.answer_state import encode_steps
from build_tools.domain.graph import Path as TreePath
from build_tools.domain.model import Project, Tree
from tests.content import real_project


def load_for_collection() -> Project:
    """Modellen behövs redan när testerna samlas in (ett test per guide eller sida). Den läses in en gång."""
    return real_project()


# Före axe: vänta två bildrutor (Material byter sidhuvudets rubrik på den rullning som fokus ger) och
# sedan tills övergångarna är klara. Annars mäter axe kontrasten mitt i en toning.
SETTLE_ANIMATIONS = """async () => {
  for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(() => r()));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
}"""


def node_url(base_url: str, tree_id: str, node_id: str, state: str = "") -> str:
    """Adressen till en nod, med svaren i fragmentet (#svar=...) som på sajten."""
    return f"{base_url}/beslutsstod/{tree_id}/{node_id}/" + (f"#{state}" if state else "")


def encode(steps) -> str:
    return encode_steps(steps)


def wait_for_node(page: Page, node_id: str) -> None:
    """Vänta tills sidan för noden visas och skriptet har kört (även vid instant navigation)."""
    page.wait_for_selector(f'.sv-walker[data-sv-node="{node_id}"][data-sv-ready]', timeout=10_000)


def next_node(tree: Tree, question_id: str, answer_id: str) -> str:
    question = tree.nodes[question_id]
    return next(a.next_id for a in question.answers if a.id == answer_id)


def start_and_answer(page: Page, tree: Tree, steps) -> None:
    """Starta guiden från dess startsida (som redan visas) och klicka svaren i ``steps``."""
    page.click("a.sv-start-button")
    wait_for_node(page, tree.start)
    for step in steps:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        wait_for_node(page, next_node(tree, step.question_id, step.answer_id))


def walk(page: Page, base_url: str, tree: Tree, path: TreePath) -> None:
    """Gå från guidens startsida genom alla svar i ``path`` genom att klicka som en person."""
    page.goto(f"{base_url}/beslutsstod/{tree.id}/")
    page.click("a.sv-start-button")
    wait_for_node(page, tree.start)
    for step in path.steps:
        page.click(f'a[data-sv-answer="{step.answer_id}"]')
        wait_for_node(page, next_node(tree, step.question_id, step.answer_id))


def wait_for_heading(page: Page, text: str) -> None:
    """Vänta tills sidans rubrik är ``text`` (snabbnavigeringen byter adress innan den byter innehåll)."""
    page.wait_for_function(
        "text => { const h = document.querySelector('.md-content h1'); return !!h && h.textContent.trim() === text; }",
        arg=text,
        timeout=10_000,
    )

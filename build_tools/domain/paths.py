"""Underlag för granskning av en guide: alla vägar från start till utfall, med ett tak.

Antalet vägar kan växa exponentiellt med antalet frågor (tio frågor i rad med två svar var ger
1 024 vägar). Därför räknas vägarna först, utan att skrivas ut, och bara de första ``PATH_CAP``
tas med. Sidan och rapporterna säger då hur många som inte visas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .graph import Path, Step, all_paths
from .model import Question, Tree

PATH_CAP = 400


def count_paths(tree: Tree) -> int:
    """Antalet vägar från start till ett utfall, utan att gå igenom dem en och en."""
    memo: dict[str, int] = {}
    order = _post_order(tree)
    for node_id in order:
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            memo[node_id] = sum(memo.get(a.next_id, 0) for a in node.answers)
        else:
            memo[node_id] = 1
    return memo.get(tree.start, 0)


def paths_to_outcomes(tree: Tree) -> dict[str, int]:
    """Hur många vägar som leder till varje utfall."""
    incoming: dict[str, int] = {tree.start: 1}
    for node_id in reversed(_post_order(tree)):
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                incoming[answer.next_id] = incoming.get(answer.next_id, 0) + incoming.get(node_id, 0)
    return {o.id: incoming.get(o.id, 0) for o in tree.outcomes}


def _post_order(tree: Tree) -> list[str]:
    """Noderna så att varje nod kommer efter alla noder den leder till (grafen är utan slingor)."""
    seen: set[str] = set()
    order: list[str] = []
    if tree.start not in tree.nodes:
        return order
    stack: list[tuple[str, bool]] = [(tree.start, False)]
    while stack:
        node_id, done = stack.pop()
        if done:
            order.append(node_id)
            continue
        if node_id in seen:
            continue
        seen.add(node_id)
        stack.append((node_id, True))
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            stack.extend((a.next_id, False) for a in reversed(node.answers) if a.next_id in tree.nodes)
    return order


def _walk(tree: Tree) -> Iterator[Path]:
    """Vägarna i samma ordning som graph.all_paths, men en i taget."""
    stack: list[tuple[str, tuple[Step, ...]]] = [(tree.start, ())]
    while stack:
        node_id, steps = stack.pop()
        node = tree.nodes[node_id]
        if not isinstance(node, Question):
            yield Path(steps, node_id)
            continue
        for answer in reversed(node.answers):
            stack.append((answer.next_id, (*steps, Step(node_id, answer.id))))


@dataclass(frozen=True)
class PathSet:
    paths: list[Path]
    total: int

    @property
    def capped(self) -> bool:
        return len(self.paths) < self.total


def bounded_paths(tree: Tree, cap: int = PATH_CAP) -> PathSet:
    """Högst ``cap`` vägar, och hur många det finns totalt."""
    total = count_paths(tree)
    if total <= cap:
        return PathSet(all_paths(tree), total)
    paths: list[Path] = []
    for path in _walk(tree):
        paths.append(path)
        if len(paths) >= cap:
            break
    return PathSet(paths, total)


def layers(tree: Tree) -> dict[str, int]:
    """Kolumnen för varje nod i diagrammet: den längsta vägen dit från start."""
    depth = {tree.start: 0}
    for node_id in reversed(_post_order(tree)):
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                if answer.next_id in tree.nodes:
                    depth[answer.next_id] = max(depth.get(answer.next_id, 0), depth.get(node_id, 0) + 1)
    return depth


def unverified_on(tree: Tree, path: Path) -> list[tuple[str, str]]:
    """(nod, text) för varje obekräftad uppgift längs vägen, utfallet sist."""
    notes: list[tuple[str, str]] = []
    for node_id in [*(s.question_id for s in path.steps), path.outcome_id]:
        node = tree.nodes[node_id]
        notes.extend((node_id, note) for note in node.unverified)
    return notes

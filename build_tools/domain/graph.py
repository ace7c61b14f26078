"""Grafen i ett beslutsträd: nåbarhet, cykler och alla vägar från start till utfall."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Answer, Question, Tree


@dataclass(frozen=True)
class Step:
    """Ett svar i en väg: frågan och svaret som valdes."""

    question_id: str
    answer_id: str


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    outcome_id: str

    @property
    def slug(self) -> str:
        return "/".join(f"{s.question_id}.{s.answer_id}" for s in self.steps) + f"->{self.outcome_id}"


def reachable(tree: Tree) -> set[str]:
    seen: set[str] = set()
    stack = [tree.start] if tree.start in tree.nodes else []
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            stack.extend(a.next_id for a in node.answers if a.next_id in tree.nodes)
    return seen


def find_cycle_edges(tree: Tree) -> list[tuple[str, Answer]]:
    """Svar som pekar bakåt i en cykel (fråga, svar). Tom lista om grafen saknar cykler."""
    white, grey, black = 0, 1, 2
    color = dict.fromkeys(tree.nodes, white)
    back_edges: list[tuple[str, Answer]] = []

    def visit(start: str) -> None:
        # Iterativ djupet-först-sökning, så att långa träd inte slår i rekursionsgränsen.
        stack: list[tuple[str, int]] = [(start, 0)]
        color[start] = grey
        while stack:
            node_id, index = stack.pop()
            node = tree.nodes[node_id]
            answers = node.answers if isinstance(node, Question) else ()
            if index < len(answers):
                stack.append((node_id, index + 1))
                answer = answers[index]
                target = answer.next_id
                if target not in color:
                    continue
                if color[target] == grey:
                    back_edges.append((node_id, answer))
                elif color[target] == white:
                    color[target] = grey
                    stack.append((target, 0))
            else:
                color[node_id] = black

    for node_id in tree.nodes:
        if color[node_id] == white:
            visit(node_id)
    return back_edges


def all_paths(tree: Tree) -> list[Path]:
    """Alla vägar från start till ett utfall. Förutsätter en validerad graf utan cykler."""
    paths: list[Path] = []

    def walk(node_id: str, steps: tuple[Step, ...]) -> None:
        node = tree.nodes[node_id]
        if not isinstance(node, Question):
            paths.append(Path(steps, node_id))
            return
        for answer in node.answers:
            walk(answer.next_id, (*steps, Step(node_id, answer.id)))

    walk(tree.start, ())
    return paths


def follow(tree: Tree, answers: list[tuple[str, str]]) -> str | None:
    """Följ en lista med (fråga, svar) från start. Returnerar noden där man hamnar, annars None."""
    current = tree.start
    for question_id, answer_id in answers:
        node = tree.nodes.get(current)
        if not isinstance(node, Question) or node.id != question_id:
            return None
        match = next((a for a in node.answers if a.id == answer_id), None)
        if match is None:
            return None
        current = match.next_id
    return current

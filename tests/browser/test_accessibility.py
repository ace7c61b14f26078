"""axe-core: inga överträdelser av WCAG 2.1 A/AA på startsidan, guidernas sidor och varje nod."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from build_tools.graph import Path as TreePath
from build_tools.graph import all_paths
from tests.browser.walker import encode, load_for_collection, node_url, wait_for_node

PROJECT = load_for_collection()
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def assert_no_violations(page) -> None:
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]
    assert violations == [], "\n".join(violations)


STATIC_PAGES = (
    ["/", "/beslutsstod/", "/lagrum/", "/om/", "/stod/", "/roller/", "/ordlista/", "/ovningsfall/", "/stadsdelar/"]
    + ["/samverkan/overenskommelse/", "/samverkan/fyll-i/", "/samverkan/uppfoljning/"]
    + [f"/beslutsstod/{t}/" for t in PROJECT.trees]
    + [f"/{'stod' if c.kind == 'kapitel' else 'roller'}/{c.slug}/" for c in PROJECT.chapters]
    + [f"/ovningsfall/{c.id}/" for c in PROJECT.cases]
    + [f"/stadsdelar/{d.slug}/" for d in PROJECT.districts]
)


@pytest.mark.parametrize("url", STATIC_PAGES)
def test_static_pages_have_no_violations(page, base_url, url):
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    assert_no_violations(page)


def _path_to_each_node() -> list[tuple[str, str, TreePath | None]]:
    """Varje nod i varje guide, med en väg som leder dit (så att 'Dina svar' också testas)."""
    cases = []
    for tree in PROJECT.trees.values():
        reached: dict[str, tuple] = {tree.start: ()}
        for path in all_paths(tree):
            for i, step in enumerate(path.steps):
                node = tree.nodes[step.question_id]
                target = next(a.next_id for a in node.answers if a.id == step.answer_id)
                reached.setdefault(target, path.steps[: i + 1])
        for node_id in tree.nodes:
            cases.append((tree.id, node_id, reached[node_id]))
    return cases


NODE_CASES = _path_to_each_node()


@pytest.mark.parametrize(("tree_id", "node_id", "steps"), NODE_CASES, ids=[f"{t}:{n}" for t, n, _ in NODE_CASES])
def test_every_node_has_no_violations(page, base_url, tree_id, node_id, steps):
    page.goto(node_url(base_url, tree_id, node_id, "svar=" + encode(steps)))
    wait_for_node(page, node_id)
    assert_no_violations(page)


def test_404_page_has_no_violations(page, base_url):
    page.goto(base_url + "/finns-inte/")
    assert_no_violations(page)

"""Länkar i innehållet fungerar under vilken bas-sökväg som helst (https://värd/ och https://värd/mr-123/).

En text i YAML länkar till en sida på sajten från sajtens rot (/lagrum/kommande/); check kontrollerar
att sidan finns och bygget skriver länken relativt till sidan där texten visas. En Markdown-sida
länkar relativt; en länk från roten där är ett fel med förslaget på den relativa länken.
"""

from __future__ import annotations

import datetime as dt

from build_tools.addresses import urls
from build_tools.load.project import Layout, load_project
from build_tools.render.markdown_text import to_html
from build_tools.render.pages import PageBuilder
from tests.helpers import line_of, make_project, minimal_tree_text

TODAY = dt.date(2026, 11, 23)
OLD = "    text: Fråga utan att nämna barnets namn.\n"


def _with_text(tmp_path, text: str):
    root = make_project(tmp_path)
    path = root / "decision_trees" / "exempel.yaml"
    source = minimal_tree_text()
    assert OLD in source
    path.write_text(source.replace(OLD, f"    text: {text}\n", 1), encoding="utf-8")
    project, report = load_project(Layout(root), TODAY)
    return root, path, project, report


def test_a_link_from_the_site_root_in_yaml_is_written_relative_to_each_page(tmp_path):
    _, _, project, report = _with_text(
        tmp_path, "Se [kommande ändringar](/lagrum/kommande/#sol) och [lagrum](/lagrum/)."
    )
    assert report.ok, [d.format() for d in report.errors]
    builder = PageBuilder(project)
    outcome = next(p for p in builder.tree_pages(project.trees["exempel"]) if p.source.endswith("/radgor/index.md"))
    assert 'href="../../../lagrum/kommande/#sol"' in outcome.body
    assert 'href="../../../lagrum/"' in outcome.body
    assert 'href="/lagrum' not in outcome.body


def test_the_same_text_gets_a_different_relative_link_on_each_page():
    text = "Läs [om sajten](/om/)."
    assert 'href="../om/"' in to_html(text, page_url="lagrum/")
    assert 'href="../../../om/"' in to_html(text, page_url="beslutsstod/guide/nod/")
    assert 'href="https://exempel.se/om/"' in to_html("[x](https://exempel.se/om/)", page_url="lagrum/")


def test_source_forms_become_addresses():
    assert urls.from_site_root("/stod/sip.md", "lagrum/") == "../stod/sip/"
    assert urls.from_site_root("/stod/sip/index.md#a", "lagrum/") == "../stod/sip/#a"
    assert urls.from_site_root("/", "beslutsstod/guide/") == "../../"
    assert urls.from_site_root("//annan.se/x", "lagrum/") is None


def test_a_link_in_yaml_to_a_page_that_does_not_exist_is_an_error_with_line_and_column(tmp_path):
    root, path, _, report = _with_text(tmp_path, "Se [kommande](/lagrum/kommade/).")
    errors = [d for d in report.errors if d.code == "trasig-lank"]
    assert len(errors) == 1, [d.format(root) for d in report.errors]
    text = path.read_text(encoding="utf-8")
    line = line_of(text, "/lagrum/kommade/")
    assert errors[0].location.line == line
    assert errors[0].location.column == text.splitlines()[line - 1].index("/lagrum/kommade/") + 1
    assert "inte finns" in errors[0].message and "/lagrum/kommande/" in errors[0].message  # förslaget


def test_a_relative_link_in_yaml_is_an_error_that_says_to_write_it_from_the_root(tmp_path):
    root, _, _, report = _with_text(tmp_path, "Se [lagrum](../lagrum/).")
    errors = [d for d in report.errors if d.code == "trasig-lank"]
    assert len(errors) == 1, [d.format(root) for d in report.errors]
    assert "relativ" in errors[0].message and "/lagrum/kommande/" in errors[0].hint


def test_a_link_in_a_block_text_is_found_on_its_own_line(tmp_path):
    root, path, _, report = _with_text(tmp_path, "|\n      Första raden.\n      Se [sidan](/finns-inte/).")
    errors = [d for d in report.errors if d.code == "trasig-lank"]
    assert len(errors) == 1, [d.format(root) for d in report.errors]
    assert errors[0].location.line == line_of(path.read_text(encoding="utf-8"), "/finns-inte/")


def test_a_link_from_the_root_in_a_markdown_page_is_an_error_with_the_relative_link(tmp_path):
    root = make_project(tmp_path)
    page = root / "docs" / "om.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text("# Om\n\nSe [lagrum](/lagrum/) och [saknas](/saknas/).\n", encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    errors = sorted((d for d in report.errors if d.code == "trasig-lank"), key=lambda d: d.location.column)
    assert [(d.location.path.name, d.location.line) for d in errors] == [("om.md", 3), ("om.md", 3)]
    assert "undermapp" in errors[0].message and errors[0].hint.endswith("lagrum/index.md")
    assert "inte finns" in errors[1].message


def test_plain_texts_skip_markdown_but_render_exactly_as_markdown_would(project):
    """Ren text tar en genväg förbi Markdown; för varje text i innehållet ska resultatet vara detsamma."""
    from build_tools.render import markdown_text

    texts = {node.text for tree in project.trees.values() for node in tree.questions}
    texts |= {a.label for tree in project.trees.values() for q in tree.questions for a in q.answers}
    texts |= {s for tree in project.trees.values() for o in tree.outcomes for s in o.steps}
    texts |= {"1. Inte en mening", "- lista", 'Citat "så"', "a -- b", "a...", "_kursiv_", "# Rubrik", "Två  mellanslag"}
    plain = [t for t in texts if markdown_text._plain_paragraph(t) is not None]
    assert len(plain) > 100
    for text in texts:
        fast = markdown_text._plain_paragraph(text)
        if fast is not None:
            assert fast == markdown_text._convert(text), text

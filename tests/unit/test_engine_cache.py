"""Härledda filer (Word-filerna, guidernas sidor) byggs bara om när det de byggs av har ändrats."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from build_tools.base.build_cache import BuildCache
from build_tools.domain.model import Project
from build_tools.load.project import Layout
from build_tools.render import docx_files, pages, site
from build_tools.render.docx_files import agreement_documents


@pytest.fixture
def small_project(project: Project) -> Project:
    """Det riktiga innehållet, men bara de två minsta guiderna och en stadsdel, så att testet går fort."""
    small = copy.copy(project)
    keep = sorted(project.trees, key=lambda tree_id: len(project.trees[tree_id].nodes))[:2]
    small.trees = {tree_id: project.trees[tree_id] for tree_id in keep}
    small.cases = [case for case in project.cases if case.guide_id in small.trees]
    small.districts = project.districts[:1]
    return small


@pytest.fixture
def docx_calls(monkeypatch) -> list:
    calls: list = []
    build = docx_files.build_document

    def counting(project, district):
        calls.append(district.slug if district else "mall")
        return build(project, district)

    monkeypatch.setattr(docx_files, "build_document", counting)
    return calls


@pytest.fixture
def tree_page_calls(monkeypatch) -> list:
    """Guiderna vars sidor renderades (en gång för sidorna, en gång för granskningsvyn)."""
    calls: list = []
    render_pages = pages.PageBuilder.tree_pages
    render_review = pages.PageBuilder.review_page

    def counting_pages(self, tree):
        calls.append(tree.id)
        return render_pages(self, tree)

    def counting_review(self, tree):
        calls.append(tree.id)
        return render_review(self, tree)

    monkeypatch.setattr(pages.PageBuilder, "tree_pages", counting_pages)
    monkeypatch.setattr(pages.PageBuilder, "review_page", counting_review)
    return calls


def test_second_docx_build_comes_from_the_cache(small_project, docx_calls, tmp_path):
    first = agreement_documents(small_project, BuildCache(tmp_path))
    assert sorted(docx_calls) == sorted(["mall", *(d.slug for d in small_project.districts)])
    docx_calls.clear()
    assert agreement_documents(small_project, BuildCache(tmp_path)) == first
    assert docx_calls == []
    assert agreement_documents(small_project) == first  # utan cache: samma filer


def test_changed_input_rebuilds_exactly_the_affected_docx(small_project, docx_calls, tmp_path):
    agreement_documents(small_project, BuildCache(tmp_path))
    docx_calls.clear()

    changed_district = dataclasses.replace(small_project.districts[0], website="https://example.org/ny")
    changed = copy.copy(small_project)
    changed.districts = [changed_district, *small_project.districts[1:]]
    files = agreement_documents(changed, BuildCache(tmp_path))
    assert docx_calls == [changed_district.slug]
    assert files == agreement_documents(changed)

    docx_calls.clear()
    changed.agreement_template = {**small_project.agreement_template, "titel": "En ny titel"}
    agreement_documents(changed, BuildCache(tmp_path))
    assert sorted(docx_calls) == sorted(["mall", *(d.slug for d in changed.districts)])


def _layout(tmp_path: Path) -> Layout:
    (tmp_path / "docs").mkdir()
    return Layout(tmp_path)


def test_second_build_renders_nothing_again_and_writes_nothing(small_project, docx_calls, tree_page_calls, tmp_path):
    layout = _layout(tmp_path)
    assert site.write_site(small_project, layout) > 0
    assert sorted(tree_page_calls) == sorted(2 * list(small_project.trees))
    assert docx_calls
    written = {p: p.stat().st_mtime_ns for p in layout.output_dir.rglob("*") if p.is_file()}

    tree_page_calls.clear()
    docx_calls.clear()
    assert site.write_site(small_project, layout) == 0
    assert tree_page_calls == [] and docx_calls == []
    assert {p: p.stat().st_mtime_ns for p in layout.output_dir.rglob("*") if p.is_file()} == written

    # Det som kom ur cachen är detsamma som det som renderas utan cache.
    fresh = site.planned_files(small_project, layout)
    assert {p.relative_to(layout.output_dir).as_posix(): p.read_bytes() for p in written} == fresh


def test_changed_guide_rerenders_only_that_guide(small_project, tree_page_calls, tmp_path):
    layout = _layout(tmp_path)
    site.write_site(small_project, layout)
    tree_page_calls.clear()

    first = sorted(small_project.trees)[0]
    changed = copy.copy(small_project)
    changed.trees = {**small_project.trees, first: dataclasses.replace(small_project.trees[first], title="Ny titel")}
    assert site.write_site(changed, layout) > 0
    assert tree_page_calls == [first, first]
    assert "Ny titel" in (layout.output_dir / "beslutsstod" / first / "index.md").read_text(encoding="utf-8")

"""Cachen kan inte ljuga: nyckeln följer koden, mallarna och biblioteken, posterna är data, och en
trasig post byggs om i stället för att visas."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from build_tools.base import build_cache
from build_tools.base.build_cache import BuildCache, JsonCodec, classes_in
from build_tools.load import project as project_module
from build_tools.load import project_cache
from build_tools.load.project import GuideCache, Layout, load_project
from build_tools.render import docx_files, site
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 28)
PACKAGE = Path(build_cache.__file__).resolve().parents[1]  # build_tools/


def _entries(root: Path, kind: str) -> list[Path]:
    return sorted((root / "build" / "cache" / kind).iterdir())


def test_a_guide_survives_the_round_trip_through_json_exactly(project):
    codec = GuideCache.codec()
    for tree in project.trees.values():
        again = codec.loads(codec.dumps(tree))
        assert again == tree
        assert repr(again) == repr(tree)  # sidornas cache-nyckel räknas på repr


def test_the_cache_cannot_create_classes_it_was_not_given():
    codec = JsonCodec(classes_in(build_cache))
    forged = b'["\\u0000c","Popen",["ls"]]'
    with pytest.raises(ValueError):
        codec.loads(forged)
    with pytest.raises(ValueError):
        codec.loads(b'["\\u0000c"')  # avhuggen JSON


def test_no_module_in_the_build_tools_uses_pickle():
    users = [p.name for p in PACKAGE.rglob("*.py") if re.search(r"\b(c?pickle|marshal|shelve)\b", p.read_text())]
    assert users == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_damaged_guide_entry_is_checked_again(tmp_path, monkeypatch, damage):
    root = make_project(tmp_path)
    _, first = load_project(Layout(root), TODAY)
    (entry,) = _entries(root, GuideCache.KIND)
    data = entry.read_bytes()
    entry.write_bytes(
        {"truncate": data[: len(data) // 2], "flip": data[:-5] + b"X" + data[-4:], "garbage": b"\x80\x04junk"}[damage]
    )
    shutil.rmtree(
        root / "build" / "cache" / project_cache.KIND, ignore_errors=True
    )  # annars kommer hela inläsningen ur cachen
    calls: list[str] = []
    original = project_module.load_tree
    monkeypatch.setattr(
        project_module, "load_tree", lambda path, *a, **k: calls.append(path.name) or original(path, *a, **k)
    )
    second_project, second = load_project(Layout(root), TODAY)
    assert calls == ["exempel.yaml"]
    assert [d.format() for d in second.sorted()] == [d.format() for d in first.sorted()]
    assert "exempel" in second_project.trees


def test_a_damaged_word_file_in_the_cache_is_built_again(project, tmp_path, monkeypatch):
    cache = BuildCache(tmp_path / "cache")
    first = docx_files.agreement_documents(project, cache)
    for entry in sorted((tmp_path / "cache" / docx_files.CACHE_KIND).iterdir())[:1]:
        entry.write_bytes(entry.read_bytes()[:-100])  # en avbruten eller skadad fil
    built: list = []
    original = docx_files.build_document
    monkeypatch.setattr(docx_files, "build_document", lambda p, d: built.append(d) or original(p, d))
    second = docx_files.agreement_documents(project, BuildCache(tmp_path / "cache"))
    assert len(built) == 1
    assert second == first
    for data in second.values():
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_a_damaged_page_entry_is_rendered_again(project, tmp_path):
    small = project_module.Project(root=project.root, today=TODAY, lagrum=project.lagrum)
    small.trees = {tree_id: project.trees[tree_id] for tree_id in sorted(project.trees)[:1]}
    cache = BuildCache(tmp_path / "cache")
    first = site.CachedPageBuilder(small, cache).all_pages()
    for entry in (tmp_path / "cache" / site.PAGES_KIND).iterdir():
        entry.write_bytes(entry.read_bytes()[:40] + b"{not json")
    second = site.CachedPageBuilder(small, BuildCache(tmp_path / "cache")).all_pages()
    assert [p.render() for p in second] == [p.render() for p in first]


@pytest.fixture
def code_copy(tmp_path, monkeypatch) -> Path:
    """Byggverktygets mallar och en Python-fil i en egen mapp, så att testet kan ändra dem."""
    folder = tmp_path / "build_tools"
    (folder / "render" / "templates").mkdir(parents=True)
    (folder / "modul.py").write_text("X = 1\n")
    (folder / "render" / "templates" / "sida.html.j2").write_text("<p>{{ text }}</p>\n")
    monkeypatch.setattr(build_cache, "PACKAGE_DIR", folder)
    build_cache._loaded_python.cache_clear()
    yield folder
    build_cache._loaded_python.cache_clear()


def test_a_template_edit_changes_the_fingerprint_in_the_same_process(code_copy):
    before = build_cache.code_fingerprint()
    assert build_cache.code_fingerprint() == before
    (code_copy / "render" / "templates" / "sida.html.j2").write_text("<p class='ny'>{{ text }}</p>\n")
    assert build_cache.code_fingerprint() != before


def test_python_edits_are_reported_not_hidden(code_copy):
    before = build_cache.code_fingerprint()
    assert not build_cache.python_changed_on_disk()
    (code_copy / "modul.py").write_text("X = 2\n")
    # Processen kör fortfarande den gamla koden: nyckeln följer den, och ändringen syns.
    assert build_cache.code_fingerprint() == before
    assert build_cache.python_changed_on_disk()


def test_library_versions_are_part_of_the_fingerprint(monkeypatch):
    build_cache._library_versions.cache_clear()
    before = build_cache.code_fingerprint()
    real = build_cache.importlib.metadata.version

    def bumped(name: str) -> str:
        return real(name) + ".1" if name == "pymdown-extensions" else real(name)

    monkeypatch.setattr(build_cache.importlib.metadata, "version", bumped)
    build_cache._library_versions.cache_clear()
    try:
        assert build_cache.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        build_cache._library_versions.cache_clear()
    assert {"Markdown", "pymdown-extensions", "Jinja2", "nh3", "python-docx", "PyYAML", "mkdocs-material"} <= set(
        build_cache.LIBRARIES
    )


def test_case_pages_come_from_the_cache_until_their_case_changes(project, tmp_path, monkeypatch):
    rendered: list[str] = []
    original = site.PageBuilder.case_page
    monkeypatch.setattr(
        site.PageBuilder, "case_page", lambda self, case: rendered.append(case.id) or original(self, case)
    )
    first = site.CachedPageBuilder(project, BuildCache(tmp_path / "cache")).all_pages()
    assert len(rendered) == len(project.cases) > 20
    rendered.clear()
    again = site.CachedPageBuilder(project, BuildCache(tmp_path / "cache")).all_pages()
    assert rendered == []
    assert [p.render() for p in again] == [p.render() for p in first]
    changed = copy.copy(project)
    case = project.cases[0]
    changed.cases = [dataclasses.replace(case, title=case.title + " (ändrat)"), *project.cases[1:]]
    pages = site.CachedPageBuilder(changed, BuildCache(tmp_path / "cache")).all_pages()
    assert rendered == [case.id]
    assert any(case.title + " (ändrat)" in p.render() for p in pages if p.source == f"ovningsfall/{case.id}/index.md")
    # Utskrifterna per roll innehåller fallet och byggs om med det.
    assert any("(ändrat)" in p.render() for p in pages if p.source.startswith("ovningsfall/for/"))


def test_an_unchanged_site_comes_from_one_entry_and_keeps_the_guides_entries(project, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    rendered: list[str] = []
    tree_pages = site.PageBuilder.tree_pages
    monkeypatch.setattr(site.PageBuilder, "tree_pages", lambda self, t: rendered.append(t.id) or tree_pages(self, t))

    def build(content):
        cache = BuildCache(folder)
        pages = site.CachedPageBuilder(content, cache).all_pages()
        cache.prune(site.PAGES_KIND)
        return {p.source: p.render() for p in pages}

    first = build(project)
    rendered.clear()
    assert build(project) == first and rendered == []  # allt ur cachen
    # En ändrad guide: bara den renderas igen; de andra guidernas poster fanns kvar efter förra bygget.
    changed = copy.copy(project)
    tree_id = sorted(project.trees)[0]
    tree = project.trees[tree_id]
    changed.trees = {**project.trees, tree_id: dataclasses.replace(tree, title=tree.title + " (ändrad)")}
    third = build(changed)
    assert rendered == [tree_id]
    assert (tree.title + " (ändrad)") in third[f"beslutsstod/{tree_id}/index.md"]
    # Ett ändrat kapitel (inte en guide) syns också: det ingår i nyckeln för hela sajten.
    chapter = project.chapters[0]
    edited = copy.copy(changed)
    edited.chapters = [dataclasses.replace(chapter, body=chapter.body + "\n\nNytt stycke."), *project.chapters[1:]]
    fourth = build(edited)
    assert any("Nytt stycke." in text for text in fourth.values())


def test_word_files_filled_from_the_pattern_equal_files_built_one_by_one(project):
    """Stadsdelarnas filer fylls i en förlaga; de ska vara exakt som när varje fil byggs för sig."""
    odd = dataclasses.replace(project.districts[0], name="Å & <Ö> ”citat”", website="https://exempel.se/?a=1&b=2")
    spaced = dataclasses.replace(project.districts[1], website=" https://exempel.se ")  # tar den långsamma vägen
    for district in [*project.districts, odd, spaced]:
        one_by_one = docx_files._build(project, district.name, lambda f, d=district: docx_files.field_value(f, d))
        assert docx_files.build_document(project, district) == one_by_one, district.slug


def test_an_unchanged_project_is_read_from_one_entry_and_any_changed_file_reads_it_again(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "om.md").write_text("# Om\n\nSe [lagrum](../lagrum/index.md).\n", encoding="utf-8")
    first_project, first = load_project(Layout(root), TODAY)  # sparas redan första gången
    calls: list[str] = []
    original = project_module._load_view
    monkeypatch.setattr(project_module, "_load_view", lambda *a: calls.append("läst") or original(*a))
    again_project, again = load_project(Layout(root), TODAY)
    assert calls == []
    assert again_project == first_project
    assert [d.format() for d in again.sorted()] == [d.format() for d in first.sorted()]
    # En ändrad sida som inte är en guide: länken är nu trasig, och det syns.
    (root / "docs" / "om.md").write_text("# Om\n\nSe [lagrum](../lagrum/saknas.md).\n", encoding="utf-8")
    _, changed = load_project(Layout(root), TODAY)
    assert calls == ["läst"] and [d.code for d in changed.errors] == ["trasig-lank"]
    # En skadad post läses som saknad.
    for entry in _entries(root, project_cache.KIND):
        entry.write_bytes(entry.read_bytes()[:-3])
    _, after_damage = load_project(Layout(root), TODAY)
    assert calls == ["läst", "läst"] and [d.code for d in after_damage.errors] == ["trasig-lank"]

"""Sökindexet i den byggda sajten: ord från olika element får inte klistras ihop till ett ord
(då hittar sökningen dem inte), och sajtens egna fält och ordförråd finns med."""

from __future__ import annotations

import json
import re

from build_tools.domain.model import Question
from build_tools.render.markdown_text import to_plain_text

TAG = re.compile(r"<[^>]+>")


def _index(site_dir):
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def _words(index) -> set[str]:
    text = " ".join(TAG.sub(" ", d.get("title", "") + " " + d.get("text", "")) for d in index["docs"])
    return {w.casefold() for w in re.findall(r"\w+", text)}


def test_answer_label_and_hint_are_separate_words(site_dir, project):
    words = _words(_index(site_dir))
    checked = 0
    for tree in project.trees.values():
        for node in tree.nodes.values():
            if not isinstance(node, Question):
                continue
            for answer in node.answers:
                if not answer.explanation:
                    continue
                last = re.findall(r"\w+", to_plain_text(answer.label))[-1].casefold()
                first = re.findall(r"\w+", to_plain_text(answer.explanation))[0].casefold()
                assert last + first not in words, f"{tree.id}/{node.id}: '{last}' och '{first}' har klistrats ihop"
                checked += 1
    assert checked > 10


def test_district_table_cells_are_separate_words(site_dir, project):
    words = _words(_index(site_dir))
    for district in project.districts:
        for area in district.neighbourhoods:
            last = re.findall(r"\w+", area)[-1].casefold()
            first = re.findall(r"\w+", district.name)[0].casefold()
            assert last + first not in words, f"{area} och {district.name} har klistrats ihop"


def test_index_has_swedish_fields_and_query_vocabulary(site_dir):
    index = _index(site_dir)
    fields = index["config"]["fields"]
    assert {"ord", "titelord"} <= set(fields)
    vocabulary = index["config"]["samverkan"]
    assert "anmälan" in vocabulary["ord"] and "till" in vocabulary["stoppord"]
    chapter = next(d for d in index["docs"] if d["location"] == "stod/anmalningsskyldighet/")
    assert "skyldighet" in chapter["titelord"].split()


def test_search_step_runs_on_a_built_site_without_mkdocs(site_dir, tmp_path):
    """Sökordssteget är ett eget steg på den färdiga mappen (för andra generatorer än MkDocs). MkDocs-
    kroken har redan kört det; att köra det igen ändrar ingenting."""
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "sajt"
    shutil.copytree(site_dir / "search", copy / "search")
    before = (copy / "search" / "search_index.json").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "sokindex", str(copy)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((copy / "search" / "search_index.json").read_bytes()) == json.loads(before)
    empty = subprocess.run(
        [sys.executable, "-m", "build_tools", "sokindex", str(tmp_path / "tom")], capture_output=True, text=True
    )
    assert empty.returncode == 1 and "Hittade inget sökindex" in empty.stdout

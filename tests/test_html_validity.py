"""Den byggda sajten är giltig HTML enligt vnu (Nu Html Checker, npm-paketet vnu-jar, Java från Debian).

vnu körs en gång över ett urval sidor, en av varje sort. Varje fel från våra mallar (build_tools/render/
templates, overrides/) gör att testet misslyckas. Undantagen nedan är Materials egna fel på ställen som
temat inte låter oss skriva över; varje undantag säger varför.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.adapters.node_data import DATA_NAME
from build_tools.addresses import urls

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (början av vnu:s meddelande, text som ska stå i utdraget) för fel vi inte kan rätta.
IGNORED = [
    # Materials base.html skriver växlarna för menyn och sökningen (<input type="checkbox" id="__drawer"
    # autocomplete="off">) utanför alla block, så de går inte att skriva över utan att kopiera hela
    # base.html. autocomplete="off" hindrar Firefox från att minnas om menyn var öppen.
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="search"'),
]


def sample_pages(project) -> list[str]:
    """En sida av varje sort: startsidan, listor, en guide, en fråga, ett resultat, ett kapitel …"""
    tree = next(iter(project.trees.values()))
    question = tree.start
    outcome = tree.outcomes[0].id
    pages = [
        "index.html",
        "404.html",
        "om/index.html",
        urls.GUIDES_URL + "index.html",
        urls.tree_url(tree.id) + "index.html",
        urls.node_url(tree.id, question) + "index.html",
        urls.node_url(tree.id, outcome) + "index.html",
        urls.GLOSSARY_URL + "index.html",
        urls.LAGRUM_URL + "index.html",
        urls.DISTRICTS_URL + "index.html",
        urls.CHAPTERS_URL + "index.html",
        urls.FILL_URL + "index.html",
        urls.CASES_URL + "index.html",
    ]
    if project.districts:
        pages.append(urls.district_url(project.districts[0].slug) + "index.html")
    if project.cases:
        pages.append(urls.case_url(project.cases[0].id) + "index.html")
    if project.chapters:
        pages.append(urls.chapter_url(project.chapters[0]) + "index.html")
    return pages


def ignored(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(start) and part in extract for start, part in IGNORED)


def test_sample_pages_have_no_html_errors_of_our_own(site_dir: Path, project):
    if shutil.which("java") is None or not VNU.exists():
        pytest.fail("vnu saknas: kör scripts/bootstrap.sh requirements-test.txt (Java från Debian, vnu-jar från npm).")
    files = []
    for page in sample_pages(project):
        path = site_dir / page
        assert path.exists(), f"sidan finns inte i bygget: {page}"
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [m for m in messages if m.get("type") == "error" and not ignored(m)]
    report = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}: {m['message']} – {m.get('extract', '')!r}" for m in errors]
    assert errors == [], "\n".join(report)
    assert len(files) >= 12


def test_guide_node_data_is_written_for_every_guide(site_dir: Path, project):
    """Svaren ritas på plats ur noder.json; varje nod i varje guide står där med sin ruta och titel."""
    for tree in project.trees.values():
        data = json.loads((site_dir / urls.tree_url(tree.id) / DATA_NAME).read_text(encoding="utf-8"))
        assert set(data["nodes"]) == set(tree.nodes), tree.id
        for node_id, entry in data["nodes"].items():
            assert entry["html"].startswith('<div class="sv-walker ') and f'data-sv-node="{node_id}"' in entry["html"]
            assert entry["title"].endswith("Samverkansguiden")

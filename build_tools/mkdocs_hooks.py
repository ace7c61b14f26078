"""Tunt lager mot MkDocs: genererar build/docs/ före varje bygge.

Det här är den enda modulen som känner till MkDocs. Byts MkDocs ut (t.ex. mot Zensical),
kör ``python -m build_tools build`` först och låt den nya generatorn läsa build/docs/.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs läser in krokfilen som en lös modul. Se till att paketet build_tools går att importera
# även när det inte är installerat, t.ex. direkt efter en ny klon.
_PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)
if _PROJECT_ROOT not in sys.path:
    sys.path.insert(0, _PROJECT_ROOT)

from build_tools.diagnostics import ContentError  # noqa: E402
from build_tools.project import Layout, load_project  # noqa: E402
from build_tools.render.pages import search_hints  # noqa: E402
from build_tools.render.site import write_site  # noqa: E402
from build_tools.search_terms import augment_index  # noqa: E402

# Projektet som lästes in i on_config, så att det inte behöver läsas in en gång till efter bygget.
_LOADED: dict = {}


def on_post_build(config, **kwargs):
    """Lägg till svenska sökord (delar av sammansatta ord, synonymer) i sökindexet."""
    if os.environ.get("SV_STOCK_SEARCH") == "1":  # för jämförelsen i scripts/search_benchmark.py
        return
    project = _LOADED.get("project")
    if project is None:
        return
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if index_path.exists():
        index = json.loads(index_path.read_text(encoding="utf-8"))
        index_path.write_text(
            json.dumps(augment_index(index, project.search_vocabulary, search_hints(project)), ensure_ascii=False),
            encoding="utf-8",
        )


def on_config(config, **kwargs):
    root = Path(config["config_file_path"]).absolute().parent
    layout = Layout(root)
    project, report = load_project(layout)
    if not report.ok:
        raise PluginError(
            "Innehållet har fel. Kör 'python -m build_tools check' för detaljer.\n\n" + str(ContentError(report, root))
        )
    write_site(project, layout)
    _LOADED["project"] = project  # samma inläsning används igen efter bygget (sökorden)
    return config

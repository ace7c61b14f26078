"""Svenska sökord i den byggda sajtens sökindex – ett steg som körs på den färdiga mappen.

Generatorn (MkDocs, ProperDocs) skriver search/search_index.json. Det här steget lägger till delarna
i sammansatta ord, grundformer och synonymer (se search_terms.py) och sätter rubrik och vikt för guidernas
steg (se render/page_data.py: search_hints). Steget känner inte till MkDocs: MkDocs-kroken anropar det
efter bygget, och med en annan generator körs det som ``python -m build_tools sokindex site/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.model import Project
from ..load.search_terms import augment_index
from ..render.page_data import search_hints

INDEX_FILE = Path("search") / "search_index.json"


def augment_site_search(site_dir: Path, project: Project) -> bool:
    """Lägg till sajtens svenska sökord i ``site_dir``s sökindex. False om sajten saknar sökindex."""
    index_path = site_dir / INDEX_FILE
    if not index_path.is_file():
        return False
    index = json.loads(index_path.read_text(encoding="utf-8"))
    augmented = augment_index(index, project.search_vocabulary, search_hints(project))
    index_path.write_text(json.dumps(augmented, ensure_ascii=False), encoding="utf-8")
    return True

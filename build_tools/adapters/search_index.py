"""Svenska sökord i den byggda sajtens sökindex – ett steg som körs på den färdiga mappen.

Generatorn (MkDocs, ProperDocs) skriver search/search_index.json. Det här steget lägger till delarna
i sammansatta ord, grundformer och synonymer (se search_terms.py) och sätter rubrik och vikt för guidernas
steg (se render/page_data.py: search_hints). Steget känner inte till MkDocs: MkDocs-kroken anropar det
efter bygget, och med en annan generator körs det som ``python -m build_tools sokindex site/``.

Med en BuildCache sparas resultatet under en nyckel av generatorns index, ordförrådet, sidornas
sökrubriker och koden: ett varmt bygge (samma index som förra gången) skriver bara det sparade.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from ..base.build_cache import BuildCache, code_fingerprint, digest
from ..domain.model import Project
from ..load.search_terms import SearchVocabulary, augment_index
from ..render.page_data import search_hints

INDEX_FILE = Path("search") / "search_index.json"
CACHE_KIND = "sokindex"


def augment_site_search(site_dir: Path, project: Project, cache: BuildCache | None = None) -> bool:
    """Lägg till sajtens svenska sökord i ``site_dir``s sökindex. False om sajten saknar sökindex."""
    index_path = site_dir / INDEX_FILE
    if not index_path.is_file():
        return False
    data = index_path.read_bytes()
    hints = search_hints(project)
    key = digest(code_fingerprint(), data, _vocabulary_key(project.search_vocabulary), repr(sorted(hints.items())))
    augmented = cache.get(CACHE_KIND, key) if cache is not None else None
    if augmented is None:
        index = json.loads(data.decode("utf-8"))
        augmented = json.dumps(augment_index(index, project.search_vocabulary, hints), ensure_ascii=False).encode()
        if cache is not None:
            cache.put(CACHE_KIND, key, augmented)
    index_path.write_bytes(augmented)
    if cache is not None:
        cache.prune(CACHE_KIND)
    return True


def _vocabulary_key(vocabulary: SearchVocabulary) -> str:
    """Ordförrådet i fast ordning (mängdernas ordning skiftar mellan körningar)."""
    return repr([(f.name, _stable(getattr(vocabulary, f.name))) for f in dataclasses.fields(vocabulary)])


def _stable(value):
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, dict):
        return sorted((k, _stable(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    return value

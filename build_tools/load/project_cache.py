"""Hela inläsningen (projektet och check-rapporten) ur build/cache/projekt/ när ingen fil har ändrats.

Nyckeln är varje fil i innehållsmapparna och mkdocs.yml (sökväg och innehåll), schemana koden
kontrollerar mot, byggverktygets kod och bibliotek (``code_fingerprint``) och datumet. Det är allt
``load_project`` läser: ändras något läses allt in på nytt (och guiderna tas då ur sina egna poster,
se project.GuideCache). Ett varmt bygge och en andra check behöver då bara läsa filerna och en post.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ..base import diagnostics
from ..base.build_cache import BuildCache, JsonCodec, classes_in, code_fingerprint, digest
from ..check.schema_check import SCHEMA_DIR
from ..domain import dated, model
from . import search_terms

KIND = "projekt"
FOLDERS = ("decision_trees", "data", "guides", "docs", "schemas")
FILES = ("mkdocs.yml",)
_CODEC: JsonCodec | None = None


def _codec() -> JsonCodec:
    global _CODEC
    if _CODEC is None:
        _CODEC = JsonCodec(classes_in(model, dated, diagnostics, search_terms))
    return _CODEC


def inputs_key(root: Path, today: dt.date) -> str | None:
    """Hash av allt inläsningen läser. None om någon fil inte går att läsa (då läses allt in som vanligt)."""
    parts: list[str | bytes] = [code_fingerprint(), today.isoformat(), str(root)]
    try:
        for folder in FOLDERS:
            base = root / folder
            if base.is_dir():
                for path in sorted(base.rglob("*")):
                    if path.is_file():
                        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
        for name in FILES:
            path = root / name
            parts += [name, path.read_bytes() if path.is_file() else b""]
        # Schemana som koden kontrollerar mot (i kodens projekt, som kan vara ett annat än root).
        parts += [p.read_bytes() for p in sorted(SCHEMA_DIR.rglob("*.json"))]
    except (OSError, RuntimeError):
        return None
    return digest(*parts)


def load(root: Path, key: str | None, guide_reader):
    """(projekt, rapport) ur cachen, eller None.

    Guiderna står inte i posten utan i sina egna (project.GuideCache): ``guide_reader(projekt, lagrum_ok)``
    ger en funktion som läser en guides post. Saknas en av dem läses allt in på nytt."""
    if key is None:
        return None
    data = BuildCache(root / "build" / "cache").get(KIND, key)
    if data is None:
        return None
    try:
        project, items, sources, lagrum_ok = _codec().loads(data)
    except ValueError:
        return None
    read = guide_reader(project, lagrum_ok)
    for source, tree_id in sources:
        entry = read(Path(source))
        if entry is None or entry[0] is None or entry[0].id != tree_id:
            return None
        project.trees[tree_id] = entry[0]
    return project, diagnostics.Report(list(items))


def store(root: Path, key: str | None, project, report, lagrum_ok: bool) -> None:
    """Spara inläsningen, utan guiderna (de har egna poster): bara var de finns och deras id."""
    if key is None:
        return
    cache = BuildCache(root / "build" / "cache")
    sources = tuple((str(tree.source), tree.id) for tree in project.trees.values())
    rest = dataclasses.replace(project, trees={})
    try:
        cache.put(KIND, key, _codec().dumps((rest, tuple(report.items), sources, lagrum_ok)))
        cache.prune(KIND)
    except (OSError, TypeError):
        pass  # då läses projektet in som vanligt nästa gång

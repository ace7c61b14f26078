"""Hela inläsningen (projektet och check-rapporten) ur build/cache/projekt/ när ingen fil har ändrats.

Nyckeln är varje fil i innehållsmapparna och mkdocs.yml (sökväg och innehåll), schemana koden
kontrollerar mot, byggverktygets kod och bibliotek (``code_fingerprint``) och datumet. Det är allt
``load_project`` läser: ändras något läses allt in på nytt (och guiderna tas då ur sina egna poster,
se project.GuideCache). Posten sparas redan vid första inläsningen (den är billig att skriva), så att
redan det andra bygget eller den andra checken bara behöver läsa filerna och en post.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base import diagnostics
from ..base.build_cache import BuildCache, JsonCodec, classes_in, code_fingerprint, digest
from ..check.schema_check import SCHEMA_DIR
from ..domain import dated, model
from . import dated_view, search_terms

KIND = "projekt"
FOLDERS = ("decision_trees", "data", "guides", "docs", "schemas")
FILES = ("mkdocs.yml",)
_CODEC: JsonCodec | None = None


def _codec() -> JsonCodec:
    global _CODEC
    if _CODEC is None:
        _CODEC = JsonCodec(classes_in(model, dated, diagnostics, search_terms, dated_view))
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


def load(root: Path, key: str | None):
    """(vyn, rapporten) ur cachen, eller None."""
    if key is None:
        return None
    data = BuildCache(root / "build" / "cache").get(KIND, key)
    if data is None:
        return None
    try:
        project, items = _codec().loads(data)
    except ValueError:
        return None
    return project, diagnostics.Report(list(items))


def store(root: Path, key: str | None, project, report) -> None:
    if key is None:
        return
    cache = BuildCache(root / "build" / "cache")
    try:
        cache.put(KIND, key, _codec().dumps((project, tuple(report.items))))
        cache.prune(KIND)
    except (OSError, TypeError):
        pass  # då läses projektet in som vanligt nästa gång

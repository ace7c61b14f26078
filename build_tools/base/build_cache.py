"""Cache för härledda filer (sidor, Word-filer) i build/cache/, nycklad på en hash av indata.

En post sparas under en nyckel som räknas fram ur allt som påverkar resultatet: innehållet den
bygger på och byggverktygets egen kod (``code_fingerprint``: Python-filer, mallar och versionerna
av biblioteken som renderar). Ändras något av det blir nyckeln en annan och posten byggs om.
Gamla poster tas bort med ``prune`` när ett bygge är klart.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Bibliotek vars version påverkar vad som renderas.
LIBRARIES = ("Markdown", "Jinja2", "MarkupSafe", "python-docx", "nh3")


def digest(*parts: str | bytes) -> str:
    """En hash av delarna (i ordning). Delarna hålls isär, så ("ab", "c") och ("a", "bc") skiljer sig."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def code_fingerprint() -> str:
    """Hash av byggverktygets kod och mallar och av de renderande bibliotekens versioner."""
    parts: list[str | bytes] = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".json"):
            parts += [path.relative_to(PACKAGE_DIR).as_posix(), path.read_bytes()]
    for name in LIBRARIES:
        try:
            parts += [name, importlib.metadata.version(name)]
        except importlib.metadata.PackageNotFoundError:
            parts += [name, "-"]
    return digest(*parts)


@dataclass
class BuildCache:
    """Poster per sort (t.ex. "sidor", "docx") i en egen mapp: ``<folder>/<sort>/<nyckel>``."""

    folder: Path
    used: dict[str, set[str]] = field(default_factory=dict)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> bytes | None:
        self.used.setdefault(kind, set()).add(key)
        try:
            return self._path(kind, key).read_bytes()
        except OSError:
            return None

    def put(self, kind: str, key: str, data: bytes) -> None:
        self.used.setdefault(kind, set()).add(key)
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)  # så att en avbruten skrivning aldrig lämnar en halv post

    def prune(self, kind: str) -> None:
        """Ta bort poster av sorten som inte användes i det här bygget."""
        folder = self.folder / kind
        if not folder.is_dir():
            return
        used = self.used.get(kind, set())
        for path in folder.iterdir():
            if path.name not in used:
                path.unlink()

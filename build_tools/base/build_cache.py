"""Cache för härledda filer (sidor, Word-filer, guidernas kontroll) i build/cache/, nycklad på en hash av indata.

En post sparas under en nyckel som räknas fram ur allt som påverkar resultatet: innehållet den
bygger på och byggverktygets egen kod (``code_fingerprint``). Ändras något av det blir nyckeln en
annan och posten byggs om. Gamla poster tas bort med ``prune`` när ett bygge är klart.

Cachen kan inte ljuga:
- Fingeravtrycket räknas vid varje bygge. Mallarna (.j2) och JSON-filerna läses från disken varje
  gång, så en ändrad mall i en körande förhandsvisning (``mkdocs serve``) ger nya nycklar. Python-koden
  räknas som den koden som faktiskt körs (den lästes in när processen startade); är filerna på disken
  ändrade säger ``python_changed_on_disk`` det, så att förhandsvisningen kan be om en omstart.
- Versionerna av biblioteken som formar resultatet ingår (``LIBRARIES``), liksom Pythons version.
- Posterna är data, aldrig kod: bytes eller JSON (``JsonCodec``), inget format som kan köra kod när det läses.
- Varje post har en kontrollsumma. En trasig post (avbruten skrivning, ändrad fil) läses som saknad
  och byggs om.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import importlib.metadata
import json
import operator
import platform
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # build_tools/
# Bibliotek vars version påverkar vad som byggs: Markdown och mallar, tvätten, Word-filerna, YAML-
# tolkningen och schemakontrollen (guidernas felmeddelanden), och temat som gör sidorna till HTML.
LIBRARIES = (
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "MarkupSafe",
    "nh3",
    "python-docx",
    "lxml",
    "PyYAML",
    "jsonschema",
    "mkdocs",
    "mkdocs-material",
)
_DATA_SUFFIXES = (".j2", ".json")


def digest(*parts: str | bytes) -> str:
    """En hash av delarna (i ordning). Delarna hålls isär, så ("ab", "c") och ("a", "bc") skiljer sig."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _files(suffixes: tuple[str, ...]) -> list[str | bytes]:
    parts: list[str | bytes] = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in suffixes and path.is_file():
            parts += [path.relative_to(PACKAGE_DIR).as_posix(), path.read_bytes()]
    return parts


def _python_on_disk() -> str:
    return digest(*_files((".py",)))


@cache
def _loaded_python() -> str:
    """Python-koden som körs i den här processen: läst en gång, eftersom moduler inte läses in på nytt."""
    return _python_on_disk()


@cache
def _library_versions() -> str:
    """Versionerna av de inlästa biblioteken (en gång per process, av samma skäl som koden)."""
    parts: list[str] = [platform.python_implementation(), platform.python_version()]
    for name in LIBRARIES:
        try:
            parts += [name, importlib.metadata.version(name)]
        except importlib.metadata.PackageNotFoundError:
            parts += [name, "-"]
    return digest(*parts)


def code_fingerprint() -> str:
    """Hash av koden som körs, mallarna och JSON-filerna som de ser ut nu, och bibliotekens versioner.

    Anropas en gång per bygge (inte en gång per process): mallarna läses om från disken varje gång."""
    return digest(_loaded_python(), *_files(_DATA_SUFFIXES), _library_versions())


def python_changed_on_disk() -> bool:
    """Har byggverktygets Python-kod ändrats sedan processen startade? (Då körs fortfarande den gamla.)"""
    return _python_on_disk() != _loaded_python()


_CHECK_BYTES = 32  # sha256 av innehållet, först i varje post


@dataclass
class BuildCache:
    """Poster per sort (t.ex. "sidor", "docx") i en egen mapp: ``<folder>/<sort>/<nyckel>``."""

    folder: Path
    used: dict[str, set[str]] = field(default_factory=dict)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> bytes | None:
        """Postens innehåll, eller None om den saknas eller är trasig (kontrollsumman stämmer inte)."""
        self.used.setdefault(kind, set()).add(key)
        try:
            stored = self._path(kind, key).read_bytes()
        except OSError:
            return None
        check, data = stored[:_CHECK_BYTES], stored[_CHECK_BYTES:]
        if len(check) != _CHECK_BYTES or hashlib.sha256(data).digest() != check:
            return None
        return data

    def has(self, kind: str, key: str) -> bool:
        return self._path(kind, key).is_file()

    def touch(self, kind: str, key: str) -> None:
        """Räkna posten som använd i bygget (så att prune inte tar bort den) utan att läsa den."""
        self.used.setdefault(kind, set()).add(key)

    def put(self, kind: str, key: str, data: bytes) -> None:
        self.used.setdefault(kind, set()).add(key)
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(hashlib.sha256(data).digest() + data)
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


# Märken först i en JSON-lista som inte är en vanlig tuple. Tecknet \x00 förekommer aldrig i innehåll
# (check stoppar styrtecken), och en tuple som ändå börjar med det märks som tuple.
_TAG = "\x00"


class JsonCodec:
    """Dataklasser, tupler, listor, ordböcker, datum och sökvägar som JSON, och tillbaka till exakt samma värden.

    Bara klasserna i ``classes`` kan skapas när en post läses, så en post kan aldrig köra kod."""

    def __init__(self, classes: list[type]) -> None:
        self.classes = {cls.__name__: cls for cls in classes}
        self.names = {cls: name for name, cls in self.classes.items()}
        self._getters = {cls: _getter(cls) for cls in classes if dataclasses.is_dataclass(cls)}

    def dumps(self, value: Any) -> bytes:
        return json.dumps(self._pack(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def loads(self, data: bytes) -> Any:
        """Värdet i en post. ValueError om posten inte går att läsa (då byggs den om)."""
        try:
            return self._unpack(json.loads(data), {})
        except (KeyError, TypeError, IndexError, AttributeError) as exc:
            raise ValueError(f"trasig post: {exc}") from exc

    def _pack(self, value: Any) -> Any:
        kind = type(value)
        if kind is str or kind is int or value is None or kind is bool or kind is float:
            return value
        if kind is tuple:
            pack = self._pack
            items = [pack(v) for v in value]
            return [_TAG + "t", *items] if items and type(items[0]) is str and items[0][:1] == _TAG else items
        getter = self._getters.get(kind)
        if getter is not None:  # en dataklass: fälten i konstruktorns ordning
            pack = self._pack
            return [_TAG + "c", self.names[kind], *[pack(v) for v in getter(value)]]
        return self._pack_other(value, kind)

    def _pack_other(self, value: Any, kind: type) -> Any:
        if kind is list:
            return [_TAG + "l", *(self._pack(v) for v in value)]
        if kind is set:
            return [_TAG + "s", *(self._pack(v) for v in value)]
        if kind is dict:
            return [_TAG + "m", *(self._pack(x) for pair in value.items() for x in pair)]
        if kind is dt.date:
            return [_TAG + "d", value.isoformat()]
        if isinstance(value, Path):
            return [_TAG + "p", str(value)]
        if isinstance(value, enum.Enum) and kind in self.names:
            return [_TAG + "e", self.names[kind], value.value]
        raise TypeError(f"{kind.__name__} kan inte sparas i cachen")

    def _unpack(self, value: Any, paths: dict[str, Path]) -> Any:
        if type(value) is not list:
            return value
        head = value[0] if value else None
        if type(head) is not str or head[:1] != _TAG:
            return tuple(self._unpack(v, paths) for v in value)
        tag, rest = head[1:], value[1:]
        if tag == "c":
            cls = self.classes[rest[0]]
            return cls(*(self._unpack(v, paths) for v in rest[1:]))
        if tag == "p":
            return paths.setdefault(rest[0], Path(rest[0]))
        if tag == "t":
            return tuple(self._unpack(v, paths) for v in rest)
        if tag == "l":
            return [self._unpack(v, paths) for v in rest]
        if tag == "m":
            items = [self._unpack(v, paths) for v in rest]
            return dict(zip(items[::2], items[1::2], strict=True))
        if tag == "s":
            return {self._unpack(v, paths) for v in rest}
        if tag == "d":
            return dt.date.fromisoformat(rest[0])
        if tag == "e":
            return self.classes[rest[0]](rest[1])
        raise KeyError(tag)


def _getter(cls: type):
    """Fälten i den ordning konstruktorn tar dem, som en tuple (alla dataklasser i modellen har init för varje fält)."""
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    if len(names) < 2:
        return lambda value: tuple(getattr(value, name) for name in names)
    return operator.attrgetter(*names)


def classes_in(*modules) -> list[type]:
    """Dataklasserna och uppräkningarna som modulerna själva definierar (det en JsonCodec får skapa)."""
    found: list[type] = []
    for module in modules:
        for value in vars(module).values():
            own = isinstance(value, type) and value.__module__ == module.__name__
            if own and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum)):
                found.append(value)
    return found

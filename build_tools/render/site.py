"""Skriver sajtens källmapp (build/docs/): handskrivna sidor plus genererade sidor.

Filer skrivs bara om innehållet ändrats, så att ``mkdocs serve`` inte bygger om i onödan,
och filer som inte längre ska finnas tas bort.

En guides sidor och Word-filerna sparas i build/cache/ och renderas bara om när det de byggs av
har ändrats (se build_cache.py). Med många guider är det skillnaden mellan en minut och några
sekunder, eftersom en ändring nästan alltid gäller en enda guide.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..base.build_cache import BuildCache, code_fingerprint, digest
from ..base.layout import Layout
from ..check.schema_check import SCHEMA_DIR
from ..domain.model import Project, Tree
from ..load.text_tokens import expand, token_values
from .docx_files import CACHE_KIND as DOCX_KIND
from .docx_files import agreement_documents
from .page import Page
from .page_data import districts_json, glossary_json
from .pages import PageBuilder

# Håller mappen build/docs/ i git, så att MkDocs hittar den innan kroken har körts.
KEEP_FILE = ".gitkeep"
PAGES_KIND = "sidor"


def cache_for(layout: Layout) -> BuildCache:
    return BuildCache(layout.cache_dir)


class CachedPageBuilder(PageBuilder):
    """Som PageBuilder, men en guides sidor och granskningsvy, övningsfallens sidor och utskrifterna per
    roll tas ur cachen när inget de byggs av har ändrats.

    De byggs av guiden själv, lagrumsregistret (hänvisningarna), stadens gemensamma kontaktvägar,
    dagens datum och koden med mallarna; ett övningsfall dessutom av fallet själv. Det är exakt det som
    PageBuilder.tree_pages, review_page, case_page, role_collections och mallarna de använder kommer åt.
    Börjar de använda något mer ur projektet måste det läggas till i nyckeln här.
    """

    def __init__(self, project: Project, cache: BuildCache) -> None:
        super().__init__(project)
        self.cache = cache
        self.shared_key = digest(
            code_fingerprint(), repr(project.lagrum), repr(project.city_contacts), self.today.isoformat()
        )
        self.tree_keys: dict[str, tuple[Tree, str]] = {}

    def tree_pages(self, tree: Tree) -> list[Page]:
        return self._cached("sidor", tree, super().tree_pages)

    def all_pages(self) -> list[Page]:
        """Har ingenting ändrats kommer alla sidor ur en enda post (det vanliga varma bygget).

        Nyckeln är allt i projektet (varje fält, guiderna genom sina nycklar) och schemana som
        handboken visar; ändras något byggs de andra sidorna om och guiderna tas ur sina egna poster."""
        # Sökorden används inte av sidorna (bara av sökindexet efter bygget), och deras mängder har ingen fast ordning.
        skip = ("trees", "search_vocabulary")
        others = [getattr(self.project, f.name) for f in dataclasses.fields(self.project) if f.name not in skip]
        trees = [self._tree_key(tree) for tree in self.project.trees.values()]
        schemas = [p.read_bytes() for p in sorted(SCHEMA_DIR.glob("*.json"))]
        # Granskningsvyerna visar incheckningen i git: en ny incheckning ger nya vyer även utan ändrade filer.
        versions = [self.signed_version(tree).key for tree in self.project.trees.values()]
        key = digest(self.shared_key, "alla", repr(others), *trees, *versions, *schemas)
        if self.cache.has(PAGES_KIND, key):
            for inner in self._inner_keys():  # posterna inuti ska finnas kvar till nästa ändring
                self.cache.touch(PAGES_KIND, inner)
        return self._stored(key, super().all_pages)

    def _inner_keys(self) -> list[str]:
        trees = self.project.trees.values()
        keys = [digest(self._tree_key(t), "sidor") for t in trees] + [self._review_key(t) for t in trees]
        if self.project.cases:
            keys += [self._case_key(case) for case in self.project.cases] + [self._roles_key()]
        return keys

    def case_page(self, case) -> Page:
        """Ett övningsfalls sida byggs av fallet och dess guide (och det alla sidor delar, se ovan)."""
        render_one = super().case_page
        return self._stored(self._case_key(case), lambda: [render_one(case)])[0]

    def _case_key(self, case) -> str:
        return digest(self._tree_key(self.project.trees[case.guide_id]), "fall", repr(case))

    def role_collections(self) -> list[Page]:
        """Utskrifterna per roll byggs av alla fall och deras guider."""
        return self._stored(self._roles_key(), super().role_collections)

    def _roles_key(self) -> str:
        trees = sorted({case.guide_id for case in self.project.cases})
        keys = [self._tree_key(self.project.trees[t]) for t in trees]
        return digest(self.shared_key, "roller", repr(self.project.cases), *keys)

    def review_page(self, tree: Tree) -> Page:
        render_one = super().review_page
        return self._stored(self._review_key(tree), lambda: [render_one(tree)])[0]

    def _review_key(self, tree: Tree) -> str:
        """Granskningsvyn visar också guidens versioner (ur filen) och incheckningen i git."""
        source = tree.source.read_bytes() if tree.source.is_file() else b""
        return digest(self._tree_key(tree), digest("granskning", source, self.signed_version(tree).key))

    def _tree_key(self, tree: Tree) -> str:
        """Nyckeln för guiden, räknad en gång per bygge (repr av en stor guide tar några millisekunder)."""
        known = self.tree_keys.get(tree.id)
        if known is None or known[0] is not tree:
            known = (tree, digest(self.shared_key, repr(tree)))
            self.tree_keys[tree.id] = known
        return known[1]

    def _cached(self, part: str, tree: Tree, render: Callable[[Tree], list[Page]]) -> list[Page]:
        return self._stored(digest(self._tree_key(tree), part), lambda: render(tree))

    def _stored(self, key: str, render: Callable[[], list[Page]]) -> list[Page]:
        """Sidorna under nyckeln ur cachen, eller renderade och sparade."""
        cached = self.cache.get(PAGES_KIND, key)
        if cached is not None:
            try:
                return _unpack(cached)
            except (ValueError, TypeError, KeyError):
                pass  # en post som inte går att läsa byggs om
        stored = [StoredPage.of(page) for page in render()]
        self.cache.put(PAGES_KIND, key, _pack(stored))
        return stored


@dataclass(frozen=True)
class StoredPage(Page):
    """En färdigrenderad sida: ``data`` är filens innehåll (Page.render() i UTF-8).

    Sidor ur cachen behöver då inte avkodas och renderas igen. ``body`` är tom; använd render()."""

    data: bytes = b""

    @classmethod
    def of(cls, page: Page) -> StoredPage:
        if isinstance(page, StoredPage):
            return page
        values = {k: v for k, v in asdict(page).items() if k != "body"}
        return cls(**values, body="", data=page.render().encode("utf-8"))

    def render(self) -> str:
        return self.data.decode("utf-8")


def _pack(pages: list[StoredPage]) -> bytes:
    """En rad JSON med sidornas fält och längder, sedan filernas innehåll efter varandra."""
    header = [
        {**{k: v for k, v in asdict(p).items() if k not in ("body", "data")}, "length": len(p.data)} for p in pages
    ]
    return json.dumps(header).encode("ascii") + b"\n" + b"".join(p.data for p in pages)


def _unpack(packed: bytes) -> list[StoredPage]:
    first, _, blob = packed.partition(b"\n")
    pages, offset = [], 0
    for fields in json.loads(first):
        length = fields.pop("length")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
        pages.append(StoredPage(**values, body="", data=blob[offset : offset + length]))
        offset += length
    return pages


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def planned_files(project: Project, layout: Layout, cache: BuildCache | None = None) -> dict[str, bytes]:
    """Alla filer som källmappen ska innehålla, med innehåll. Med en cache renderas bara det som ändrats."""
    files: dict[str, bytes] = {}
    for folder in (layout.docs_dir,):
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files[path.relative_to(folder).as_posix()] = _docs_file(path, project)
    for relative, data in extra_files(project, cache).items():
        files[relative] = data
    builder = PageBuilder(project) if cache is None else CachedPageBuilder(project, cache)
    for page in builder.all_pages():
        if page.source in files:
            raise ValueError(f"Den genererade sidan {page.source} krockar med en handskriven sida i docs/.")
        files[page.source] = page.data if isinstance(page, StoredPage) else page.render().encode("utf-8")
    return files


def _docs_file(path: Path, project: Project) -> bytes:
    """En handskriven sida i docs/, med {{socialjour}} utbytt (build_tools/text_tokens.py)."""
    data = path.read_bytes()
    if path.suffix != ".md" or b"{{" not in data:
        return data
    return expand(data.decode("utf-8"), token_values(project)).encode("utf-8")


def extra_files(project: Project, cache: BuildCache | None = None) -> dict[str, bytes]:
    """Filer som inte är sidor: data till skripten och nedladdningsbara dokument."""
    files: dict[str, bytes] = {}
    if project.districts:
        files["stadsdelar/kontakter.json"] = districts_json(project).encode("utf-8")
    if project.glossary:
        files["ordlista/termer.json"] = glossary_json(project).encode("utf-8")
    if project.agreement_template is not None:
        files.update(agreement_documents(project, cache))
    return files


def write_site(project: Project, layout: Layout) -> int:
    """Skriv källmappen. Returnerar antalet filer som skrevs eller togs bort."""
    out = layout.output_dir
    cache = cache_for(layout)
    files = planned_files(project, layout, cache)
    cache.prune(PAGES_KIND)
    cache.prune(DOCX_KIND)
    changed = 0
    for relative, data in files.items():
        changed += _write_if_changed(out / relative, data)
    if out.exists():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.name == KEEP_FILE:
                continue
            if path.is_file() and rel not in files:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return changed

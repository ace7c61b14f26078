"""Inläsning av allt innehåll till en validerad modell (var innehållet ligger: base/layout.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path

from ..base import diagnostics
from ..base.build_cache import BuildCache, JsonCodec, classes_in, code_fingerprint, digest
from ..base.diagnostics import Location, Report
from ..base.layout import Layout
from ..check.contact_values import check_tel_links, text_files
from ..check.links import check_links
from ..check.outcome_rules import check_outcomes
from ..check.page_ids import check_page_names
from ..check.schema_check import SCHEMA_DIR
from ..check.statement_check import check_statement
from ..check.text_rules import check_paragraph_numbers
from ..check.validate import check_cross_links, check_tree
from ..domain import dated, model
from ..domain.model import Project
from ..source.content_safety import check_markdown_pages
from ..source.file_guard import CODE as NOT_REGULAR
from ..source.file_guard import check_regular_files
from . import project_cache
from .cases import load_cases
from .chapters import check_guides_linked, load_chapters
from .dated_view import as_of
from .districts import load_agreement_template, load_agreements, load_districts
from .glossary import load_glossary
from .id_schemas import check_generated
from .lagrum import load_lagrum
from .search_terms import load_vocabulary
from .text_tokens import check_tokens, expand_project, token_files
from .trees import load_tree


def load_project(layout: Layout, day: dt.date) -> tuple[Project, Report]:
    """Läs in innehållet och ta vyn för ``day``: det är där, och bara där, datumet går in
    (build_tools/load/dated_view.py). Kontrollerna som läser de gällande texterna körs på vyn, och
    renderingen får vyn. Dagen väljs av den som anropar: cli (--idag) eller MkDocs-kroken.

    Har ingen fil ändrats kommer vyn och rapporten ur build/cache/projekt/ (project_cache.py)."""
    key = project_cache.inputs_key(layout.root, day)
    cached = project_cache.load(layout.root, key)
    if cached is not None:
        return cached
    with _no_cycle_collection():
        view, report = _load_view(layout, day)
    # Sparas redan första gången (det tar några hundradelar): annars läser också nästa bygge allt på nytt.
    project_cache.store(layout.root, key, view, report)
    return view, report


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Inläsningen skapar miljontals små objekt som lever kvar i modellen; Pythons cykelsökning går då
    igenom hela den växande högen om och om igen (omkring en åttondel av check-tiden vid 200 guider).
    Den stängs av under inläsningen; referensräkningen frigör det mesta, och det som blir kvar tas
    när cykelsökningen går igen."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_view(layout: Layout, day: dt.date) -> tuple[Project, Report]:
    model, report, broken_trees = load_model(layout)
    if any(d.code == NOT_REGULAR for d in report.errors):
        return model, report  # en symbolisk länk eller en specialfil: inget mer läses (file_guard.py)
    view, dated_report = as_of(model, day)
    report.extend(dated_report)
    check_cross_links(view.trees, report, broken_trees)
    check_outcomes(view.trees, report)
    check_links(view, layout.root, report, _broken_prefixes(layout, report, broken_trees))
    _drop_follow_on_errors(layout, report)
    check_generated(view, layout, report)
    expand_project(view, report)  # {{socialjour}} i texterna som gäller (build_tools/load/text_tokens.py)
    return view, report


def load_model(layout: Layout) -> tuple[Project, Report, set[str]]:
    """Allt innehåll, utan datum: varje lydelse och version finns kvar. Ger modellen, inläsningens
    fel och varningar, och guiderna som har fel."""
    report = Report()
    project = Project(root=layout.root)
    if not check_regular_files(layout.root, report):
        return project, report, set()  # en symbolisk länk eller en specialfil: läs ingenting (file_guard.py)
    if not layout.lagrum_file.exists():
        report.error(
            Location(layout.lagrum_file),
            "Lagrumsregistret saknas.",
            "Filen data/lagrum.yaml behövs för att guiderna ska kunna hänvisa till lagen.",
            code="lagrum-saknas",
        )
    else:
        project.lagrum = load_lagrum(layout.lagrum_file, report)
    broken_trees = _load_trees(layout, project, report)
    if layout.districts_file.exists():
        project.districts, project.city_contacts = load_districts(layout.districts_file, report)
        if layout.agreements_file.exists():
            project.agreements = load_agreements(layout.agreements_file, project.districts, report)
    if layout.template_file.exists():
        project.agreement_template = load_agreement_template(layout.template_file, project.lagrum, report)
    if layout.glossary_file.exists():
        project.glossary = load_glossary(layout.glossary_file, project.lagrum, report)
    project.search_vocabulary = load_vocabulary(layout.vocabulary_file, project.glossary, report)
    project.chapters = load_chapters(layout.guides_dir, project.trees, project.lagrum, report, broken_trees)
    check_guides_linked(project.trees, project.chapters, layout.root, report)
    if layout.cases_file.exists():
        project.cases = load_cases(layout.cases_file, project.trees, project.lagrum, report, broken_trees)
    check_markdown_pages([layout.guides_dir, layout.docs_dir], report, size_checked_elsewhere=(layout.guides_dir,))
    check_statement(layout.docs_dir, report)
    check_tel_links(text_files(layout.root), report)
    check_tokens(token_files(layout.root), report)
    check_page_names(project, report)
    check_paragraph_numbers(layout.root, layout.lagrum_file, report)
    return project, report, broken_trees


def _load_trees(layout: Layout, project: Project, report: Report) -> set[str]:
    """Läs in och kontrollera guiderna (med cachen). Ger id och filnamn för guiderna som har fel."""
    tree_files = sorted(layout.trees_dir.glob("*.yaml")) + sorted(layout.trees_dir.glob("*.yml"))
    if not tree_files:
        report.warning(Location(layout.trees_dir), "Det finns inga guider i decision_trees/.", code="inga-guider")
    lagrum_ok = not any(d.location.path == layout.lagrum_file for d in report.errors)
    broken_trees: set[str] = set()
    cache = GuideCache(layout, project, lagrum_ok)
    for path in tree_files:
        cached = cache.get(path)
        if cached is None:
            cached = _load_and_check(path, project, lagrum_ok)
            cache.put(path, cached)
        tree, load_items, check_items = cached
        duplicate = tree is not None and tree.id in project.trees
        # En guide med samma id som en annan: bara inläsningens fel och dubbletten (ingen följdkontroll).
        tree_report = Report(list(load_items) + ([] if duplicate else list(check_items)))
        if duplicate:
            tree_report.error(
                tree.location,
                f"Guiden \u201d{tree.id}\u201d finns redan i {project.trees[tree.id].source.name}.",
                "Varje guide behöver ett eget id.",
                code="dubblett-guide",
            )
        elif tree is not None and tree_report.ok:
            project.trees[tree.id] = tree
        if not tree_report.ok:
            broken_trees.add(path.stem)
            if tree is not None:
                broken_trees.add(tree.id)
        report.extend(tree_report)
    cache.prune()
    return broken_trees


# Fel som bara är följder av att en annan fil har fel: koden, och filen som då är orsaken.
# Ett felstavat värde i data/stadsdelar.yaml gör t.ex. att ingen stadsdel kan läsas in, och då
# skulle varje rad i data/overenskommelser.yaml se ut att peka på en stadsdel som inte finns.
_FOLLOW_ON = {
    "okant-lagrum": "lagrum_file",
    "okand-stadsdel": "districts_file",
}


# Fel i samma fil där det ena följer av det andra: (följdfelet, orsaken).
_FOLLOW_ON_IN_FILE = {("dubblett-ankare", "dubblett-term")}


def _drop_follow_on_errors(layout: Layout, report: Report) -> None:
    for code, attribute in _FOLLOW_ON.items():
        cause = getattr(layout, attribute)
        if report.has_errors_in(cause):
            report.drop(lambda d, code=code, cause=cause: not (d.code == code and d.location.path != cause))
    for follow_on, cause_code in _FOLLOW_ON_IN_FILE:
        causes = {d.location.path for d in report.errors if d.code == cause_code}
        report.drop(lambda d, f=follow_on, c=causes: not (d.code == f and d.location.path in c))
    # Ett paragrafnummer där ett id ska stå (lagrum: [16 kap. 4 § HSL]) är redan ett schemafel på samma plats.
    taken = {d.location for d in report.errors if d.code != "paragraf-i-text"}
    report.drop(lambda d: not (d.code == "paragraf-i-text" and d.location in taken))


def _broken_prefixes(layout: Layout, report: Report, broken_trees: set[str]) -> set[str]:
    """Delar av sajten vars källfil har fel. Länkar dit kontrolleras inte (felet i källfilen räcker)."""
    prefixes = {f"beslutsstod/{tree_id}/" for tree_id in broken_trees}
    for path, prefix in (
        (layout.districts_file, "stadsdelar/"),
        (layout.cases_file, "ovningsfall/"),
        (layout.template_file, "samverkan/"),
        (layout.agreements_file, "samverkan/"),
        (layout.glossary_file, "ordlista/"),
    ):
        if report.has_errors_in(path):
            prefixes.add(prefix)
    return prefixes


def _load_and_check(path: Path, project: Project, lagrum_ok: bool):
    """Läs in och kontrollera en guide. Returnerar (guiden eller None, inläsningens fel och varningar,
    kontrollens fel och varningar)."""
    load_report = Report()
    loaded = load_tree(path, load_report, project.lagrum)
    if loaded is None:
        return None, tuple(load_report.items), ()
    tree, doc = loaded
    check_report = Report()
    check_tree(tree, doc, project.lagrum if lagrum_ok else _accept_all(tree), check_report)
    return tree, tuple(load_report.items), tuple(check_report.items)


class GuideCache:
    """Resultatet av att läsa in och kontrollera en guide, sparat i build/cache/guider/.

    Nyckeln är guidens fil, byggverktygets kod, schemana och lagrumsregistret: ändras något av dem
    kontrolleras guiden på nytt. Datumet ingår inte: inläsningen och kontrollen av en guide beror
    inte på dagen (det gör bara vyn, build_tools/load/dated_view.py). Med 200 guider är det skillnaden
    mellan 10 s och under 1 s för check och förhandsvisningen. Posterna är JSON (build_cache.JsonCodec),
    aldrig kod."""

    KIND = "guider"
    _codec: JsonCodec | None = None
    # Hur många guider den senaste inläsningen kontrollerade på nytt (load_project sparar hela
    # inläsningen först när det är 0).
    last_checked_anew = 0

    @classmethod
    def codec(cls) -> JsonCodec:
        if cls._codec is None:
            cls._codec = JsonCodec(classes_in(model, dated, diagnostics))
        return cls._codec

    def __init__(self, layout: Layout, project: Project, lagrum_ok: bool) -> None:
        self.cache = BuildCache(layout.cache_dir)
        GuideCache.last_checked_anew = 0
        schemas = sorted((layout.root / "schemas").glob("*.json")) + sorted(SCHEMA_DIR.glob("*.json"))
        self.shared = digest(
            code_fingerprint(),
            *[p.read_bytes() for p in schemas],
            repr(sorted(project.lagrum.items())),
            str(lagrum_ok),
        )

    def _key(self, path: Path) -> str | None:
        try:
            return digest(self.shared, str(path), path.read_bytes())
        except OSError:
            return None  # en fil som inte går att läsa rapporteras av load_tree

    def get(self, path: Path):
        key = self._key(path)
        data = self.cache.get(self.KIND, key) if key else None
        try:
            return self.codec().loads(data) if data is not None else self._missed()
        except ValueError:  # en trasig eller gammal post: kontrollera på nytt
            return self._missed()

    def _missed(self) -> None:
        GuideCache.last_checked_anew += 1

    def put(self, path: Path, result) -> None:
        key = self._key(path)
        if key:
            with contextlib.suppress(OSError):
                self.cache.put(self.KIND, key, self.codec().dumps(result))

    def prune(self) -> None:
        with contextlib.suppress(OSError):
            self.cache.prune(self.KIND)


def _accept_all(tree) -> dict:
    """När registret självt har fel: rapportera inte följdfel för varje hänvisning."""
    return {ref: None for outcome in tree.outcomes for ref in outcome.lagrum}

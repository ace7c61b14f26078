"""Vilka sidor och filer sajten kommer att ha, utan att rendera något.

Används av länkkontrollen i ``check`` (build_tools/check/links.py): en länk i en Markdown-sida ska leda
till en av de här filerna. Listan följer det som ``render/pages.py`` och ``render/site.py`` skriver;
ett test jämför dem med det verkliga bygget så att de inte glider isär.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.case_roles import roles_with_cases
from ..domain.model import Project
from . import urls

# Granskningsvyn och redaktörshandboken (build_tools/render/review.py och handbook.py).
REVIEW_PAGE = "granskning"
HANDBOOK_DIR = "redaktor/"
HANDBOOK_PAGES = {
    "index": "Redaktörshandbok",
    "schema": "Fälten i innehållsfilerna",
    "felkoder": "Fel och varningar från check",
}


def review_url(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/{REVIEW_PAGE}/"


def review_source(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/{REVIEW_PAGE}/index.md"


def handbook_url(name: str = "index") -> str:
    return HANDBOOK_DIR if name == "index" else f"{HANDBOOK_DIR}{name}/"


def handbook_source(name: str = "index") -> str:
    return f"{HANDBOOK_DIR}index.md" if name == "index" else f"{HANDBOOK_DIR}{name}/index.md"


def site_sources(project: Project, docs_dir: Path) -> set[str]:
    """Alla filer i sajtens källmapp (build/docs/), räknat från källmappens rot."""
    found: set[str] = set()
    if docs_dir.is_dir():
        found.update(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
    found.update({urls.GUIDES_SOURCE, urls.LAGRUM_SOURCE, urls.UPCOMING_SOURCE})
    for tree in project.trees.values():
        found.add(urls.tree_source(tree.id))
        found.add(review_source(tree.id))
        found.update(urls.node_source(tree.id, node_id) for node_id in tree.nodes)
    kinds = {c.kind for c in project.chapters}
    if "kapitel" in kinds:
        found.add(urls.CHAPTERS_SOURCE)
    if "roll" in kinds:
        found.add(urls.ROLES_SOURCE)
    found.update(urls.chapter_source(c) for c in project.chapters)
    if project.districts:
        found.update({urls.DISTRICTS_SOURCE, "stadsdelar/kontakter.json"})
        for d in project.districts:
            found.add(urls.district_source(d.slug))
            found.update(urls.district_source(f.slug) for f in d.former_names)
    if project.agreement_template is not None:
        found.update({urls.TEMPLATE_SOURCE, urls.FILL_SOURCE, urls.FOLLOWUP_SOURCE})
        found.add(f"{urls.DOCX_DIR}samverkansoverenskommelse-mall.docx")
        found.update(f"{urls.DOCX_DIR}samverkansoverenskommelse-{d.slug}.docx" for d in project.districts)
    if project.glossary:
        found.update({urls.GLOSSARY_SOURCE, "ordlista/termer.json"})
    if project.cases:
        found.add(urls.CASES_SOURCE)
        found.update(urls.case_source(c.id) for c in project.cases)
        found.add(urls.SELECTION_SOURCE)
        found.update(urls.role_source(r, f) for r, _name, _n in roles_with_cases(project.cases) for f in (False, True))
    found.update(handbook_source(name) for name in HANDBOOK_PAGES)
    return found


# Källfilen för varje del av sajten (för länken "Föreslå en ändring"): början på sidans plats → fil.
_SOURCES = (
    ("ovningsfall/", "data/ovningsfall.yaml"),
    ("stadsdelar/", "data/stadsdelar.yaml"),
    ("samverkan/uppfoljning", "data/overenskommelser.yaml"),
    ("samverkan/", "data/overenskommelse_mall.yaml"),
    ("ordlista/", "data/ordlista.yaml"),
    ("lagrum/", "data/lagrum.yaml"),
    ("stod/index.md", "guides/stod/"),
    ("roller/index.md", "guides/roller/"),
    ("stod/", "guides/stod/"),
    ("roller/", "guides/roller/"),
    (HANDBOOK_DIR, "build_tools/render/templates/"),
)


def source_file(page_source: str) -> str:
    """Filen i projektet som en sida byggs av, t.ex. 'stod/sip/index.md' → 'guides/stod/sip.md'."""
    parts = page_source.split("/")
    if parts[0] == "beslutsstod":
        return f"decision_trees/{parts[1]}.yaml" if len(parts) > 2 else "decision_trees/"
    for prefix, target in _SOURCES:
        if page_source.startswith(prefix):
            if target.endswith("/") and prefix in ("stod/", "roller/"):
                # 'stod/sip/index.md' byggs av 'guides/stod/sip.md'
                return target + (parts[1] + ".md" if len(parts) > 2 else parts[-1])
            if prefix == HANDBOOK_DIR:
                return f"{target}handbook_{parts[-1].removesuffix('.md')}.md.j2"
            return target
    return f"docs/{page_source}"

"""Sidornas adresser och källfiler.

Varje genererad sida är en mapp med index.md (t.ex. 'beslutsstod/guide/nod/index.md' med adressen
'beslutsstod/guide/nod/'). Då blir adressen densamma vilken generator som än bygger sajten (MkDocs,
ProperDocs, Zensical), med eller utan use_directory_urls, och de relativa HTML-länkarna mellan
sidorna fungerar i alla. Undantaget är kapitlen i guides/: de ligger kvar som 'stod/namn.md', så att
redaktörernas relativa Markdown-länkar (som generatorn skriver om) stämmer."""

from __future__ import annotations

import posixpath


def tree_url(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/"


def node_url(tree_id: str, node_id: str) -> str:
    return f"beslutsstod/{tree_id}/{node_id}/"


def tree_source(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/index.md"


def node_source(tree_id: str, node_id: str) -> str:
    return f"beslutsstod/{tree_id}/{node_id}/index.md"


def case_url(case_id: str) -> str:
    return f"ovningsfall/{case_id}/"


def case_source(case_id: str) -> str:
    return f"ovningsfall/{case_id}/index.md"


def chapter_url(chapter) -> str:
    folder = "stod" if chapter.kind == "kapitel" else "roller"
    return f"{folder}/{chapter.slug}/"


def chapter_source(chapter) -> str:
    folder = "stod" if chapter.kind == "kapitel" else "roller"
    return f"{folder}/{chapter.slug}.md"  # kapitlen är redaktörernas Markdown: deras relativa länkar gäller


CHAPTERS_URL = "stod/"
CHAPTERS_SOURCE = "stod/index.md"
ROLES_URL = "roller/"
ROLES_SOURCE = "roller/index.md"
GLOSSARY_URL = "ordlista/"
GLOSSARY_SOURCE = "ordlista/index.md"


def district_url(slug: str) -> str:
    return f"stadsdelar/{slug}/"


def district_source(slug: str) -> str:
    return f"stadsdelar/{slug}/index.md"


DISTRICTS_URL = "stadsdelar/"
DISTRICTS_SOURCE = "stadsdelar/index.md"
TEMPLATE_URL = "samverkan/overenskommelse/"
TEMPLATE_SOURCE = "samverkan/overenskommelse/index.md"
FILL_URL = "samverkan/fyll-i/"
FILL_SOURCE = "samverkan/fyll-i/index.md"
FOLLOWUP_URL = "samverkan/uppfoljning/"
FOLLOWUP_SOURCE = "samverkan/uppfoljning/index.md"
DOCX_DIR = "samverkan/filer/"
CASES_URL = "ovningsfall/"
CASES_SOURCE = "ovningsfall/index.md"
LAGRUM_URL = "lagrum/"
LAGRUM_SOURCE = "lagrum/index.md"
GUIDES_URL = "beslutsstod/"
GUIDES_SOURCE = "beslutsstod/index.md"


def relative(from_url: str, to_url: str) -> str:
    """Relativ länk från en sidas adress till en annan (båda räknade från sajtens rot)."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + from_url) if target else "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")

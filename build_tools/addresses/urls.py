"""Sidornas adresser och källfiler.

Varje genererad sida är en mapp med index.md (t.ex. 'beslutsstod/guide/nod/index.md' med adressen
'beslutsstod/guide/nod/'). Då blir adressen densamma vilken generator som än bygger sajten (MkDocs,
ProperDocs, Zensical), med eller utan use_directory_urls, och de relativa HTML-länkarna mellan
sidorna fungerar i alla. Kapitlen i guides/ (t.ex. guides/stod/sip.md) blir 'stod/sip/index.md'; deras
relativa Markdown-länkar flyttas en nivå med rebase_markdown_links, så att redaktörerna skriver dem
som vanligt, från sin egen fil."""

from __future__ import annotations

import posixpath
import re


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
    return f"{folder}/{chapter.slug}/index.md"


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
# Utskrift av valda övningsfall (render/training.py).
SELECTION_URL = f"{CASES_URL}utskrift/"
SELECTION_SOURCE = f"{CASES_URL}utskrift/index.md"


def role_url(role: str, facit: bool = False) -> str:
    return f"{CASES_URL}for/{role}{'-facit' if facit else ''}/"


def role_source(role: str, facit: bool = False) -> str:
    return f"{CASES_URL}for/{role}{'-facit' if facit else ''}/index.md"


CASES_SOURCE = "ovningsfall/index.md"
LAGRUM_URL = "lagrum/"
LAGRUM_SOURCE = "lagrum/index.md"
UPCOMING_URL = "lagrum/kommande/"
UPCOMING_SOURCE = "lagrum/kommande/index.md"
GUIDES_URL = "beslutsstod/"
GUIDES_SOURCE = "beslutsstod/index.md"


_LINK_TARGET = re.compile(r"(\]\(\s*<?|^\s{0,3}\[[^\]\n]+\]:\s*<?)(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^\s)>#]+)", re.M)
CHAPTER_FOLDERS = ("stod", "roller")


def rebase_markdown_links(body: str, folder: str) -> str:
    """Relativa länkar i ett kapitel, skrivna från 'mapp/namn.md', gjorda giltiga från 'mapp/namn/index.md'.

    Alla får ett ../ till. En länk till ett annat kapitel ('sip.md', '../roller/larare.md') pekar nu på
    kapitlets mapp ('../sip/index.md')."""

    def rebase(match: re.Match) -> str:
        target = match.group(2)
        resolved = posixpath.normpath(posixpath.join(folder, target))
        parent, name = posixpath.split(resolved)
        if parent in CHAPTER_FOLDERS and name.endswith(".md") and name != "index.md":
            target = target[: -len(".md")] + "/index.md"
        return match.group(1) + "../" + target

    fenced = False
    lines = []
    for line in body.splitlines(keepends=True):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        lines.append(line if fenced else _LINK_TARGET.sub(rebase, line))
    return "".join(lines)


def relative(from_url: str, to_url: str) -> str:
    """Relativ länk från en sidas adress till en annan (båda räknade från sajtens rot)."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + from_url) if target else "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


def url_of_source(path: str) -> str:
    """Adressen för en fil i källmappen: 'stod/sip/index.md' → 'stod/sip/', 'om.md' → 'om/', 'index.md' → ''.

    Andra filer (t.ex. Word-filer) har sin sökväg som adress."""
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")]
    if path.endswith(".md"):
        return path[: -len(".md")] + "/"
    return path


def from_site_root(href: str, page_url: str) -> str | None:
    """En länk skriven från sajtens rot ('/lagrum/kommande/#x') skriven om relativt till sidan ``page_url``.

    Då fungerar den också när sajten ligger i en undermapp (t.ex. https://värd/mr-123/). None för
    allt annat: externa adresser, ankare och länkar som redan är relativa lämnas som de är."""
    if not href.startswith("/") or href.startswith("//"):
        return None
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    path, rest = href[1:cut], href[cut:]
    target = url_of_source(path) if path else "./"
    return relative(page_url, target or "./") + rest

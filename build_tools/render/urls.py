"""Sidornas adresser. En sida 'a/b.md' får adressen 'a/b/' (MkDocs use_directory_urls)."""

from __future__ import annotations

import posixpath


def tree_url(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/"


def node_url(tree_id: str, node_id: str) -> str:
    return f"beslutsstod/{tree_id}/{node_id}/"


def tree_source(tree_id: str) -> str:
    return f"beslutsstod/{tree_id}/index.md"


def node_source(tree_id: str, node_id: str) -> str:
    return f"beslutsstod/{tree_id}/{node_id}.md"


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

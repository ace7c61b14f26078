"""Kontroll av en byggd sajt: trasiga interna länkar och ankare, och inbäddade skript.

Körs på den färdiga mappen, oavsett generator (MkDocs, ProperDocs, Zensical): testerna använder den på
sajten som byggs, och scripts/zensical_trial.py på Zensicals provbygge.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# Guidernas tillstånd står i fragmentet (#svar=…) och är inget ankare.
_STATE_FRAGMENTS = ("svar=", "behall=", "fall=")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.inline_scripts: list[str] = []
        self._in_script: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        if tag == "script" and "src" not in attributes:
            self._in_script = attributes
            self._text = []

    def handle_data(self, data):
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            if self._in_script.get("type") != "application/json":  # data, inget som körs
                self.inline_scripts.append("".join(self._text).strip())
            self._in_script = None


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = page
    return cache[path]


def check_site(site_dir: Path, base_path: str = "/") -> tuple[int, list[str], list[str]]:
    """Returnerar (antal kontrollerade länkar, trasiga länkar, sidor med inbäddade skript).

    ``base_path`` är sajtens sökväg på värden ("/mr-123/" för en förhandsvisning i en undermapp). En
    absolut länk utanför den leder inte till sajten och räknas som trasig."""
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    cache: dict[Path, _Page] = {}
    broken: list[str] = []
    inline: list[str] = []
    checked = 0
    for page_path in sorted(site_dir.rglob("*.html")):
        page = _parse(page_path, cache)
        name = page_path.relative_to(site_dir).as_posix()
        inline.extend(f"{name}: {script[:60]}" for script in page.inline_scripts if script)
        for href in page.links:
            if not href or _SCHEME.match(href) or href.startswith("//"):
                continue
            checked += 1
            problem = _link_problem(site_dir, base_path, page_path, href, cache)
            if problem is not None:
                broken.append(f"{name}: {href}{problem}")
    return checked, broken, inline


def _link_problem(site_dir: Path, base_path: str, page_path: Path, href: str, cache: dict[Path, _Page]) -> str | None:
    """None om länken leder till en fil (och ankaret finns), annars vad som är fel ("" = filen finns inte)."""
    path, _, fragment = href.partition("#")
    path = path.split("?")[0]
    if path.startswith("/"):  # absoluta adresser (404-sidan har sådana) räknas från sajtens sökväg
        if not (path + "/").startswith(base_path):
            return f" (utanför sajtens sökväg {base_path})"
        target = (site_dir / path[len(base_path) :]).resolve()
    else:
        target = (page_path.parent / path).resolve() if path else page_path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return ""
    if (
        fragment
        and not fragment.startswith(_STATE_FRAGMENTS)
        and target.suffix == ".html"
        and fragment not in _parse(target, cache).ids
    ):
        return " (ankaret finns inte)"
    return None

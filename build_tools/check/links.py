"""Länkar i Markdown-sidorna (guides/ och docs/) och menyn i mkdocs.yml.

En trasig länk hittades förut bara av ``mkdocs build --strict``, på engelska och utan radnummer.
Här kontrolleras varje relativ länk mot de sidor sajten faktiskt får, med fil, rad och kolumn.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

import yaml

from ..addresses.site_map import site_sources
from ..base.diagnostics import Location, Report
from ..domain.model import Project
from ..source.content_safety import too_big

# [text](mål "titel") och ![bild](mål). Målet får stå inom < >.
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>\n]*>|[^)\s]+)")
# [namn]: mål  (referenslänk)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FENCE = re.compile(r"^\s*(```|~~~)")

# Mappar i guides/ och var deras sidor hamnar på sajten.
GUIDE_FOLDERS = {"stod": "stod", "roller": "roller"}


def _mask_code(text: str) -> str:
    """Kod (`...` och kodblock) byts mot mellanslag, så att exempel i kod inte räknas som länkar."""
    out: list[str] = []
    in_fence = False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(re.sub(r"[^\n]", " ", line))
        elif in_fence:
            out.append(re.sub(r"[^\n]", " ", line))
        else:
            out.append(re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group()), line))
    return "".join(out)


def markdown_pages(root: Path) -> list[tuple[Path, str]]:
    """Alla handskrivna Markdown-sidor och deras plats i sajtens källmapp."""
    pages: list[tuple[Path, str]] = []
    docs = root / "docs"
    if docs.is_dir():
        pages.extend((p, p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md")))
    for folder, target in GUIDE_FOLDERS.items():
        pages.extend((p, f"{target}/{p.name}") for p in sorted((root / "guides" / folder).glob("*.md")))
    return pages


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def find_links(text: str) -> list[tuple[int, str]]:
    """(teckenindex, mål) för varje länk i en Markdown-text."""
    masked = _mask_code(text)
    found = [(m.start(1), m.group(1)) for m in _INLINE.finditer(masked)]
    found += [(m.start(1), m.group(1)) for m in _REFERENCE.finditer(masked)]
    return sorted(found)


class LinkChecker:
    def __init__(self, project: Project, root: Path, broken_prefixes: set[str]) -> None:
        self.root = root
        self.known = site_sources(project, root / "docs")
        # Sidor som finns som filer även om de inte gick att läsa in (deras fel är redan rapporterade).
        self.known.update(target for _, target in markdown_pages(root))
        self.broken_prefixes = tuple(sorted(broken_prefixes))
        self.known_dirs = {posixpath.dirname(s) for s in self.known}

    def resolve(self, page: str, target: str) -> tuple[str, str] | None:
        """Kontrollera ett mål från sidan ``page``. None om länken är i ordning, annars (meddelande, råd)."""
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        if not target or target.startswith(("#", "//", "/")) or _SCHEME.match(target):
            return None  # ankare, externa adresser och adresser från sajtens rot kontrolleras inte här
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if joined.startswith("../") or joined == "..":
            return (
                f"Länken \u201d{target}\u201d leder utanför sajten.",
                "Räkna ../ igen: en sida i stod/ når en sida i roller/ med ../roller/sidan.md.",
            )
        if joined in self.known or joined.startswith(self.broken_prefixes):
            return None
        page_dir = posixpath.dirname(page) or "."
        for candidate in (posixpath.join(joined, "index.md"), joined.rstrip("/") + ".md"):
            if candidate in self.known:
                proposal = posixpath.relpath(candidate, page_dir)
                return (
                    f"Länken \u201d{target}\u201d pekar på en adress, inte på en sida.",
                    f"Länka till sidans fil: {proposal}",
                )
        close = difflib.get_close_matches(joined, sorted(self.known), n=1, cutoff=0.75)
        guess = f" Menade du \u201d{posixpath.relpath(close[0], page_dir)}\u201d?" if close else ""
        return (
            f"Länken \u201d{target}\u201d leder till en sida som inte finns ({joined}).{guess}",
            "Kontrollera namnet och antalet ../. Länka till sidans .md-fil, t.ex. ../stod/sip.md, "
            "eller till en guide med ../beslutsstod/<guidens id>/index.md.",
        )

    def check_page(self, path: Path, page: str, report: Report) -> None:
        if too_big(path):
            return  # rapporteras där sidan läses in
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # läsfelet rapporteras där sidan läses in
        for index, target in find_links(text):
            problem = self.resolve(page, target)
            if problem:
                line, column = _line_col(text, index)
                report.error(Location(path, line, column), problem[0], problem[1], code="trasig-lank")

    def check_nav(self, config: Path, report: Report) -> None:
        """Varje sida i menyn (nav i mkdocs.yml) ska finnas."""
        try:
            node = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            return
        if not isinstance(node, yaml.MappingNode):
            return
        _check_feedback_addresses(config, node, report)
        nav = next((v for k, v in node.value if getattr(k, "value", None) == "nav"), None)
        for scalar in _scalars(nav):
            value = scalar.value
            if not value.endswith(".md") or _SCHEME.match(value):
                continue
            if value not in self.known and not value.startswith(self.broken_prefixes):
                close = difflib.get_close_matches(value, sorted(self.known), n=1, cutoff=0.75)
                guess = f" Menade du \u201d{close[0]}\u201d?" if close else ""
                report.error(
                    Location(config, scalar.start_mark.line + 1, scalar.start_mark.column + 1),
                    f"Menyn pekar på sidan \u201d{value}\u201d, som inte finns.{guess}",
                    "Ange sidans plats på sajten, t.ex. stod/index.md eller om.md (räknat från build/docs/).",
                    code="nav-saknas",
                )


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    return None


def _check_feedback_addresses(config: Path, node: yaml.MappingNode, report: Report) -> None:
    """Sidfotens länkar (extra: redaktion: i mkdocs.yml) ska gå till redaktionen, inte till exempeladressen."""
    for scalar in _scalars(_child(_child(node, "extra"), "redaktion")):
        if "example.invalid" in scalar.value:
            report.warning(
                Location(config, scalar.start_mark.line + 1, scalar.start_mark.column + 1),
                "Länken i sidfoten (Rapportera fel eller Föreslå en ändring) går till en exempeladress.",
                "Skriv redaktionens riktiga e-postadress eller adressen till ärendesystemet under extra: redaktion: "
                "i mkdocs.yml.",
                code="redaktion-adress",
            )


def _scalars(node) -> list[yaml.ScalarNode]:
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalars(item)]
    if isinstance(node, yaml.MappingNode):
        return [s for _, value in node.value for s in _scalars(value)]
    return []


def check_links(project: Project, root: Path, report: Report, broken_prefixes: set[str]) -> None:
    checker = LinkChecker(project, root, broken_prefixes)
    for path, page in markdown_pages(root):
        checker.check_page(path, page, report)
    config = root / "mkdocs.yml"
    if config.exists():
        checker.check_nav(config, report)

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

from ..addresses import urls
from ..addresses.site_map import site_sources
from ..base.diagnostics import Location, Report
from ..domain.model import Project
from ..source.content_safety import checkable_text, too_big

# [text](mål "titel") och ![bild](mål). Målet får stå inom < >.
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>\n]*>|[^)\s]+)")
# [namn]: mål  (referenslänk)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FENCE = re.compile(r"^\s*(```|~~~)")
# libyaml (C) om det finns: mkdocs.yml läses bara som noder, så typmärken som !ENV gör inget.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Mappar i guides/ och var deras sidor hamnar på sajten.
GUIDE_FOLDERS = {"stod": "stod", "roller": "roller"}


def _mask_code(text: str) -> str:
    """Kod (`...` och kodblock) byts mot mellanslag, så att exempel i kod inte räknas som länkar."""
    if "`" not in text and "~~~" not in text:
        return text  # ingen kod (de flesta filerna)
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

    def resolve(self, page: str, target: str) -> tuple[str, str] | None:
        """Kontrollera ett mål från sidan ``page``. None om länken är i ordning, annars (meddelande, råd)."""
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
            return None  # ankare och externa adresser kontrolleras inte här
        if target.startswith("/"):
            return self._root_link_in_page(page, target)
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

    def site_file(self, target: str) -> str | None:
        """Filen i källmappen som en adress från sajtens rot leder till ('/lagrum/' → 'lagrum/index.md')."""
        path = unquote(target.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
        if path in ("", "index.md"):
            return "index.md"
        candidates = [path + "index.md", path[:-1] + ".md"] if path.endswith("/") else [path]
        return next((c for c in candidates if c in self.known or c.startswith(self.broken_prefixes)), None)

    def _missing_from_root(self, target: str) -> tuple[str, str]:
        path = unquote(target.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
        if f"{path}/index.md" in self.known or f"{path}.md" in self.known:
            return (
                f"Länken \u201d{target}\u201d saknar / på slutet.",
                f"Skriv adressen till sidan med / på slutet: /{path}/",
            )
        wanted = path + "index.md" if path.endswith("/") or not path else path
        close = difflib.get_close_matches(wanted, sorted(self.known), n=1, cutoff=0.75)
        guess = f" Menade du \u201d/{urls.url_of_source(close[0])}\u201d?" if close else ""
        return (
            f"Länken \u201d{target}\u201d leder till en sida som inte finns på sajten.{guess}",
            "Kontrollera adressen mot sidan i webbläsaren, räknat från sajtens rot, t.ex. /lagrum/kommande/ "
            "eller /beslutsstod/<guidens id>/<nodens id>/.",
        )

    def _root_link_in_page(self, page: str, target: str) -> tuple[str, str]:
        """En Markdown-sida ska länka relativt; en länk från roten slutar fungera i en undermapp."""
        found = self.site_file(target)
        if found is None:
            return self._missing_from_root(target)
        fragment = target[len(target.split("#", 1)[0]) :]
        proposal = posixpath.relpath(found, posixpath.dirname(page) or ".") + fragment
        return (
            f"Länken \u201d{target}\u201d räknas från sajtens rot och slutar fungera när sajten ligger i en "
            "undermapp (t.ex. i förhandsvisningen av ett ändringsförslag).",
            f"Skriv länken relativt till den här filen: {proposal}",
        )

    def resolve_in_yaml(self, target: str) -> tuple[str, str] | None:
        """Kontrollera en länk i en text i YAML. Sidor på sajten skrivs där från sajtens rot."""
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
            return None
        if target.startswith("/"):
            return None if self.site_file(target) else self._missing_from_root(target)
        if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(se|nu|com|org|net|eu)(/|$)", target, re.I):
            return (
                f"Länken \u201d{target}\u201d saknar https:// och leder därför inte till webbplatsen.",
                f"Skriv hela adressen: https://{target}",
            )
        return (
            f"Länken \u201d{target}\u201d är relativ. En text i YAML kan visas på flera sidor, så det går inte "
            "att veta vad den räknas från.",
            "Skriv länken till en sida på sajten från sajtens rot, med / först, t.ex. "
            "[Kommande ändringar](/lagrum/kommande/). Bygget gör den relativ till varje sida den visas på.",
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
            node = yaml.compose(config.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
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
    for folder in YAML_FOLDERS:
        for path in sorted((root / folder).glob("*.yaml")):
            check_yaml_file(checker, path, report)
    config = root / "mkdocs.yml"
    if config.exists():
        checker.check_nav(config, report)


# Mappar med YAML vars texter är Markdown (guiderna och data).
YAML_FOLDERS = ("decision_trees", "data")


def check_yaml_file(checker: LinkChecker, path: Path, report: Report) -> None:
    """Länkarna i texterna i en YAML-fil, med rad och kolumn där målet står i filen.

    Filen läses som text, inte som YAML: en länk står på en rad i filen oavsett hur texten är skriven
    (med eller utan citattecken, som block), och då blir raden och kolumnen exakt. Rader som är
    kommentarer (#) hoppas över. Filer som inte går att läsa rapporteras där de läses in."""
    text = checkable_text(path)
    if text is None:
        return
    if "](" not in text and "]:" not in text:
        return
    for index, target in find_links(text):
        line_start = text.rfind("\n", 0, index) + 1
        if text[line_start:index].lstrip().startswith("#"):
            continue
        problem = checker.resolve_in_yaml(target)
        if problem:
            line, column = _line_col(text, index)
            report.error(Location(path, line, column), problem[0], problem[1], code="trasig-lank")

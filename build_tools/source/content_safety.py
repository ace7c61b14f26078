"""Innehåll är data, aldrig kod.

Redaktörer skriver text och Markdown. HTML, skript och länkar med farliga adresstyper (t.ex.
``javascript:``) hör inte hemma där, så ``check`` säger ifrån med fil och rad. Samma regler
gäller alla textvärden i YAML-filerna och brödtexten i Markdown-sidorna. Renderingen tvättar
dessutom all HTML med en vitlista (se ``render/markdown_text.py``), så att något som ändå skulle
slinka igenom inte kan köras.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..base.characters import first_bad_character
from ..base.diagnostics import Location, Report
from ..base.url_rule import safe_url, url_scheme, value_is_bad_url
from . import markdown_check
from .markdown_check import FIELD_EXTENSIONS, PAGE_EXTENSIONS

# Största tillåtna innehållsfil. Riktiga filer är under 0,1 MB; en mycket större fil är nästan alltid
# ett misstag (en inklistrad bild, en fil som kopierats in i sig själv) och skulle göra check långsam.
MAX_FILE_BYTES = 1_000_000


def too_big(path: Path) -> bool:
    try:
        return path.stat().st_size > MAX_FILE_BYTES
    except OSError:
        return False  # läsfel rapporteras där filen läses in


def checkable_text(path: Path) -> str | None:
    """Filens text för en kontroll som läser filen själv, eller None om filen är för stor eller inte
    går att läsa (det rapporteras där filen läses in, en gång)."""
    if too_big(path):
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def report_too_big(path: Path, report: Report) -> None:
    size = path.stat().st_size / 1_000_000
    report.error(
        Location(path, 1, 1),
        f"Filen är för stor ({size:.1f} MB). En innehållsfil får vara högst {MAX_FILE_BYTES // 1_000_000} MB.",
        "Kontrollera att filen inte har fått något inklistrat av misstag, t.ex. en bild eller en kopia av sig "
        "själv. Dela upp mycket lång text på flera sidor.",
        code="for-stor",
    )


# Namn som inte får bli en sida, eftersom de krockar med sajtens egna filer och mappar.
RESERVED_SLUGS = frozenset({"index", "assets", "search", "404", "sitemap", "stylesheets", "javascripts"})

# En HTML-tagg, kommentar eller deklaration: < följt av en bokstav, ! eller /.
# Autolänkar som <https://exempel.se> och <namn@exempel.se> är Markdown, inte HTML.
_TAG = re.compile(r"<(?!(?:https?|mailto|tel):)(?![^<>\s@]+@[^<>\s@]+>)([a-zA-Z][a-zA-Z0-9-]*|!|/[a-zA-Z]|\?)")
# En adress i en Markdown-länk, en autolänk eller en referensdefinition ([namn]: adress).
_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)\s>]*)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>|^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M
)
# Ett kodstaket: högst tre blanksteg före (med fyra är raden ett indraget kodblock).
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# Ett kodavsnitt i en rad. En bakåtapostrof med \ före är ett vanligt tecken och börjar inget kodavsnitt.
_CODE_SPAN = re.compile(r"(?<!\\)`[^`\n]*(?<!\\)`")


@dataclass(frozen=True)
class Problem:
    """Ett fynd i en text: var i texten (teckenindex) och vad."""

    index: int
    code: str
    message: str
    hint: str


_LINK_HINT = "Länka bara till webbsidor (https://…), e-post (mailto:…), telefonnummer (tel:…) eller sidor på sajten."
_HTML_HINT = (
    "Skriv vanlig text eller Markdown i stället: **fetstil**, *kursiv*, [länktext](https://…) och "
    "listor med -. Vill du visa tecknet < i texten, skriv ett mellanslag efter det "
    "(t.ex. \u201d< 18 år\u201d)."
)


def _link_problem(scheme: str, index: int) -> Problem:
    return Problem(
        index,
        "farlig-lank",
        f"Länken använder adresstypen \u201d{scheme[:20]}:\u201d, som inte är tillåten.",
        _LINK_HINT,
    )


def _url_problem(url: str, index: int) -> Problem | None:
    """En länkadress (ur en Markdown-länk eller autolänk) som inte följer regeln i url_rule."""
    if safe_url(url) is not None:
        return None
    return _link_problem(url_scheme(url) or "?", index)


def _html_problem(text: str, index: int) -> Problem:
    return Problem(index, "html", "Texten innehåller HTML-kod (" + _excerpt(text, index) + ").", _HTML_HINT)


def find_problems(text: str, extensions: tuple[str, ...] = FIELD_EXTENSIONS, patterns: bool = True) -> list[Problem]:
    """Alla HTML-taggar, otillåtna länkar och för djup nästling i en text (Markdown eller ren text).

    Markdown-tolken själv (markdown_check.py) avgör vad som är kod, rå HTML och länkar. För textfälten i
    YAML (``patterns``) letar reguljära uttryck dessutom efter taggar och adresser i hela texten, också
    där tolken ser kod, eftersom samma fält kan visas som ren text (en titel, en beskrivning).

    Svaret sparas per text: förhandsvisningen och fuzzningen läser in samma texter många gånger."""
    return list(_cached_problems(text, extensions, patterns))


@functools.lru_cache(maxsize=8192)
def _cached_problems(text: str, extensions: tuple[str, ...], patterns: bool) -> tuple[Problem, ...]:
    problems: list[Problem] = []
    if patterns:
        problems = _pattern_problems(text)
    if _worth_parsing(text):
        problems.extend(_parser_problems(text, extensions, {(p.index, p.code) for p in problems}))
    return tuple(sorted(problems, key=lambda p: p.index))


def _worth_parsing(text: str) -> bool:
    """Korta ord och id:n (det mesta i YAML-filerna) kan varken vara HTML, länkar eller nästling.

    (markdown_check.inspect kör dessutom tolken bara när den kan hitta något: markdown_pretest.py.)"""
    return not (len(text) < 40 and text.replace("-", "").replace(" ", "").isalnum())


def _pattern_problems(text: str) -> list[Problem]:
    problems: list[Problem] = []
    if "<" not in text and ":" not in text:
        return problems  # utan < finns ingen tagg och utan : ingen adresstyp (de flesta texter; check går fortare)
    masked = _mask_code(text)
    for match in _TAG.finditer(masked):
        problems.append(_html_problem(text, match.start()))
    for match in _LINK_TARGET.finditer(masked):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        url = text[match.start(group) : match.end(group)]
        problem = _url_problem(url, match.start(group))
        if problem:
            problems.append(problem)
    scheme = value_is_bad_url(text)
    if scheme and not any(p.code == "farlig-lank" for p in problems):
        problems.append(_link_problem(scheme, len(text) - len(text.lstrip())))
    return problems


def _parser_problems(text: str, extensions: tuple[str, ...], seen: set[tuple[int, str]]) -> list[Problem]:
    found = []
    for finding in markdown_check.inspect(text, extensions):
        if finding.kind == "djup":
            found.append(_depth_problem(finding.index))
        elif finding.kind == "html" and (finding.index, "html") not in seen:
            found.append(_html_problem(text, finding.index))
        elif finding.kind == "farlig-lank" and (finding.index, "farlig-lank") not in seen:
            found.append(_link_problem(url_scheme(finding.detail) or "?", finding.index))
        elif finding.kind == "manga-vinklar":
            found.append(_too_many_angles(finding.index))
        elif finding.kind == "extern-bild":
            found.append(_image_problem(finding.index))
        seen.add((finding.index, finding.kind))
    return found


def _depth_problem(index: int) -> Problem:
    return Problem(
        index,
        "markdown-djup",
        f"Listor, citat eller hakparenteser ligger i för många nivåer i varandra (högst {markdown_check.MAX_DEPTH}).",
        "Gör texten plattare: en lista i en lista räcker nästan alltid. Dela upp lång text i stycken och rubriker, "
        "och stäng varje [ med en ].",
    )


def _too_many_angles(index: int) -> Problem:
    return Problem(
        index,
        "html",
        f"Texten har fler än {markdown_check.MAX_ANGLES} tecken < och ser ut att innehålla HTML-kod.",
        "Ta bort HTML-koden och skriv vanlig text eller Markdown. Står tecknet < i texten, skriv ett mellanslag "
        "efter det, eller skriv \u201dmindre än\u201d.",
    )


def _image_problem(index: int) -> Problem:
    return Problem(
        index,
        "farlig-lank",
        "Bilden hämtas från en annan webbplats. Sajten visar bara bilder som ligger på sajten själv.",
        "Lägg bilden i docs/ och länka till den med en relativ adress, eller ta bort bilden.",
    )


def _mask_code(text: str) -> str:
    """Ersätt kod (`...` och kodblock) med mellanslag, så att exempel på kod inte räknas som HTML."""
    out: list[str] = []
    in_fence = False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(" " * (len(line) - 1) + line[-1:] if line.endswith("\n") else " " * len(line))
            continue
        if in_fence:
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return "".join(out)


def _excerpt(text: str, index: int) -> str:
    end = text.find(">", index)
    snippet = text[index : end + 1 if 0 <= end < index + 40 else index + 20]
    return "\u201d" + snippet.replace("\n", " ") + "\u201d"


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """Rad och kolumn (från 1) för ett teckenindex i texten."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def report_problems(text: str, location: Location, report: Report, text_starts_on_next_line: bool = False) -> None:
    """Rapportera fynden i ett textvärde som står på ``location`` i en fil.

    För block-text (| eller >) börjar texten på raden efter nyckeln."""
    for problem in find_problems(text):
        line, column = line_and_column(text, problem.index)
        if text_starts_on_next_line:
            where = Location(location.path, location.line + line, column)
        elif line == 1:
            where = Location(location.path, location.line, location.column + column - 1)
        else:
            where = Location(location.path, location.line + line - 1, 0)
        report.error(where, problem.message, problem.hint, code=problem.code)


def check_markdown_file(path: Path, body: str, first_line: int, report: Report) -> None:
    """Kontrollera brödtexten i en Markdown-sida. ``first_line`` är radnumret där brödtexten börjar."""
    bad = first_bad_character(body)
    if bad:  # ett osynligt tecken först: Markdown-tolken ska inte läsa sådan text
        line, column = line_and_column(body, bad.index)
        report.error(Location(path, first_line + line - 1, column), bad.message, bad.hint, code=bad.code)
        return
    for problem in find_problems(body, PAGE_EXTENSIONS, patterns=False):
        line, column = line_and_column(body, problem.index)
        report.error(Location(path, first_line + line - 1, column), problem.message, problem.hint, code=problem.code)


def check_slug(slug: str, location: Location, what: str, report: Report) -> None:
    """Ett id som blir en del av en adress får inte krocka med sajtens egna filer."""
    if slug.lower() in RESERVED_SLUGS:
        report.error(
            location,
            f"{what} \u201d{slug}\u201d kan inte användas, eftersom sajten redan använder det namnet.",
            "Välj ett annat id, till exempel ett som beskriver innehållet med två eller tre ord: elev-med-oro.",
            code="reserverat-id",
        )


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Dela en Markdown-sida i inledning (YAML mellan ---) och brödtext.

    Returnerar (inledning, brödtext, raden där brödtexten börjar)."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            after = text.find("\n", end + 4)
            body_start = len(text) if after < 0 else after + 1
            return text[4 : end + 1], text[body_start:], text.count("\n", 0, body_start) + 1
    return "", text, 1


def check_markdown_pages(folders: list[Path], report: Report, size_checked_elsewhere: tuple[Path, ...] = ()) -> None:
    """Kontrollera brödtexten i alla Markdown-sidor i mapparna (kapitel, rollsidor, handskrivna sidor).

    För stora filer rapporteras här, utom i mappar vars filer läses in (och storlekskontrolleras) på
    annat ställe (kapitlen i guides/)."""
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            if path.name == "README.md":
                continue
            if too_big(path):
                if folder not in size_checked_elsewhere:
                    report_too_big(path, report)
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                if folder not in size_checked_elsewhere:  # kapitlen: läsfel rapporteras där de läses in
                    _report_unreadable(path, exc, report)
                continue
            _, body, first_line = split_front_matter(text)
            check_markdown_file(path, body, first_line, report)


def _report_unreadable(path: Path, exc: Exception, report: Report) -> None:
    """En handskriven sida (docs/) som inte går att läsa: MkDocs skulle annars stanna med en traceback."""
    if isinstance(exc, UnicodeDecodeError):
        message, hint, code = "Filen är inte sparad som UTF-8.", "Spara filen med teckenkodningen UTF-8.", "kodning"
    else:
        message, hint, code = "Filen gick inte att läsa.", "Kontrollera att det är en vanlig textfil.", "las"
    report.error(Location(path, 1, 1), message, hint, code=code)

"""Felmeddelanden till redaktörer: på svenska, med fil, rad och kolumn.

Varje fel och varning har en stabil kod (t.ex. ``okand-nasta``). Koden ändras inte när texten
i meddelandet skrivs om, så att testerna, handboken och redaktörerna kan lita på den.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "fel"
    WARNING = "varning"


# Alla koder som byggverktyget använder, med en kort förklaring på svenska. Förklaringen är
# rubriken för gruppen när check sammanfattar varningar, och står i handbokens lista över fel.
# Koder som saknas här fungerar ändå; de visas då med koden som rubrik.
ERROR_CODES: dict[str, str] = {
    # Filer och YAML
    "yaml": "YAML-filen går inte att läsa (indrag, kolon, citattecken)",
    "dubblett": "Samma nyckel står två gånger på samma nivå",
    "tom": "Filen är tom",
    "kodning": "Filen är inte sparad som UTF-8",
    "las": "Filen går inte att läsa",
    "front-matter": "Sidan saknar inledning (front matter)",
    # Schemat (fält, värden och former)
    "schema-required": "Ett fält som måste finnas saknas",
    "schema-additionalProperties": "Okänt fält (ofta en felstavning)",
    "schema-type": "Ett värde har fel form (text, lista eller samling)",
    "schema-enum": "Ett värde som inte finns bland de tillåtna",
    "schema-const": "Ett värde som inte är det enda tillåtna",
    "schema-pattern": "Ett id har fel form",
    "schema-format": "Ett datum är inte giltigt",
    "schema-minItems": "En lista har för få rader",
    "schema-minLength": "En text är för kort",
    "schema-maxLength": "En text är för lång",
    "schema-minProperties": "En samling har för få poster",
    "schema-uniqueItems": "Samma värde står två gånger i en lista",
    "schema-not": "Ett reserverat namn används som id",
    "schema-minimum": "Ett tal är för litet",
    # Guiderna
    "filnamn": "Guidens id och filnamn stämmer inte",
    "dubblett-guide": "Två guider har samma id",
    "okand-start": "Startnoden finns inte",
    "start-utfall": "Guiden börjar med ett utfall i stället för en fråga",
    "dubblett-svar": "Två svar i samma fråga har samma id",
    "okand-nasta": "Ett svar pekar på en nod som inte finns",
    "onaebar": "En nod går inte att nå från början av guiden",
    "cykel": "Guiden kan gå runt i en slinga",
    "utfall-utan-steg": "Ett utfall saknar steg (Gör så här)",
    "reserverat-id": "Ett id som sajten redan använder",
    "granskningsdatum": "Nästa granskning ligger före den senaste",
    "okand-guide": "En länk till en guide som inte finns",
    "okand-guide-nod": "En länk till en nod som inte finns i den andra guiden",
    "okant-lagrum": "En hänvisning till ett lagrum som inte finns i registret",
    "paragraf-i-text": "Ett paragrafnummer är skrivet direkt i texten",
    # Lagrumsregistret
    "lagrum-saknas": "Lagrumsregistret saknas",
    "lagrum-okontrollerat-nummer": "Ett okontrollerat lagrum har kapitel eller paragraf ifyllt",
    "lagrum-sfs": "Ett lagrum saknar SFS-nummer",
    # Sidor i guides/ och docs/
    "fel-typ": "Sidans typ stämmer inte med mappen",
    "egen-h1": "Sidan har en egen huvudrubrik",
    "trasig-lank": "En länk leder till en sida som inte finns",
    "nav-saknas": "Menyn i mkdocs.yml pekar på en sida som inte finns",
    # Övningsfall
    "dubblett-fall": "Två övningsfall har samma id",
    "fall-okand-guide": "Övningsfallet hör till en guide som inte finns",
    "fall-for-manga-svar": "Övningsfallet har fler svar än guiden har frågor",
    "fall-fel-fraga": "Övningsfallets svar står i fel ordning",
    "fall-okant-svar": "Övningsfallet har ett svar som frågan inte har",
    "fall-fel-utfall": "Övningsfallets svar leder till ett annat utfall",
    "fall-varfor-inte": "En förklaring (varfor_inte) gäller ett svar som inte finns eller fallets eget svar",
    # Stadsdelar och ordlista
    "dubblett-omrade": "Ett områdesnamn står under två stadsdelar",
    "dubblett-slug": "Samma adress används för två stadsdelar",
    "okand-stadsdel": "En stadsdel som inte finns i data/stadsdelar.yaml",
    "dubblett-term": "Ett ord förklaras två gånger i ordlistan",
    "dubblett-ankare": "Två ord i ordlistan får samma adress",
    # Kontaktvägar (contact_values.py) och platshållare (text_tokens.py)
    "kontakt-telefon": "Ett telefonnummer som inte är ett giltigt svenskt nummer",
    "kontakt-epost": "En e-postadress som inte är giltig",
    "kontakt-webb": "En webbadress som inte är giltig eller inte börjar med https://",
    "okand-platshallare": "En platshållare {{…}} som inte finns",
    "platshallare-fel-falt": "{{socialjour}} i ett fält där den inte fungerar (t.ex. en titel)",
    # Säkerhet: innehåll är text, aldrig kod (content_safety.py och yaml_source.py)
    "html": "Texten innehåller HTML-kod",
    "farlig-lank": "En länk med en otillåten adresstyp",
    "styrtecken": "Ett osynligt styrtecken i texten",
    "bara-mellanslag": "En text som bara består av mellanslag",
    "nyckel-typ": "En nyckel som inte är text",
    "yaml-hanvisning": "YAML-hänvisningar (&namn, *namn) används inte",
    "yaml-typ": "YAML-typmärken (!!typ) används inte",
    "yaml-djup": "YAML-filen är för djupt nästlad",
    "yaml-flera-dokument": "Mer än ett YAML-dokument i filen",
    "for-stor": "En innehållsfil som är större än 1 MB",
    "inte-vanlig-fil": "En symbolisk länk eller specialfil bland innehållet",
    "riktningstecken": "Ett osynligt riktningstecken som ändrar hur texten visas",
    "markdown-djup": "Listor, citat eller hakparenteser i för många nivåer",
    "dubblett-mall-id": "Två avsnitt eller fält i mallen för överenskommelsen har samma id",
    # Datumstyrda lagändringar (dated.py)
    "datum-ordning": "Ett slutdatum ligger före startdatumet",
    "datum-beslut": "En datumsatt ändring saknar beslut",
    "datum-andring": "En datumsatt ändring saknar beskrivning",
    "datum-saknas": "En senare version saknar datum",
    "datum-matchar-inte": "En versions datum eller beslut stämmer inte med registret",
    "datum-overlapp": "Två versioner gäller samtidigt",
}

WARNING_CODES: dict[str, str] = {
    "obekraftat": "Uppgifter som ska bekräftas (obekraftat)",
    "stadsdel-saknas": "Uppgifter som saknas för stadsdelar",
    "lagrum-att-kontrollera": "Lagrum som inte är helt kontrollerade",
    "lagrum-framtida": "Lagrum som börjar gälla senare",
    "overenskommelse-uppfoljning": "Samverkansöverenskommelser att följa upp",
    "overenskommelse-saknas": "Stadsdelar som saknas i uppföljningen",
    "antal-stadsdelar": "Fel antal stadsdelsförvaltningar",
    "granskning-passerad": "Guider och sidor som skulle ha granskats",
    "granskad-framtid": "Granskningsdatum i framtiden",
    "samma-svarstext": "Två svar med samma text",
    "inga-guider": "Inga guider",
    "guide-olankad": "Guider som ingen sida länkar till",
    "roll-guider": "Rollsidor med egen lista över guider",
    "andringar-ej-godkand": "Rader i en guides ändringslogg som ingen har godkänt",
    "andringar-framtid": "Rader i en guides ändringslogg med datum i framtiden",
    "andring-snart": "Lagändringar som börjar gälla snart",
    "andring-obekraftad": "Lagändringar vars beslut inte är bekräftat",
    "forslag-i-dag": "Förslag som skulle börja gälla i dag",
    "forslag-passerat": "Förslag vars datum har passerats utan bekräftat beslut (att göra)",
    "scheman-inaktuella": "Editorns id-listor (schemas/generated/) är inaktuella",
    "okand-fil": "Filer som check inte känner till",
    "redaktion-adress": "Sidfotens länkar går till en exempeladress",
    "fall-utan-varfor-inte": "Övningsfall utan förklaring till andra svar (varfor_inte)",
    "fall-utan-mal": "Övningsfall utan lärandemål",
    "rubrik-lang": "Utfall med rubrik på fler än 12 ord",
    "bradska-motsager-text": "Brådskan motsäger utfallets text",
    "redogorelse-att-fylla-i": "Tillgänglighetsredogörelsen har fält som ägaren ska fylla i",
}

CODES: dict[str, str] = {**ERROR_CODES, **WARNING_CODES}


def describe(code: str) -> str:
    """Den korta förklaringen för en kod (koden själv om den inte finns i listan)."""
    return CODES.get(code, code or "Övrigt")


@dataclass(frozen=True)
class Location:
    """En plats i en källfil. Rad och kolumn räknas från 1."""

    path: Path
    line: int = 0
    column: int = 0

    def display(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.absolute().relative_to(root.absolute())
            except ValueError:
                try:  # en symbolisk länk kan peka i en slinga; då visas sökvägen som den är
                    shown = self.path.resolve().relative_to(root.resolve())
                except (ValueError, OSError, RuntimeError):
                    shown = self.path
        text = shown.as_posix() if isinstance(shown, Path) else str(shown)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    location: Location
    message: str
    hint: str = ""
    code: str = ""

    def format(self, root: Path | None = None) -> str:
        text = f"{self.location.display(root)}: {self.severity.value}: {self.message}"
        if self.code:
            text += f" [{self.code}]"
        if self.hint:
            text += f"\n    Så här rättar du: {self.hint}"
        return text


# Ett citerat värde i ett meddelande visas med högst så här många tecken. Meddelandena hamnar i
# CI-loggar; ett helt värde (eller en hel fil som lästs in av misstag) ska aldrig stå där.
MAX_QUOTE = 80
MAX_MESSAGE = 1000


def shorten_quotes(text: str) -> str:
    """Korta av varje citat (”…”) till MAX_QUOTE tecken, och hela texten till MAX_MESSAGE."""
    parts = text.split("\u201d")
    for i in range(1, len(parts), 2):  # varannan del står inom citattecken
        if len(parts[i]) > MAX_QUOTE:
            parts[i] = parts[i][: MAX_QUOTE - 1] + "\u2026"
    text = "\u201d".join(parts)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "\u2026"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass
class Report:
    """Samlar alla fel och varningar från en kontroll."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Diagnostic(Severity.ERROR, location, shorten_quotes(message), shorten_quotes(hint), code))

    def warning(self, location: Location, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Diagnostic(Severity.WARNING, location, shorten_quotes(message), shorten_quotes(hint), code))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    def drop(self, keep: Callable[[Diagnostic], bool]) -> int:
        """Behåll bara det som ``keep`` godkänner. Returnerar hur många som togs bort."""
        before = len(self.items)
        self.items = [d for d in self.items if keep(d)]
        return before - len(self.items)

    def has_errors_in(self, path: Path) -> bool:
        return any(d.location.path == path for d in self.errors)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Diagnostic]:
        return sort_diagnostics(self.items)

    def summary(self) -> str:
        return summary_text(len(self.errors), len(self.warnings))


def sort_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(
        items,
        key=lambda d: (
            d.severity is not Severity.ERROR,
            str(d.location.path),
            d.location.line,
            d.location.column,
        ),
    )


def summary_text(n_err: int, n_warn: int) -> str:
    return f"{_plural(n_err, 'fel', 'fel')}, {_plural(n_warn, 'varning', 'varningar')}"


def group_by_code(items: Iterable[Diagnostic]) -> list[tuple[str, list[Diagnostic]]]:
    """Diagnoser grupperade per kod, största gruppen först."""
    groups: dict[str, list[Diagnostic]] = {}
    for d in items:
        groups.setdefault(d.code, []).append(d)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


class ContentError(Exception):
    """Innehållet har fel som stoppar bygget. Bär med sig rapporten."""

    def __init__(self, report: Report, root: Path | None = None) -> None:
        self.report = report
        lines = [d.format(root) for d in report.sorted() if d.severity is Severity.ERROR]
        super().__init__("\n".join(lines) + f"\n\nInnehållet har {report.summary()}.")

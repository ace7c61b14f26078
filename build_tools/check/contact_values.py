"""Kontaktvägarnas värden: telefonnummer, e-postadresser och webbadresser, kontrollerade efter sort.

Ett telefonnummer tolkas som ett svenskt nummer med ``phonenumbers`` och måste vara giltigt. Det
publiceras som en ``tel:``-länk i internationell form (tel:+46850800508) med den nationella formen
som text (08-508 005 08). 112 är ett kortnummer och hanteras för sig. En e-postadress måste ha
formen namn@doman.se och en webbadress måste börja med https:// och ha ett värdnamn. Ett värde som
inte klarar kontrollen blir ett fel och aldrig en länk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers

from ..base.diagnostics import Location, Report
from ..source.content_safety import checkable_text, line_and_column

REGION = "SE"
EMERGENCY = "112"
# Tecken som får stå i ett telefonnummer. Bokstäver släpps aldrig igenom: phonenumbers skulle
# annars tyst hoppa över ett O i slutet av 08-508 01 00O och ge ett annat nummer.
_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 \-()]*$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)


@dataclass(frozen=True)
class ContactValue:
    """Så visas en kontaktväg: texten och (för telefon, e-post och webb) länken."""

    text: str
    href: str = ""


class ContactValueError(ValueError):
    def __init__(self, message: str, hint: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


_PHONE_HINT = (
    "Skriv hela numret med riktnummer och bara siffror, mellanslag och bindestreck, t.ex. 08-508 00 508. "
    "Finns inget kontrollerat nummer: ta bort varde och skriv uppgiften under saknas."
)


def phone_value(raw: str) -> ContactValue:
    """Ett svenskt telefonnummer som tel:-länk (E.164) med nationell form som text."""
    value = raw.strip()
    if value == EMERGENCY:
        return ContactValue(EMERGENCY, f"tel:{EMERGENCY}")
    if not _PHONE_CHARS.match(value):
        raise ContactValueError(
            f"Telefonnumret \u201d{raw}\u201d innehåller annat än siffror.",
            "Står det en bokstav (t.ex. O i stället för 0) eller en text som \u201dring växeln\u201d? " + _PHONE_HINT,
            "kontakt-telefon",
        )
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ContactValueError(
            f"\u201d{raw}\u201d är inget giltigt svenskt telefonnummer.", _PHONE_HINT, "kontakt-telefon"
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return ContactValue(national, f"tel:{e164}")


def email_value(raw: str) -> ContactValue:
    """En e-postadress (utan namn och utan att fråga någon server) som mailto:-länk."""
    value = raw.strip()
    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, ValueError, IndexError):
        address = None
    if address is None or address.addr_spec != value or not _DOMAIN.match(address.domain or ""):
        raise ContactValueError(
            f"\u201d{raw}\u201d är ingen giltig e-postadress.",
            "Skriv adressen som namn@stockholm.se, utan mellanslag, namn eller <>.",
            "kontakt-epost",
        )
    return ContactValue(value, f"mailto:{value}")


def web_value(raw: str) -> ContactValue:
    """En webbadress. Bara https, och den måste ha ett värdnamn."""
    value = raw.strip()
    parts = urlsplit(value) if not re.search(r"\s", value) else None
    host = parts.hostname if parts is not None else None
    if parts is None or parts.scheme != "https" or not host or not _DOMAIN.match(host):
        raise ContactValueError(
            f"\u201d{raw}\u201d är ingen giltig webbadress.",
            "Skriv hela adressen med https://, t.ex. https://start.stockholm/. Adresser med http:// "
            "(utan s) används inte.",
            "kontakt-webb",
        )
    return ContactValue(value, value)


def contact_value(kind: str, raw: str) -> ContactValue:
    """Värdet för en kontaktväg av sorten ``kind`` (typ i data/stadsdelar.yaml)."""
    if kind == "telefon":
        return phone_value(raw)
    if kind == "e-post":
        return email_value(raw)
    if kind in ("webb", "e-tjanst"):
        return web_value(raw)
    return ContactValue(raw.strip())


# ---------------------------------------------------------------------------- tel:-länkar i texter

_TEL_LINK = re.compile(r"\[([^\]]*)\]\(\s*tel:([^)\s]*)\s*\)|<tel:([^>\s]*)>")


def check_tel_link(text: str, target: str) -> str | None:
    """Felet i en tel:-länk i en text (None om länken är rätt)."""
    try:
        wanted = phone_value(target).href if target == EMERGENCY or target.startswith("+") else None
    except ContactValueError:
        wanted = None
    if wanted is None or wanted != f"tel:{target}":
        return f"Telefonlänken tel:{target} har inget giltigt nummer i internationell form."
    shown = text.strip().strip("*_").strip()
    if shown and _PHONE_CHARS.match(shown):
        try:
            same = phone_value(shown).href == wanted
        except ContactValueError:
            same = False
        if not same:
            return f"Länktexten \u201d{shown}\u201d och numret i länken (tel:{target}) är inte samma nummer."
    return None


def check_tel_links(files: list[Path], report: Report) -> None:
    """Varje tel:-länk i guidernas texter, sidorna och data ska ha ett giltigt nummer."""
    for path in files:
        text = checkable_text(path)
        if text is None:
            continue
        for found in _TEL_LINK.finditer(text):
            label, target = (found.group(1), found.group(2)) if found.group(3) is None else ("", found.group(3))
            problem = check_tel_link(label or "", target)
            if problem:
                line, column = line_and_column(text, found.start())
                report.error(
                    Location(path, line, column),
                    problem,
                    "Skriv länken som [08-508 00 508](tel:+46850800508): numret med +46 och utan nolla, "
                    "mellanslag och bindestreck i länken. 112 skrivs [112](tel:112).",
                    code="kontakt-telefon",
                )


def text_files(root: Path) -> list[Path]:
    """Filerna vars texter kan ha tel:-länkar."""
    found: list[Path] = []
    for folder, pattern in (
        ("decision_trees", "*.y*ml"),
        ("data", "*.y*ml"),
        ("guides", "**/*.md"),
        ("docs", "**/*.md"),
    ):
        found.extend(sorted((root / folder).glob(pattern)))
    return found

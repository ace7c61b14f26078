"""En regel för alla länkar: vilka adresser som får stå i innehållet och bli en länk.

Samma funktion används av ``check`` (content_safety, markdown_check), av renderingen (mallarnas
filter ``saker_lank``) och av tvätten av all HTML (html_guard, nh3:s attributfilter). Regeln:

1. Ta bort styrtecken (U+0000–U+001F, U+007F) var som helst i adressen, och mellanslag först och
   sist. Webbläsare tar själva bort tabb och radbrytning inne i en adress, så ``java<radbrytning>script:``
   är samma sak som ``javascript:``; därför läses adresstypen först efter tvätten.
2. Släpp bara igenom adresstyperna https, http, mailto och tel, och relativa adresser (sidor på
   sajten, ``#ankare``).
"""

from __future__ import annotations

import re

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")

# Styrtecken (C0 och DEL) var som helst, och mellanslag (även Unicode) först och sist.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Adresstyper som aldrig är en vanlig text som råkar ha ett kolon ("Obs: …", "Kl. 8:00").
DANGEROUS_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "blob", "filesystem"})


def normalise_url(raw: str) -> str:
    """Adressen som webbläsaren läser den: utan styrtecken och utan mellanslag först och sist."""
    return _CONTROLS.sub("", raw).strip()


def url_scheme(raw: str) -> str | None:
    """Adresstypen med små bokstäver (``https``), eller None för en relativ adress."""
    match = _SCHEME.match(normalise_url(raw))
    return match.group(1).lower() if match else None


def safe_url(raw: str) -> str | None:
    """Den tvättade adressen om den får bli en länk, annars None."""
    scheme = url_scheme(raw)
    if scheme is not None and scheme not in ALLOWED_SCHEMES:
        return None
    return normalise_url(raw)


def safe_local_url(raw: str) -> str | None:
    """Som safe_url, men bara adresser på sajten själv (för bilder: inga anrop till andra servrar)."""
    cleaned = safe_url(raw)
    if cleaned is None or url_scheme(cleaned) is not None or cleaned.startswith(("//", "\\")):
        return None
    return cleaned


def value_is_bad_url(value: str) -> str | None:
    """Ett helt textvärde (t.ex. en kontaktvägs ``varde``) som en webbläsare skulle läsa som en farlig länk.

    Returnerar adresstypen, eller None. Text med mellanslag i är ingen adress, och vanlig text med kolon
    ("Obs: ring först") räknas bara om adresstypen är en känd farlig typ eller följs av ett snedstreck."""
    cleaned = normalise_url(value)
    if not cleaned or any(ch.isspace() for ch in cleaned):
        return None
    scheme = url_scheme(cleaned)
    if scheme is None or scheme in ALLOWED_SCHEMES:
        return None
    if scheme in DANGEROUS_SCHEMES or cleaned[len(scheme) + 1 :].startswith("/"):
        return scheme
    return None

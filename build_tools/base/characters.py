"""Osynliga tecken som inte hör hemma i innehållet.

Styrtecken (U+0000–U+001F utom tabb och radbrytning, U+007F–U+009F) kommer ofta med när text klistras
in från ett annat program, och en NUL-byte skulle hamna i sidans HTML. Riktningstecken som tvingar fram
en skrivriktning (U+202A–U+202E och U+2066–U+2069) gör att texten visas i en annan ordning än den står i
filen: ``Ring \\u202e211 etni`` visas som ”Ring inte 112”. De avvisas i varje textfält och varje brödtext.

Riktningsmärkena U+200E och U+200F (LRM, RLM) tillåts: de byter inte ordning på text som står runt dem,
bara på skiljetecken intill, och de följer med när man klistrar in namn och adresser skrivna med
arabiska eller hebreiska bokstäver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ANY = re.compile(f"{CONTROL.pattern[:-1]}{BIDI.pattern[1:-1]}]")


@dataclass(frozen=True)
class BadCharacter:
    index: int
    code: str
    message: str
    hint: str


def first_bad_character(text: str) -> BadCharacter | None:
    """Det första styr- eller riktningstecknet i texten, eller None."""
    match = _ANY.search(text)
    if match is None:
        return None
    char = match.group()
    if BIDI.match(char):
        return BadCharacter(
            match.start(),
            "riktningstecken",
            f"Texten innehåller ett osynligt riktningstecken (U+{ord(char):04X}) som ändrar i vilken ordning "
            "texten visas.",
            "Ta bort tecknet (skriv om ordet för hand om du inte ser det). Svensk text behöver aldrig sådana tecken.",
        )
    return BadCharacter(
        match.start(),
        "styrtecken",
        f"Texten innehåller ett osynligt styrtecken (U+{ord(char):04X}).",
        "Ta bort tecknet. Det kommer ofta med när man klistrar in text från ett annat program; "
        "skriv om ordet för hand om du inte ser tecknet.",
    )

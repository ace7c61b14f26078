"""Ett snabbt förtest: kan Markdown-tolken alls hitta något i en text?

``markdown_check.inspect`` renderar texten med Markdown-tolken och letar efter rå HTML, farliga länkar,
bilder från andra webbplatser och för djup nästling. Att rendera tar tid, och med 200 guider är det
tusentals texter. De flesta är vanlig text eller har bara vanliga länkar (``[112](tel:112)``), och då
kan tolken inte hitta något. ``needs_parser`` svarar False bara när det går att visa att tolken inte
hittar något; annars True, och då körs tolken som vanligt. Testet (tests/unit/test_markdown_pretest.py)
kör hela tolken på riktiga och slumpade texter och kontrollerar att varje text som hoppas över ger noll fynd.

Varför det räcker (med tilläggen som sajten använder):

- Rå HTML och autolänkar (``<https://…>``) kräver tecknet <.
- En länk eller bild kräver [ (``[text](adress)``, ``[text][namn]``, ``[namn]: adress``), eller { för
  attr_list (``{: href=… }``). Utan [ och { finns inga adresser.
- Adressen står ordagrant i texten, om texten saknar & (teckenreferenser som ``&#58;`` blir ett kolon),
  \\\\ (ett omvänt snedstreck framför t.ex. en punkt försvinner), ` (tolken sätter tillbaka kodavsnittets
  text i adressen: ``[a](`javascript`:x)`` blir ``javascript:x``) och styrtecken (tvättas bort ur adressen).
- En adresstyp är bokstäver, siffror och + . - framför ett kolon (url_rule). En adress börjar efter
  ett skiljetecken i länkens syntax (``(``, ``:``, ``=``, citattecken), eventuellt följt av blanksteg.
  Står ordet framför kolonet efter en bokstav eller siffra och blanksteg (``just nu: stanna``), eller
  först i texten, kan det inte vara början på en adress.
- En bild får inte ha någon adresstyp alls och inte börja med //. Bilder kräver ``![`` eller ``src``.
- Nästlingen (listor och citat) kräver ett tecken per nivå: > - * + eller en siffra med punkt.
  Med högst ``max_depth`` sådana tecken kan trädet inte bli för djupt, och med högst 2·max_depth
  * och _ inte heller betoningarna (de kan annars ta slut på stacken).
"""

from __future__ import annotations

import re

from ..base.url_rule import ALLOWED_SCHEMES

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # styrtecken utom radbrytning
_ORDERED = re.compile(r"\d\.")
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
# Tecken som kan stå sist i ett vanligt ord eller en mening före ett blanksteg och ett nytt ord.
_AFTER_WORD = frozenset(".,;!?")


def needs_parser(text: str, max_depth: int) -> bool:
    """False bara när Markdown-tolken bevisligen inte hittar något i texten (se modulens beskrivning)."""
    if "<" in text:
        return True
    if "[" not in text and "{" not in text:
        return False
    if not _nesting_within(text, max_depth):
        return True
    if "&" in text or "\\" in text or "`" in text or _CONTROL.search(text):
        return True
    images = "![" in text or ("{" in text and "src" in text.lower())
    if images and "//" in text:
        return True
    colon = text.find(":")
    while colon >= 0:
        if _may_start_bad_url(text, colon, images):
            return True
        colon = text.find(":", colon + 1)
    return False


def _nesting_within(text: str, max_depth: int) -> bool:
    if text.count("*") + text.count("_") > 2 * max_depth:
        return False
    markers = text.count(">") + text.count("-") + text.count("*") + text.count("+")
    if markers + text.count(".") <= max_depth:
        return True
    return markers + len(_ORDERED.findall(text)) <= max_depth


def _may_start_bad_url(text: str, colon: int, images: bool) -> bool:
    """Kan ordet framför kolonet på ``colon`` vara en otillåten adresstyp i början av en adress?"""
    start = colon
    while start > 0 and text[start - 1] in _SCHEME_CHARS:
        start -= 1
    scheme = text[start:colon]
    if not scheme or not scheme[0].isalpha():
        return False  # ingen adresstyp (url_rule: den börjar med en bokstav), alltså en relativ adress
    if not images and scheme.lower() in ALLOWED_SCHEMES:
        return False
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if before < 0:
        return False  # bara blanksteg framför: ingen länksyntax som adressen kunde stå i
    return not (text[before].isalnum() or text[before] in _AFTER_WORD)

"""``python -m build_tools ny-guide <id>``: en ny guide att börja från, med förklaringar i filen.

Filen decision_trees/<id>.yaml får en fråga och två utfall som redan klarar ``check``, så att
redaktören kan se guiden i förhandsvisningen direkt och sedan skriva om den bit för bit.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

from ..check.validate import RESERVED_NODE_IDS
from ..load.project import Layout, load_project

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED = {"index", "assets", "search", "404", "sitemap", *RESERVED_NODE_IDS}
PREFERRED_LAGRUM = "sol-anmalningsskyldighet"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# {titel}
# Skapad {today} med: python -m build_tools ny-guide {id}
#
# Så här gör du (mer i redaktörshandboken på sajten, under För redaktörer):
#  1. Skriv guidens titel, beskrivning och malgrupp här nedanför.
#  2. Skriv frågorna och utfallen under noder. Varje nod har ett id med små bokstäver a–z,
#     siffror och bindestreck, utan å, ä och ö, t.ex. barnet-i-fara. Id:t blir en del av
#     sidans adress, så byt det inte när guiden väl är publicerad.
#  3. En fråga (typ: fraga) har minst två svar. Varje svar pekar med nasta på nästa fråga
#     eller på ett utfall.
#  4. Ett utfall (typ: utfall) säger vad man ska göra: slag, bradska, titel, text, steg och
#     lagrum. Hur slag och bradska ser ut på sidan står i handboken.
#  5. Skriv aldrig paragrafnummer i texterna. Hänvisa till lagen med id:n ur data/lagrum.yaml
#     under lagrum: – sajten visar numret när det är kontrollerat.
#  6. Skriv sådant du inte har kunnat kontrollera under obekraftat:.
#  7. Kontrollera filen: python -m build_tools check decision_trees/{id}.yaml
#
id: {id}
titel: "{titel}"
beskrivning: >-
  Skriv en eller två meningar om vad guiden hjälper till med. Texten visas i listan över
  alla beslutsstöd och i sökningen.
# inledning: |
#   Valfri text på guidens startsida (Markdown). Ta bort # framför raderna för att använda den.
malgrupp:  # vilka guiden är skriven för; guiden visas på deras sidor under Din roll
  - alla-i-skolan
agare: Redaktionen för Samverkansguiden  # en funktion, inte en person
granskad: {today}  # guidens versionsdatum: ändra när innehållet är granskat
granskas_senast: {next_review}
start: forsta-fragan
andringar:  # ändringslogg, nyast först; visas på guidens startsida och i granskningsvyn
  - datum: {today}
    vad: Guiden skapades.
    # godkand_av: Skriv funktionen som godkänner guiden, t.ex. Kommunjurist

noder:

  # ---------------------------------------------------------------- frågor

  forsta-fragan:
    typ: fraga
    fraga: Skriv den första frågan här?
    hjalp: >-
      Valfri förklaring under frågan. Ta bort hjalp om den inte behövs.
    svar:
      - id: ja
        text: Ja
        nasta: gor-sa-har
      - id: nej
        text: Nej
        nasta: bra-att-veta

  # ---------------------------------------------------------------- utfall

  gor-sa-har:
    typ: utfall
    # slag: akut, anmal, konsultera, skolans-ansvar, socialtjanstens-ansvar, tillatet,
    #       kraver-samtycke, inte-tillatet eller information
    slag: konsultera
    # bradska: omedelbart, idag, snart eller planerat
    bradska: snart
    titel: Skriv svaret i en kort mening
    text: |
      Förklara svaret med några meningar. Skriv vad som gäller och varför, på klarspråk.
    steg:
      - Det första man gör.
      - Det man gör sedan.
    lagrum:
      - {lagrum}
    visa_kontakt: true  # visar rutan Vart vänder jag mig? med socialtjänstens kontaktvägar
    obekraftat:
      - Det här är en ny guide. Texterna är inte granskade än.

  bra-att-veta:
    typ: utfall
    slag: information
    bradska: planerat
    titel: Skriv det andra svaret i en kort mening
    text: |
      Förklara svaret.
    steg:
      - Vad man gör.
    lagrum:
      - {lagrum}
"""


def guide_text(guide_id: str, title: str, lagrum: str, today: dt.date, schema: str) -> str:
    next_review = today.replace(year=today.year + 1) if today.month > 6 else today.replace(month=today.month + 6)
    return TEMPLATE.format(
        id=guide_id,
        titel=title.replace('"', "\u201d"),
        lagrum=lagrum,
        today=today.isoformat(),
        next_review=next_review.isoformat(),
        schema=schema,
    )


def run(layout: Layout, guide_id: str, title: str | None, today: dt.date) -> int:
    if not SLUG.match(guide_id) or guide_id in RESERVED or len(guide_id) > 60:
        print(
            f"\u201d{guide_id}\u201d går inte att använda som id. Använd små bokstäver a–z utan å, ä och ö, "
            "siffror och bindestreck, t.ex. kalla-till-sip.",
            file=sys.stderr,
        )
        return 2
    target = layout.trees_dir / f"{guide_id}.yaml"
    if target.exists():
        print(f"Filen {target.relative_to(layout.root)} finns redan. Den skrivs inte över.", file=sys.stderr)
        return 1
    project, _ = load_project(layout, today)
    if guide_id in project.trees:
        print(f"Det finns redan en guide med id {guide_id}.", file=sys.stderr)
        return 1
    lagrum = PREFERRED_LAGRUM if PREFERRED_LAGRUM in project.lagrum else next(iter(sorted(project.lagrum)), "")
    generated = layout.root / "schemas" / "generated" / "beslutstrad.schema.json"
    schema = (
        "../schemas/generated/beslutstrad.schema.json" if generated.exists() else "../schemas/beslutstrad.schema.json"
    )
    layout.trees_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(guide_text(guide_id, title or "Skriv guidens titel här", lagrum, today, schema), encoding="utf-8")
    relative = target.relative_to(layout.root).as_posix()
    print(f"Skapade {relative}.")
    print("Nästa steg:")
    print(f"  1. Öppna {relative} och skriv guiden. Förklaringarna står i filen.")
    print(f"  2. Kontrollera: python -m build_tools check {relative}")
    print(f"  3. Se guiden: bash scripts/serve.sh och gå till http://127.0.0.1:8000/beslutsstod/{guide_id}/")
    return 0

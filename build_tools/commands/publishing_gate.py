"""Publiceringskontrollen: ``python -m build_tools check --publicering``.

Vanliga ``check`` är redaktörernas kontroll och säger bara till om det som ägaren ska fylla i
(varningar). Publiceringskontrollen är ägarens: den stoppar (slutkod 1) så länge sajten skulle
visa en platshållare eller en okontrollerad kontaktväg, och skriver ut listan över det som ska
fyllas i, med fil och rad, vad som ska skrivas in och var uppgiften finns:

- sajtens publika adress (mkdocs.yml, raden med ÄGAREN FYLLER I) och sidfotens exempeladresser
  (extra: redaktion: med example.invalid);
- fälten i tillgänglighetsredogörelsen (docs/tillganglighet.md);
- socialjourens telefonnummer (data/stadsdelar.yaml, funktion: socialjour);
- kontaktvägar som visas men inte är kontrollerade;
- lagrum som en sida hänvisar till och som inte är kontrollerade (en rad per lagrum);
- förslag till lagändringar vars datum har passerat utan beslut.

Modulen är en del av kärnan och importerar inte MkDocs."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..base.diagnostics import Location
from ..check.statement_check import statement_fields
from ..domain.model import Contact, Project
from ..load.dated_view import past_due_proposals
from ..load.text_tokens import socialjour_contact, socialjour_ready

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
_MARKER = re.compile(r"ÄGAREN FYLLER I:\s*([^\]\n]*)")


@dataclass(frozen=True)
class Todo:
    """En uppgift som ägaren ska fylla i före publiceringen."""

    group: str
    location: Location
    what: str
    enter: str = ""  # vad som ska skrivas in
    where: str = ""  # var uppgiften finns


GROUPS = (
    "Sajtens adress och sidfoten i mkdocs.yml",
    "Tillgänglighetsredogörelsen i docs/tillganglighet.md",
    "Socialjouren",
    "Kontaktvägar som inte är kontrollerade",
    "Lagrum som sidorna hänvisar till och som inte är kontrollerade",
    "Förslag vars datum har passerat",
)


def config_todos(config: Path) -> list[Todo]:
    """mkdocs.yml: den publika adressen (markerad att bekräfta) och sidfotens exempeladresser."""
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    todos = [
        Todo(
            GROUPS[0],
            Location(config, number, found.start() + 1),
            f"Sajtens publika adress (site_url) är inte bekräftad: {found.group(1).strip().rstrip('.')}.",
            "Skriv sajtens riktiga adress som standardvärde i site_url (med https:// och / i slutet), "
            "och ta sedan bort raden med ÄGAREN FYLLER I.",
            "Adressen bestäms av förvaltningen som äger sajten, tillsammans med stadens webbredaktion.",
        )
        for number, line in enumerate(text.splitlines(), start=1)
        for found in _MARKER.finditer(line)
    ]
    return todos + _feedback_todos(config, text)


def site_url_todos(config: Path, site_url: str | None) -> list[Todo]:
    """Adressen bygget får från miljövariabeln SITE_URL (i CI): en publik https-adress."""
    if not site_url:
        return []
    parts = urlsplit(site_url)
    if parts.scheme == "https" and parts.hostname and parts.hostname not in _LOCAL_HOSTS:
        return []
    return [
        Todo(
            GROUPS[0],
            Location(config),
            f"Miljövariabeln SITE_URL är ”{site_url}”, men sajten ska publiceras på en publik https-adress.",
            "Sätt SITE_URL till sajtens publika adress, t.ex. https://samverkansguiden.stockholm.se/.",
            "CI-inställningarna: Settings > CI/CD > Variables (GitLab) eller Settings > Secrets and variables "
            "> Actions > Variables (GitHub).",
        )
    ]


def _feedback_todos(config: Path, text: str) -> list[Todo]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    todos = []
    for key, scalar in _mapping_items(_child(_child(node, "extra"), "redaktion")):
        if isinstance(scalar, yaml.ScalarNode) and "example.invalid" in scalar.value:
            todos.append(
                Todo(
                    GROUPS[0],
                    Location(config, scalar.start_mark.line + 1, scalar.start_mark.column + 1),
                    f"Sidfotens länk {key} går till exempeladressen samverkansguiden@example.invalid.",
                    "Byt example.invalid-adressen mot redaktionens riktiga e-postadress (mailto:…) eller "
                    "adressen till ärendesystemet. Behåll {sida} och {fil} där de står.",
                    "Den funktionsbrevlåda eller det ärendesystem som redaktionen tar emot synpunkter i.",
                )
            )
    return todos


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    return None


def _mapping_items(node) -> list[tuple[str, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(getattr(k, "value", "?"), v) for k, v in node.value]


# Vad som ska stå i redogörelsens fält, efter ord i fältets beskrivning.
_STATEMENT_HELP = (
    ("organisation", "Namnet på den förvaltning som ansvarar för sajten.", "Förvaltningens beslut om sajten."),
    ("e-post", "Funktionsbrevlådan (eller formuläret) för frågor om tillgänglighet.", "Förvaltningens kommunikatör."),
    ("telefon", "Telefonnummer och tider då det svarar.", "Förvaltningens kontaktcenter eller växel."),
    ("arbetsdagar", "Hur många arbetsdagar det tar innan ni svarar, t.ex. 5.", "Förvaltningens rutin."),
    ("brister", "Vart man rapporterar brister i tillgängligheten.", "Förvaltningens kommunikatör."),
    ("publicering", "Datumet då sajten publicerades, ÅÅÅÅ-MM-DD.", "Fyll i samma dag som sajten publiceras."),
)


def statement_todos(docs_dir: Path) -> list[Todo]:
    todos = []
    for location, field in statement_fields(docs_dir):
        enter, where = next(
            ((e, w) for word, e, w in _STATEMENT_HELP if word in field.lower()),
            ("Den riktiga uppgiften.", "Den organisation som ansvarar för sajten."),
        )
        todos.append(
            Todo(
                GROUPS[1],
                location,
                f"Fältet \u201d{field}\u201d är inte ifyllt.",
                f"{enter} Ersätt hela **[ÄGAREN FYLLER I: …]**.",
                where + " Mallen och kraven: digg.se (tillgänglighetsredogörelse).",
            )
        )
    return todos


def socialjour_todos(project: Project) -> list[Todo]:
    contact = socialjour_contact(project.city_contacts)
    if contact is None or socialjour_ready(contact):
        return []
    return [
        Todo(
            GROUPS[2],
            contact.location or Location(project.root / "data" / "stadsdelar.yaml"),
            "Socialjourens telefonnummer saknas eller är inte kontrollerat. Sidorna säger i stället var numret står.",
            "Numret i varde (t.ex. varde: 08-123 456 78), status: verifierad, kalla: sidan där numret "
            "står och kontrollerad: dagens datum. Numret visas då på varje sida som behöver det.",
            f"Stockholms stads sida: {contact.source}",
        )
    ]


def contact_todos(project: Project) -> list[Todo]:
    shown: list[tuple[Contact, str]] = [(c, "Stockholms stad") for c in project.city_contacts]
    shown += [(c, d.name) for d in project.districts for c in d.contacts]
    todos = []
    for contact, owner in shown:
        if contact.verified or contact.function == "socialjour" or contact.location is None:
            continue
        value = contact.text or contact.description[:40]
        todos.append(
            Todo(
                GROUPS[3],
                contact.location,
                f"{owner}: {value} ({contact.status}) visas men är inte kontrollerad.",
                "Kontrollera uppgiften hos staden. Stämmer den: status: verifierad, kalla: stadens sida och "
                "kontrollerad: dagens datum. Annars: ta bort kontaktvägen och skriv den under saknas.",
                f"Förvaltningens sida på start.stockholm. Uppgiften kommer i dag från {contact.source}",
            )
        )
    return todos


def cited_lagrum(project: Project) -> Counter[str]:
    """Hur många sidor som hänvisar till varje lagrum (utfall, kapitel, övningsfall, ordlistan, mallen)."""
    counts: Counter[str] = Counter()
    for tree in project.trees.values():
        for outcome in tree.outcomes:
            counts.update(set(outcome.lagrum))
    for item in (*project.chapters, *project.cases):
        counts.update(set(item.lagrum))
    counts.update({ref for term in project.glossary for ref in term.lagrum})
    sections = (project.agreement_template or {}).get("avsnitt", [])
    counts.update({ref for section in sections for ref in section.get("lagrum", [])})
    return counts


def lagrum_todos(project: Project) -> list[Todo]:
    counts = cited_lagrum(project)
    labels = {"delvis": "delvis kontrollerat", "ej-verifierad": "inte kontrollerat"}
    return [
        Todo(
            GROUPS[4],
            entry.location,
            f"{entry.id} – {entry.heading} ({labels.get(entry.status, entry.status)}, "
            f"{counts[entry.id]} {'sida' if counts[entry.id] == 1 else 'sidor'}).",
        )
        for entry in sorted(project.lagrum.values(), key=lambda e: e.location.line)
        if entry.status != "verifierad" and counts[entry.id]
    ]


def past_due_todos(view: Project) -> list[Todo]:
    """Förslag vars datum har passerat men som inte är beslutade (samma som check varnar för)."""
    return [
        Todo(
            GROUPS[5],
            warning.location,
            warning.message,
            "Har förslaget blivit lag: beslut: beslutad och SFS-numret som källa. Annars: ändra datumet "
            "eller ta bort ändringen.",
            "riksdagen.se (sök på förslagets beteckning) eller svenskforfattningssamling.se.",
        )
        for warning in past_due_proposals(view)
    ]


def publishing_todos(project: Project, root: Path, today: dt.date, site_url: str | None = None) -> list[Todo]:
    """Allt som ägaren ska fylla i, i den ordning listan skrivs ut."""
    return [
        *config_todos(root / "mkdocs.yml"),
        *site_url_todos(root / "mkdocs.yml", site_url),
        *statement_todos(root / "docs"),
        *socialjour_todos(project),
        *contact_todos(project),
        *lagrum_todos(project),
        *past_due_todos(project),
    ]


def format_todos(todos: list[Todo], root: Path, missing: int = 0, has_errors: bool = False) -> list[str]:
    """Listan på svenska: en rubrik per sort, sedan fil:rad och vad som ska göras."""
    if not todos and has_errors:
        return ["Publiceringskontrollen: sajten kan inte publiceras förrän felen ovan är rättade."]
    if not todos:
        return ["Publiceringskontrollen: klart. Inget som ägaren måste fylla i står kvar."]
    lines = [
        f"Publiceringskontrollen: {len(todos)} {'uppgift' if len(todos) == 1 else 'uppgifter'} måste fyllas i "
        "eller kontrolleras innan sajten publiceras.",
        "Fyll i dem i filerna nedan och kör python -m build_tools check --publicering igen.",
    ]
    for group in GROUPS:
        items = [t for t in todos if t.group == group]
        if items:
            lines += ["", f"{group} ({len(items)}):", *_group_lines(items, root)]
        if items and group == GROUPS[4]:
            lines.append(
                "    Fyll i: kontrollera varje lagrum mot lagtexten (länken i lank) och ändra status till verifierad."
            )
    if missing:
        lines.append("")
        lines.append(
            f"Dessutom saknas {missing} uppgifter för stadsdelarna. De stoppar inte publiceringen "
            "(sidorna säger att de saknas). Se dem med python -m build_tools check --visa stadsdel-saknas."
        )
    return lines


def _group_lines(items: list[Todo], root: Path) -> list[str]:
    """Raderna för en sort. Det som är lika för alla uppgifter i sorten skrivs en gång, sist."""
    shared = {
        label: getattr(items[0], name)
        for name, label in (("enter", "Fyll i"), ("where", "Här finns uppgiften"))
        if len(items) > 1 and len({getattr(t, name) for t in items}) == 1 and getattr(items[0], name)
    }
    lines = []
    for todo in items:
        lines.append(f"  {todo.location.display(root)}: {todo.what}")
        for name, label in (("enter", "Fyll i"), ("where", "Här finns uppgiften")):
            if label not in shared and getattr(todo, name):
                lines.append(f"      {label}: {getattr(todo, name)}")
    lines.extend(f"    {label} (för alla ovan): {text}" for label, text in shared.items())
    return lines


def gate(
    project: Project,
    root: Path,
    today: dt.date,
    missing: int = 0,
    has_errors: bool = False,
    site_url: str | None = None,
) -> tuple[list[str], bool]:
    """Utskriften och om publiceringen måste vänta (fel i innehållet gör alltid att den väntar).

    ``site_url`` är miljövariabeln SITE_URL, om den är satt."""
    todos = publishing_todos(project, root, today, site_url)
    return format_todos(todos, root, missing, has_errors), bool(todos) or has_errors

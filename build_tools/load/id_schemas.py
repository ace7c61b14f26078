"""Scheman för editorn med listor över id:n, så att VS Code kan föreslå dem när man skriver.

``python -m build_tools scheman`` (build_tools/commands/schemas.py) skriver schemas/generated/:
``ids.schema.json`` med alla lagrums-id:n, guide-id:n och stadsdelar ur innehållet, och en kopia av
varje schema där fälten lagrum, guide, guider, lagandring och stadsdel hänvisar till de listorna.
.vscode/settings.json kopplar innehållsfilerna till kopiorna. ``check`` varnar när listorna inte stämmer med innehållet.

``check`` själv använder alltid originalen i schemas/: ett okänt id ger där ett tydligare fel med
förslag ("Menade du …?") än en uppräkning skulle ge.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from ..base.diagnostics import Location, Report
from ..base.layout import Layout
from ..domain.model import Project
from .lagrum import STATUS_LABELS

GENERATED = "generated"
IDS = "ids.schema.json"
# Scheman som får en kopia med id-listor (lagrumsregistret själv behöver ingen).
COPIED = (
    "beslutstrad.schema.json",
    "ovningsfall.schema.json",
    "kapitel.schema.json",
    "ordlista.schema.json",
    "overenskommelse-mall.schema.json",
    "overenskommelser.schema.json",
)
# Fält som innehåller id:n: fältets namn → listan det hämtar från.
ID_FIELDS = {"lagrum": "lagrum-id", "lagandring": "lagrum-id", "guide": "guide-id", "guider": "guide-id"}
DISTRICT_FIELDS = {"stadsdel": "stadsdel-id"}
HEADER = "Skapad av python -m build_tools scheman. Ändra inte för hand: ändra innehållet och kör kommandot igen."


def _enum(values: list[tuple[str, str]], description: str) -> dict:
    return {
        "type": "string",
        "description": description,
        "enum": [value for value, _ in values],
        "enumDescriptions": [text for _, text in values],
        "markdownEnumDescriptions": [text for _, text in values],
    }


def ids_schema(project: Project) -> dict:
    lagrum = [
        (entry.id, f"{entry.heading} ({STATUS_LABELS[entry.status].lower()})")
        for entry in sorted(project.lagrum.values(), key=lambda e: e.id)
    ]
    guides = [(tree.id, tree.title) for tree in sorted(project.trees.values(), key=lambda t: t.id)]
    districts = [(d.slug, d.name) for d in sorted(project.districts, key=lambda d: d.slug)]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": HEADER,
        "title": "Id:n i Samverkansguidens innehåll",
        "$defs": {
            "lagrum-id": _enum(lagrum, "Id för ett lagrum i data/lagrum.yaml."),
            "guide-id": _enum(guides, "Id för en guide i decision_trees/."),
            "stadsdel-id": _enum(districts, "Slug för en stadsdelsförvaltning i data/stadsdelar.yaml."),
        },
    }


def _with_ids(node, fields: dict[str, str]):
    """Byt ut id-fälten mot hänvisningar till ids.schema.json, på alla nivåer."""
    if isinstance(node, list):
        return [_with_ids(item, fields) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _with_ids(value, fields) for key, value in node.items()}
    properties = result.get("properties")
    if isinstance(properties, dict):
        for name, target in fields.items():
            field = properties.get(name)
            if not isinstance(field, dict):
                continue
            ref = {"$ref": f"{IDS}#/$defs/{target}"}
            if field.get("type") == "array" or "items" in field:
                properties[name] = {**field, "items": ref}
            elif field.get("type") in (None, "string"):
                kept = {k: v for k, v in field.items() if k in ("description",)}
                properties[name] = {**ref, **kept}
    return result


def planned_files(project: Project, schema_dir: Path) -> dict[str, str]:
    """Filerna i schemas/generated/ med innehåll."""
    files = {IDS: ids_schema(project)}
    for name in COPIED:
        source = schema_dir / name
        if not source.exists():
            continue
        schema = json.loads(source.read_text(encoding="utf-8"))
        fields = {**ID_FIELDS, **DISTRICT_FIELDS} if name == "overenskommelser.schema.json" else ID_FIELDS
        generated = _with_ids(copy.deepcopy(schema), fields)
        # Utan $id löser editorn hänvisningen till ids.schema.json från filens egen plats.
        generated.pop("$id", None)
        generated["$comment"] = HEADER + f" Original: schemas/{name}."
        files[name] = generated
    return {name: json.dumps(data, ensure_ascii=False, indent=2) + "\n" for name, data in files.items()}


def stale_files(project: Project, schema_dir: Path) -> list[str]:
    out = schema_dir / GENERATED
    stale = []
    for name, text in planned_files(project, schema_dir).items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def check_generated(project: Project, layout: Layout, report: Report) -> None:
    """Varning när editorns id-listor inte stämmer med innehållet (bara när innehållet är utan fel)."""
    schema_dir = layout.root / "schemas"
    if not report.ok or not schema_dir.is_dir():
        return
    stale = stale_files(project, schema_dir)
    if stale:
        report.warning(
            Location(schema_dir / GENERATED / IDS),
            "Editorns listor över id:n (schemas/generated/) stämmer inte med innehållet, t.ex. efter ett nytt "
            "lagrum eller en ny guide.",
            "Kör python -m build_tools scheman och lägg med filerna i samma ändring.",
            code="scheman-inaktuella",
        )

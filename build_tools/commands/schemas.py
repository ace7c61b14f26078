"""``python -m build_tools scheman``: skriver editorns scheman med id-listor till schemas/generated/."""

from __future__ import annotations

import datetime as dt

from ..base.layout import Layout
from ..load.id_schemas import GENERATED, planned_files
from ..load.project import load_project


def run(layout: Layout, today: dt.date | None) -> int:
    project, report = load_project(layout, today)
    if not report.ok:
        print("Innehållet har fel. Rätta dem först (python -m build_tools check).")
        return 1
    schema_dir = layout.root / "schemas"
    out = schema_dir / GENERATED
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    planned = planned_files(project, schema_dir)
    for name, text in planned.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written += 1
    for path in out.glob("*.json"):
        if path.name not in planned:
            path.unlink()
            written += 1
    if written:
        print(f"Uppdaterade {written} {'fil' if written == 1 else 'filer'} i schemas/{GENERATED}/.")
    else:
        print(f"schemas/{GENERATED}/ var redan aktuell.")
    return 0

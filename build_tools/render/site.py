"""Skriver sajtens källmapp (build/docs/): handskrivna sidor plus genererade sidor.

Filer skrivs bara om innehållet ändrats, så att ``mkdocs serve`` inte bygger om i onödan,
och filer som inte längre ska finnas tas bort.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..model import Project
from ..project import Layout
from .docx_files import agreement_documents
from .pages import PageBuilder, districts_json, glossary_json

# Håller mappen build/docs/ i git, så att MkDocs hittar den innan kroken har körts.
KEEP_FILE = ".gitkeep"


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def planned_files(project: Project, layout: Layout) -> dict[str, bytes]:
    """Alla filer som källmappen ska innehålla, med innehåll."""
    files: dict[str, bytes] = {}
    for folder in (layout.docs_dir,):
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files[path.relative_to(folder).as_posix()] = path.read_bytes()
    for relative, data in extra_files(project).items():
        files[relative] = data
    for page in PageBuilder(project).all_pages():
        if page.source in files:
            raise ValueError(f"Den genererade sidan {page.source} krockar med en handskriven sida i docs/.")
        files[page.source] = page.render().encode("utf-8")
    return files


def extra_files(project: Project) -> dict[str, bytes]:
    """Filer som inte är sidor: data till skripten och nedladdningsbara dokument."""
    files: dict[str, bytes] = {}
    if project.districts:
        files["stadsdelar/kontakter.json"] = districts_json(project).encode("utf-8")
    if project.glossary:
        files["ordlista/termer.json"] = glossary_json(project).encode("utf-8")
    if project.agreement_template is not None:
        files.update(agreement_documents(project))
    return files


def write_site(project: Project, layout: Layout) -> int:
    """Skriv källmappen. Returnerar antalet filer som skrevs eller togs bort."""
    out = layout.output_dir
    files = planned_files(project, layout)
    changed = 0
    for relative, data in files.items():
        changed += _write_if_changed(out / relative, data)
    if out.exists():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.name == KEEP_FILE:
                continue
            if path.is_file() and rel not in files:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return changed

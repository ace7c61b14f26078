"""Granskningsvyns innehåll per nod och versionen som granskas.

Varje nod visas en gång, med allt en läsare kan se på nodens sida: frågan, hjälptexten och svaren
med förklaringar, eller utfallets rubrik, text, steg och länkar. Lagrummen står med status en gång
per nod (inte en gång per väg). Det som byter text på ett datum (``versioner:`` i guiden) visas
med datum, beslut och den nya texten, så att juristen granskar båda lydelserna.

Versionen som granskas är incheckningen i git (kort id och datum). Den läses när sajten byggs;
utan git står det "okänd". Inget här läser klockan: datumen kommer från git och från byggdatumet.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.diagnostics import Report
from ..domain.dated import DECISIONS
from ..domain.model import Outcome, Question, Tree
from ..source.yaml_source import load_yaml

UNKNOWN = "okänd"

# Fälten i en version, i den ordning de visas, och vad de heter i granskningsvyn.
VERSION_FIELDS = (
    ("titel", "Rubrik"),
    ("fraga", "Fråga"),
    ("hjalp", "Hjälptext"),
    ("slag", "Slag"),
    ("bradska", "Brådska"),
    ("text", "Text"),
    ("steg", "Steg"),
    ("lagrum", "Lagrum"),
    ("obekraftat", "Obekräftat (för redaktionen)"),
)


@dataclass(frozen=True)
class SignedVersion:
    """Den version av innehållet som granskas: incheckningen i git."""

    commit: str = UNKNOWN
    date: str = ""
    uncommitted: bool = False

    @property
    def key(self) -> str:
        return f"{self.commit} {self.date} {self.uncommitted}"


def _git(folder: Path, *args: str) -> str | None:
    """Det git skriver ut, eller None om git inte finns eller inte lyckas."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def signed_version(tree_file: Path) -> SignedVersion:
    """Incheckningen som guiden byggs från, och om guiden eller lagrumsregistret har ändringar som
    inte är incheckade (då granskas något annat än incheckningen)."""
    return signed_versions([tree_file])[tree_file]


def signed_versions(tree_files: list[Path]) -> dict[Path, SignedVersion]:
    """signed_version för guiderna i en och samma mapp, med två anrop till git i stället för två per guide."""
    if not tree_files:
        return {}
    folder = tree_files[0].parent
    head = (_git(folder, "log", "-1", "--format=%h %cs") or "").strip()
    if not head:
        return dict.fromkeys(tree_files, SignedVersion())
    commit, _, date = head.partition(" ")
    lagrum_file = folder.parent / "data" / "lagrum.yaml"
    status = _git(folder, "status", "--porcelain", "-z", "--", *map(str, tree_files), str(lagrum_file))
    changed = _changed_paths(status or "")
    lagrum_changed = _listed(lagrum_file, changed)
    return {path: SignedVersion(commit, date, lagrum_changed or _listed(path, changed)) for path in tree_files}


def _changed_paths(status: str) -> list[str]:
    """Sökvägarna (från förrådets rot) i ``git status --porcelain -z``. Vid en flytt eller kopia står den
    gamla sökvägen som ett eget fält efter den nya; båda räknas."""
    paths, follows = [], False
    for entry in status.split("\0"):
        if entry and follows:
            paths.append(entry)
            follows = False
        elif entry:
            paths.append(entry[3:])
            follows = "R" in entry[:2] or "C" in entry[:2]
    return paths


def _listed(path: Path, changed: list[str]) -> bool:
    text = path.as_posix()
    return any(text == c or text.endswith("/" + c) for c in changed)


@dataclass(frozen=True)
class Version:
    """En datumsatt version av en nod: när den börjar gälla, beslutet och fälten som byts."""

    start: str
    decision: str
    change_text: str
    lagrum_id: str
    fields: list[tuple[str, str, Any]] = field(default_factory=list)  # (fält, etikett, värde)


def node_versions(tree: Tree) -> dict[str, list[Version]]:
    """Versionerna per nod, lästa ur guidens fil (modellen har bara dagens text)."""
    doc = load_yaml(tree.source, Report()) if tree.source.is_file() else None
    if doc is None or not isinstance(doc.data, dict):
        return {}
    found: dict[str, list[Version]] = {}
    for node_id, raw in (doc.data.get("noder") or {}).items():
        items = raw.get("versioner", []) if isinstance(raw, dict) else []
        found[node_id] = [_version(item, tree, node_id) for item in items if isinstance(item, dict)]
    return found


def _version(item: dict, tree: Tree, node_id: str) -> Version:
    node = tree.nodes.get(node_id)
    change = next((c for c in getattr(node, "changes", ()) if str(c.date) == str(item.get("galler_fran"))), None)
    decision = item.get("beslut") or (change.decision if change else "")
    return Version(
        start=str(item.get("galler_fran", "")),
        decision=DECISIONS.get(decision, decision or "Beslut saknas"),
        change_text=str(item.get("andringen", "")).strip(),
        lagrum_id=str(item.get("lagandring", "")),
        fields=[(key, label, item[key]) for key, label in VERSION_FIELDS if key in item],
    )


@dataclass(frozen=True)
class NodeView:
    node: Question | Outcome
    is_question: bool
    versions: list[Version]
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)  # (svar-id, text, förklaring, nästa)


def node_views(tree: Tree, order: list[str]) -> list[NodeView]:
    """Noderna i diagrammets ordning (från första frågan), var och en en gång."""
    versions = node_versions(tree)
    views = []
    for node_id in order:
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            targets = [(a.id, a.label, a.explanation, a.next_id) for a in node.answers]
            views.append(NodeView(node, True, versions.get(node_id, []), targets))
        else:
            views.append(NodeView(node, False, versions.get(node_id, [])))
    return views


def path_chain(tree: Tree, steps, outcome_id: str) -> str:
    """En väg som en kort kedja av id:n: fraga.svar → fraga.svar ⇒ utfall."""
    return " → ".join(f"{s.question_id}.{s.answer_id}" for s in steps) + f" ⇒ {outcome_id}"

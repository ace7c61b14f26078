"""Var innehållet ligger: projektets mappar och filer, räknat från projektroten."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    """Projektets mappar. Allt räknas från projektroten."""

    root: Path

    @property
    def trees_dir(self) -> Path:
        return self.root / "decision_trees"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def lagrum_file(self) -> Path:
        return self.data_dir / "lagrum.yaml"

    @property
    def districts_file(self) -> Path:
        return self.data_dir / "stadsdelar.yaml"

    @property
    def agreements_file(self) -> Path:
        return self.data_dir / "overenskommelser.yaml"

    @property
    def template_file(self) -> Path:
        return self.data_dir / "overenskommelse_mall.yaml"

    @property
    def glossary_file(self) -> Path:
        return self.data_dir / "ordlista.yaml"

    @property
    def cases_file(self) -> Path:
        return self.data_dir / "ovningsfall.yaml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def guides_dir(self) -> Path:
        return self.root / "guides"

    @property
    def vocabulary_file(self) -> Path:
        return self.data_dir / "sokord.yaml"

    @property
    def cache_dir(self) -> Path:
        """Byggcachen (build/cache/): sparade kontroller, sidor och Word-filer."""
        return self.root / "build" / "cache"

    @property
    def output_dir(self) -> Path:
        """Den genererade källmappen som MkDocs (eller en annan generator) bygger från."""
        return self.root / "build" / "docs"


def default_root() -> Path:
    return Path(__file__).resolve().parents[2]

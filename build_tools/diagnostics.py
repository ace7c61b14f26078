"""Felmeddelanden till redaktörer: på svenska, med fil, rad och kolumn."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Location:
    """En plats i en källfil. Rad och kolumn räknas från 1."""

    path: Path
    line: int = 0
    column: int = 0

    def display(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                shown = self.path
        text = str(shown)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    location: Location
    message: str
    hint: str = ""
    code: str = ""

    def format(self, root: Path | None = None) -> str:
        text = f"{self.location.display(root)}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n    Så här rättar du: {self.hint}"
        return text


@dataclass
class Report:
    """Samlar alla fel och varningar från en kontroll."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Diagnostic(Severity.ERROR, location, message, hint, code))

    def warning(self, location: Location, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Diagnostic(Severity.WARNING, location, message, hint, code))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Diagnostic]:
        return sorted(
            self.items,
            key=lambda d: (
                d.severity is not Severity.ERROR,
                str(d.location.path),
                d.location.line,
                d.location.column,
            ),
        )

    def summary(self) -> str:
        n_err, n_warn = len(self.errors), len(self.warnings)
        err = "1 fel" if n_err == 1 else f"{n_err} fel"
        warn = "1 varning" if n_warn == 1 else f"{n_warn} varningar"
        return f"{err}, {warn}"


class ContentError(Exception):
    """Innehållet har fel som stoppar bygget. Bär med sig rapporten."""

    def __init__(self, report: Report, root: Path | None = None) -> None:
        self.report = report
        lines = [d.format(root) for d in report.sorted() if d.severity is Severity.ERROR]
        super().__init__("\n".join(lines) + f"\n\nInnehållet har {report.summary()}.")

"""Formkontroller för datumstyrd lag som schemat inte fångar. De beror inte på vilken dag det är.

Lydelser i registret och versioner i guiderna: datum i fel ordning, beslut eller beskrivning som
saknas, en version som inte stämmer med registret, och versioner som överlappar.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

from ..base.diagnostics import Report
from ..domain.dated import DECISIONS, LawChange, NodeVersion, Wording


def check_wordings(entry_id: str, wordings: list[Wording], report: Report) -> None:
    """Formfel som schemat inte fångar: datum i fel ordning, beslut och text som saknas."""
    for index, wording in enumerate(wordings):
        window = wording.window
        what = f"Lagrummet \u201d{entry_id}\u201d" + (f" (lydelse {index})" if index else "")
        if window.start and window.end and window.end < window.start:
            report.error(
                wording.location,
                f"{what} slutar gälla före det börjar gälla.",
                "galler_till ska vara samma dag som eller senare än galler_fran.",
                code="datum-ordning",
            )
        if window.dated and window.decision not in DECISIONS:
            report.error(
                wording.location,
                f"{what} har ett datum men inget beslut.",
                "Fyll i beslut: beslutad, troligen-beslutad eller foreslagen.",
                code="datum-beslut",
            )
        if window.dated and not (wording.change_text or (index == 0 and wording.summary)):
            report.error(
                wording.location,
                f"{what} har ett datum men ingen beskrivning av ändringen.",
                "Fyll i andringen: vad som ändras, i en eller två meningar.",
                code="datum-andring",
            )
        if index and not window.start:
            report.error(
                wording.location,
                f"{what} saknar galler_fran.",
                "En senare lydelse måste ha ett datum då den börjar gälla.",
                code="datum-saknas",
            )


def check_node_versions(
    node_id: str,
    versions: list[NodeVersion],
    registry_changes: Mapping[str, list[LawChange]],
    lagrum_ids: Iterable[str],
    report: Report,
) -> None:
    known = set(lagrum_ids)
    for version in versions:
        where = f"Versionen av \u201d{node_id}\u201d"
        _check_version_form(where, version, report)
        if version.lagrum_id:
            _check_version_registry(where, version, registry_changes, known, report)
        for ref in version.overrides.get("lagrum", []):
            if ref not in known:
                report.error(
                    version.location,
                    f"{where} hänvisar till lagrummet \u201d{ref}\u201d, som inte finns i lagrumsregistret.",
                    "Använd ett id ur data/lagrum.yaml.",
                    code="okant-lagrum",
                )
    starts = sorted((v.window.start, v.window.end or dt.date.max) for v in versions if v.window.start)
    for (_, end), (next_start, _) in itertools.pairwise(starts):
        if next_start <= end:
            report.error(
                versions[0].location,
                f"Två versioner av \u201d{node_id}\u201d gäller samtidigt.",
                "Låt den första versionen sluta (galler_till) dagen innan nästa börjar.",
                code="datum-overlapp",
            )
            break


def _check_version_form(where: str, version: NodeVersion, report: Report) -> None:
    window = version.window
    if not window.start:
        report.error(
            version.location,
            f"{where} saknar galler_fran.",
            "Ange från vilket datum versionen gäller.",
            code="datum-saknas",
        )
    if window.start and window.end and window.end < window.start:
        report.error(
            version.location,
            f"{where} slutar gälla före det börjar gälla.",
            "galler_till ska vara samma dag som eller senare än galler_fran.",
            code="datum-ordning",
        )
    if window.decision not in DECISIONS:
        report.error(
            version.location,
            f"{where} saknar beslut.",
            "Fyll i beslut (beslutad, troligen-beslutad eller foreslagen), eller ange lagandring: med id för "
            "en ändring i data/lagrum.yaml som har samma datum.",
            code="datum-beslut",
        )
    if not version.change_text:
        report.error(
            version.location,
            f"{where} saknar andringen.",
            "Skriv vad som ändras, till exempel 'Från 1 januari 2027 gäller ... också i fristående skolor.'",
            code="datum-andring",
        )


def _check_version_registry(
    where: str, version: NodeVersion, registry_changes: Mapping[str, list[LawChange]], known: set[str], report: Report
) -> None:
    """En version med lagandring: ska ha samma datum och beslut som ändringen i registret."""
    window = version.window
    if version.lagrum_id not in known:
        report.error(
            version.location,
            f"{where} hänvisar till \u201d{version.lagrum_id}\u201d, som inte finns i lagrumsregistret.",
            "Ange id för en post i data/lagrum.yaml.",
            code="okant-lagrum",
        )
    else:
        matching = [c for c in registry_changes.get(version.lagrum_id, []) if c.date == window.start]
        if not matching:
            report.error(
                version.location,
                f"{where} har datumet {window.start}, men \u201d{version.lagrum_id}\u201d har ingen "
                "ändring det datumet.",
                "Använd samma datum som i data/lagrum.yaml, eller ta bort lagandring.",
                code="datum-matchar-inte",
            )
        elif matching[0].decision != window.decision:
            report.error(
                version.location,
                f"{where} har beslut {window.decision}, men registret säger {matching[0].decision}.",
                "Ta bort beslut här (då ärvs det från registret), eller ändra så att de stämmer.",
                code="datum-matchar-inte",
            )

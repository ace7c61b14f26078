"""Innehållskontroller som schemat inte klarar: grafen, hänvisningar och datum."""

from __future__ import annotations

import difflib

from ..base.diagnostics import Report
from ..domain.graph import find_cycle_edges, reachable
from ..domain.model import LagrumEntry, Question, Tree
from ..source.yaml_source import SourceDocument

# Nod-id:n som krockar med sajtens egna sidor för en guide (adressen /beslutsstod/<guide>/<id>/).
RESERVED_NODE_IDS = {"granskning": "granskningsvyn"}


def suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close and len(word) >= 4:
        # Ett kortat id, t.ex. "orosanmalan" för "ska-jag-gora-en-orosanmalan" (bara om det är entydigt).
        containing = [o for o in options if word in o]
        close = containing if len(containing) == 1 else []
    return f" Menade du \u201d{close[0]}\u201d?" if close else ""


def check_lagrum_refs(
    refs: tuple[str, ...] | list[str], lagrum: dict, doc: SourceDocument, at: tuple, report: Report
) -> None:
    """Varje hänvisning ska finnas i lagrumsregistret. ``at`` är vägen till listan i YAML-filen."""
    for i, ref in enumerate(refs):
        if ref not in lagrum:
            report.error(
                doc.at((*at, i)),
                f"Lagrummet \u201d{ref}\u201d finns inte i lagrumsregistret.{suggest(ref, sorted(lagrum))}",
                "Använd ett id ur data/lagrum.yaml, eller lägg till lagrummet där först.",
                code="okant-lagrum",
            )


def check_tree(tree: Tree, doc: SourceDocument, lagrum: dict[str, LagrumEntry], report: Report) -> None:
    """Guidens egna kontroller, på grundtexten. De som beror på dagen gör vyn (build_tools/load/dated_view.py)."""
    node_ids = sorted(tree.nodes)
    expected_name = f"{tree.id}.yaml"
    if tree.source.name != expected_name:
        report.error(
            tree.location,
            f"Guidens id är \u201d{tree.id}\u201d men filen heter \u201d{tree.source.name}\u201d.",
            f"Döp om filen till {expected_name}, eller ändra id så att det stämmer med filnamnet.",
            code="filnamn",
        )
    if tree.start not in tree.nodes:
        report.error(
            doc.at(("start",)),
            f"Startnoden \u201d{tree.start}\u201d finns inte bland noderna.{suggest(tree.start, node_ids)}",
            "Ange id för den fråga som guiden ska börja med.",
            code="okand-start",
        )
    elif not isinstance(tree.nodes[tree.start], Question):
        report.error(
            doc.at(("start",)),
            f"Guiden börjar med utfallet \u201d{tree.start}\u201d och ställer alltså ingen fråga.",
            "Låt start peka på en fråga.",
            code="start-utfall",
        )

    misspelled_targets = _check_answers(tree, node_ids, report)
    if isinstance(tree.nodes.get(tree.start), Question):
        # Med en felaktig start är allt "onåbart"; felet om start räcker då.
        _check_unreachable(tree, misspelled_targets, report)
    _check_cycles(tree, report)
    _check_outcomes(tree, lagrum, doc, report)
    _check_reserved_ids(tree, doc, report)

    if tree.next_review < tree.reviewed:
        report.error(
            doc.at(("granskas_senast",)),
            f"Nästa granskning ({tree.next_review.isoformat()}) ligger före senaste granskningen "
            f"({tree.reviewed.isoformat()}).",
            "granskas_senast ska vara ett datum efter granskad.",
            code="granskningsdatum",
        )
    for entry in tree.change_log:
        if not entry.approved_by:
            report.warning(
                entry.location,
                f"Ingen har godkänt ändringen \u201d{entry.what}\u201d ({entry.date.isoformat()}).",
                "Skriv godkand_av: med funktionen som har godkänt ändringen, när den är godkänd.",
                code="andringar-ej-godkand",
            )


def _check_unreachable(tree: Tree, misspelled_targets: set[str], report: Report) -> None:
    """Noder som inte går att nå. Bara den första noden i varje onåbar gren rapporteras: noderna
    under den är onåbara av samma orsak. En nod som liknar en felstavad nasta rapporteras inte alls,
    eftersom felstavningen redan är rapporterad och troligen är orsaken."""
    seen = reachable(tree)
    unreachable = [node_id for node_id in tree.nodes if node_id not in seen]
    if not unreachable:
        return
    targets_within = {
        answer.next_id
        for node_id in unreachable
        if isinstance(tree.nodes[node_id], Question)
        for answer in tree.nodes[node_id].answers
        if answer.next_id != node_id
    }
    roots = [n for n in unreachable if n not in targets_within]
    if not roots:  # bara en slinga av onåbara noder; slingan rapporteras för sig, men säg till om en
        roots = unreachable[:1]
    for node_id in roots:
        if node_id in misspelled_targets:
            continue
        below = sorted(_descendants(tree, node_id) - seen - {node_id})
        also = ""
        if below:
            shown = ", ".join(f"\u201d{n}\u201d" for n in below[:5]) + (" …" if len(below) > 5 else "")
            also = f" Därför går inte heller {len(below)} noder under den att nå: {shown}."
        report.error(
            tree.nodes[node_id].location,
            f"Noden \u201d{node_id}\u201d går inte att nå från början av guiden.{also}",
            "Låt något svar peka på noden (nasta), eller ta bort den.",
            code="onaebar",
        )


def _descendants(tree: Tree, start: str) -> set[str]:
    found: set[str] = set()
    stack = [start]
    while stack:
        node = tree.nodes.get(stack.pop())
        if isinstance(node, Question):
            for answer in node.answers:
                if answer.next_id in tree.nodes and answer.next_id not in found:
                    found.add(answer.next_id)
                    stack.append(answer.next_id)
    return found


def check_cross_links(trees: dict[str, Tree], report: Report, broken: set[str] = frozenset()) -> None:
    """Länkar mellan guider. Länkar till en guide som själv har fel rapporteras inte (dess fel räcker)."""
    for tree in trees.values():
        for outcome in tree.outcomes:
            for link in outcome.links:
                target = trees.get(link.guide_id)
                if target is None and link.guide_id in broken:
                    continue
                if target is None:
                    report.error(
                        link.location,
                        f"Utfallet \u201d{outcome.id}\u201d länkar till guiden \u201d{link.guide_id}\u201d, "
                        f"som inte finns.{suggest(link.guide_id, sorted(trees))}",
                        "Ange id för en guide i decision_trees/.",
                        code="okand-guide",
                    )
                elif link.node_id and link.node_id not in target.nodes:
                    report.error(
                        link.location,
                        f"Utfallet \u201d{outcome.id}\u201d länkar till \u201d{link.node_id}\u201d i guiden "
                        f"\u201d{link.guide_id}\u201d, men den noden finns inte där."
                        f"{suggest(link.node_id, sorted(target.nodes))}",
                        "Ändra nod till ett id i den andra guiden, eller ta bort nod för att länka till början.",
                        code="okand-guide-nod",
                    )


def _check_answers(tree: Tree, node_ids: list[str], report: Report) -> set[str]:
    """Svaren i varje fråga: dubbletter, samma text och nasta som inte finns. Returnerar de id:n
    som en felstavad nasta troligen menade (de räknas inte som onåbara)."""
    misspelled_targets: set[str] = set()
    for question in tree.questions:
        seen_ids: dict[str, int] = {}
        seen_labels: set[str] = set()
        for answer in question.answers:
            if answer.id in seen_ids:
                report.error(
                    answer.location,
                    f"Svaret \u201d{answer.id}\u201d finns två gånger i frågan \u201d{question.id}\u201d.",
                    "Varje svar i en fråga behöver ett eget id, t.ex. ja, nej, vet-inte.",
                    code="dubblett-svar",
                )
            seen_ids[answer.id] = 1
            if answer.label.casefold() in seen_labels:
                report.warning(
                    answer.location,
                    f"Två svar i frågan \u201d{question.id}\u201d har samma text: \u201d{answer.label}\u201d.",
                    "Användaren kan inte skilja dem åt. Skriv om det ena.",
                    code="samma-svarstext",
                )
            seen_labels.add(answer.label.casefold())
            if answer.next_id not in tree.nodes:
                misspelled_targets.update(difflib.get_close_matches(answer.next_id, node_ids, n=1, cutoff=0.6))
                report.error(
                    answer.next_location,
                    f"Svaret \u201d{answer.id}\u201d i frågan \u201d{question.id}\u201d pekar på "
                    f"\u201d{answer.next_id}\u201d, som inte finns.{suggest(answer.next_id, node_ids)}",
                    "Ändra nasta till id för en fråga eller ett utfall i samma fil.",
                    code="okand-nasta",
                )
    return misspelled_targets


def _check_cycles(tree: Tree, report: Report) -> None:
    for question_id, answer in find_cycle_edges(tree):
        report.error(
            answer.next_location,
            f"Svaret \u201d{answer.id}\u201d i frågan \u201d{question_id}\u201d leder tillbaka till "
            f"\u201d{answer.next_id}\u201d, så guiden kan gå runt i en slinga.",
            "En guide måste alltid leda framåt till ett utfall. Peka på en ny fråga eller ett utfall.",
            code="cykel",
        )


def _check_outcomes(tree: Tree, lagrum: dict[str, LagrumEntry], doc: SourceDocument, report: Report) -> None:
    for outcome in tree.outcomes:
        check_lagrum_refs(outcome.lagrum, lagrum, doc, ("noder", outcome.id, "lagrum"), report)
        if not outcome.steps:
            report.error(
                outcome.location,
                f"Utfallet \u201d{outcome.id}\u201d saknar steg, så sidan visar inte vad man ska göra.",
                "Lägg till steg: med det man gör nu, i ordning, en rad per steg som börjar med -. "
                "Till exempel: steg: [Ring socialtjänsten och berätta vad du har sett.]",
                code="utfall-utan-steg",
            )


def _check_reserved_ids(tree: Tree, doc: SourceDocument, report: Report) -> None:
    for node_id in tree.nodes:
        if node_id in RESERVED_NODE_IDS:
            report.error(
                doc.key_at(("noder", node_id)),
                f"Nod-id:t \u201d{node_id}\u201d kan inte användas: sajten använder adressen "
                f"/beslutsstod/{tree.id}/{node_id}/ till {RESERVED_NODE_IDS[node_id]}.",
                "Välj ett annat id för noden och ändra nasta i svaren som pekar hit.",
                code="reserverat-id",
            )

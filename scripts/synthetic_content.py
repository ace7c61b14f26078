"""Syntetiskt innehåll för att mäta byggverktyget med många guider. Inget här är ett test.

    .venv/bin/python scripts/synthetic_content.py 200 /tmp/synt-200
    .venv/bin/python -m build_tools check --rot /tmp/synt-200

Kopierar projektets riktiga innehåll (data/, docs/, guides/, schemas/, decision_trees/) till en
ny rotmapp och lägger till N genererade guider med ungefär 60 noder var. Guiderna är giltiga:
grafen saknar cykler, alla noder går att nå, utfallen hänvisar till riktiga lagrum ur
data/lagrum.yaml, frågorna har olika många svar (2–5) och en del noder nås från flera frågor.
Texterna är meningar ur de riktiga guiderna, så att Markdown och sökord får verklig text att arbeta
med. Samma N och frö ger alltid samma filer.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("data", "docs", "guides", "schemas", "decision_trees")
PREFIX = "syntetisk"
MARKER = ".syntetiskt-innehall"  # finns bara i rotmappar som generate() får skriva över
AUDIENCES = ["larare", "rektor", "elevhalsa", "forskola", "fritidshem", "fristaende-skola", "socialsekreterare", "sst"]
KINDS = ["akut", "anmal", "konsultera", "skolans-ansvar", "socialtjanstens-ansvar", "tillatet", "inte-tillatet"]
URGENCIES = ["omedelbart", "idag", "snart", "planerat"]
ANSWER_IDS = ["ja", "nej", "vet-inte", "delvis", "annat"]
# Antal svar per fråga och hur ofta de förekommer.
ANSWER_COUNTS = [2, 2, 2, 2, 3, 3, 3, 4, 4, 5]


@dataclass
class TextPool:
    """Texter ur de riktiga guiderna att bygga syntetiska guider av."""

    questions: list[str]
    helps: list[str]
    labels: list[str]
    explanations: list[str]
    titles: list[str]
    bodies: list[str]
    steps: list[str]
    lagrum: list[str]


def read_pool(root: Path) -> TextPool:
    pool = TextPool([], [], [], [], [], [], [], [])
    for path in sorted((root / "decision_trees").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for node in data["noder"].values():
            if node["typ"] == "fraga":
                pool.questions.append(node["fraga"].strip())
                if node.get("hjalp"):
                    pool.helps.append(node["hjalp"].strip())
                for answer in node["svar"]:
                    pool.labels.append(answer["text"].strip())
                    if answer.get("forklaring"):
                        pool.explanations.append(answer["forklaring"].strip())
            else:
                pool.titles.append(node["titel"].strip())
                pool.bodies.append(node["text"].strip())
                pool.steps.extend(s.strip() for s in node.get("steg", []))
    lagrum = yaml.safe_load((root / "data" / "lagrum.yaml").read_text(encoding="utf-8"))["lagrum"]
    pool.lagrum = sorted(lagrum)
    return pool


def guide_id(index: int) -> str:
    return f"{PREFIX}-{index:04d}"


def _edges(rng: random.Random, n_questions: int, n_nodes: int) -> list[list[int]]:
    """Mål (nodindex) för varje frågas svar. Frågorna har index 0..n_questions-1, utfallen resten.

    Varje svar pekar framåt (ingen cykel); varje nod utom start får minst ett inkommande svar
    (allt nås), och lediga svar pekar på en redan använd nod längre fram (delade efterföljare)."""
    counts = [rng.choice(ANSWER_COUNTS) for _ in range(n_questions)]
    while sum(counts) < n_nodes - 1:
        counts[rng.randrange(n_questions)] += 1
    targets: list[list[int]] = [[] for _ in range(n_questions)]
    for node in range(1, n_nodes):
        free = [q for q in range(min(node, n_questions)) if len(targets[q]) < counts[q]]
        # Välj bland de tidigaste frågorna med lediga svar, så att grafen blir bred och inte en lång kedja.
        parent = rng.choice(free[:3])
        targets[parent].append(node)
    for question in range(n_questions):
        while len(targets[question]) < counts[question]:
            choices = [t for t in range(question + 1, n_nodes) if t not in targets[question]]
            targets[question].append(rng.choice(choices))
        rng.shuffle(targets[question])
    return targets


def make_guide(index: int, n_guides: int, pool: TextPool, rng: random.Random, size: int = 60) -> dict:
    n_nodes = rng.randint(size - 5, size + 5)
    n_questions = n_nodes * 2 // 5
    ids = [f"fraga-{i + 1}" for i in range(n_questions)] + [f"utfall-{i + 1}" for i in range(n_nodes - n_questions)]
    targets = _edges(rng, n_questions, n_nodes)
    # Texterna tas ur de riktiga guiderna men görs unika, så att en cache för Markdown inte får fler
    # träffar här än på riktigt innehåll.
    tag = f"s{index + 1}n"
    unique = f"Syntetisk text {index + 1}"
    nodes: dict[str, dict] = {}
    for q in range(n_questions):
        answers = []
        for k, target in enumerate(targets[q]):
            answer = {
                "id": ANSWER_IDS[k] if k < len(ANSWER_IDS) else f"svar-{k + 1}",
                "text": f"{rng.choice(pool.labels)} ({tag}{q}.{k})",
                "nasta": ids[target],
            }
            if rng.random() < 0.3:
                answer["forklaring"] = f"{rng.choice(pool.explanations)} ({tag}{q}.{k})"
            answers.append(answer)
        node: dict = {"typ": "fraga", "fraga": f"{rng.choice(pool.questions)} ({tag}{q})"}
        if rng.random() < 0.7:
            node["hjalp"] = f"{rng.choice(pool.helps)}\n\n{unique}, fråga {q}."
        node["svar"] = answers
        nodes[ids[q]] = node
    for o in range(n_questions, n_nodes):
        node = {
            "typ": "utfall",
            "slag": rng.choice(KINDS),
            "bradska": rng.choice(URGENCIES),
            "titel": f"{rng.choice(pool.titles)} ({tag}{o})",
            "text": f"{rng.choice(pool.bodies)}\n\n{unique}, utfall {o}.",
            "steg": [f"{step} ({tag}{o}.{k})" for k, step in enumerate(rng.sample(pool.steps, rng.randint(2, 5)))],
            "lagrum": rng.sample(pool.lagrum, rng.randint(1, 3)),
        }
        if rng.random() < 0.3:
            node["visa_kontakt"] = True
        if rng.random() < 0.1 and n_guides > 1:
            other = rng.choice([i for i in range(n_guides) if i != index])
            node["vidare"] = [{"guide": guide_id(other), "text": "Gå vidare till nästa guide"}]
        if rng.random() < 0.05:
            node["obekraftat"] = ["Syntetisk uppgift som inte är kontrollerad."]
        nodes[ids[o]] = node
    return {
        "id": guide_id(index),
        "titel": f"Syntetisk guide {index + 1}: {rng.choice(pool.questions)}",
        "beskrivning": "En genererad guide för att mäta hur byggverktyget klarar många guider.",
        "inledning": f"{rng.choice(pool.helps)}\n\n{unique}.",
        "malgrupp": rng.sample(AUDIENCES, rng.randint(1, 4)),
        "agare": "Redaktionen för Samverkansguiden",
        "granskad": "2026-11-01",
        "granskas_senast": "2027-10-31",
        "start": ids[0],
        "noder": nodes,
    }


def generate(target: Path, n_guides: int, size: int = 60, seed: int = 1, source: Path = ROOT) -> Path:
    """Skapa en rotmapp med det riktiga innehållet plus ``n_guides`` genererade guider."""
    if target.exists() and any(target.iterdir()):
        if not (target / MARKER).exists():
            raise SystemExit(f"{target} finns redan och är inte en syntetisk rotmapp; välj en ny mapp.")
        shutil.rmtree(target)
    target.mkdir(parents=True, exist_ok=True)
    (target / MARKER).write_text("Skapad av scripts/synthetic_content.py. Får skrivas över.\n", encoding="utf-8")
    for name in COPIED:
        if (source / name).exists():
            shutil.copytree(source / name, target / name)
    pool = read_pool(source)
    rng = random.Random(seed)
    for index in range(n_guides):
        data = make_guide(index, n_guides, pool, rng, size)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        (target / "decision_trees" / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("antal", type=int, help="antal genererade guider")
    parser.add_argument("rot", type=Path, help="ny rotmapp (skrivs över)")
    parser.add_argument("--noder", type=int, default=60, help="ungefär antal noder per guide")
    parser.add_argument("--fro", type=int, default=1, help="slumpfrö")
    args = parser.parse_args(argv)
    root = generate(args.rot, args.antal, args.noder, args.fro)
    print(f"{args.antal} guider skrevs till {root}/decision_trees/. Kör: python -m build_tools check --rot {root}")


if __name__ == "__main__":
    sys.exit(main())

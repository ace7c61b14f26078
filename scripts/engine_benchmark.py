"""Hur byggverktyget skalar med antalet guider, och bygget bredvid Material standard. Skriver ut siffror;
inget här är ett test.

    .venv/bin/python scripts/engine_benchmark.py            # N = 100 och 2N = 200
    .venv/bin/python scripts/engine_benchmark.py --n 25     # snabbare: 25 och 50
    .venv/bin/python scripts/engine_benchmark.py --bara-check --n 200   # check vid 200 guider, kall och varm
    .venv/bin/python scripts/engine_benchmark.py --mot-standard         # mkdocs build: vårt kallt/varmt mot Material

--mot-standard bygger det riktiga innehållet med ``mkdocs build`` omväxlande: vårt kalla bygge (ingen
build/cache, tom build/docs), vårt varma (cachen kvar, inget ändrat) och Material standard på samma
genererade sidor (samma konfiguration utan krok, tematillägg, egna skript och CSS; samma sätt som
scripts/site_benchmark.py gör sin jämförelse). Ordningen vänds varje varv. Tiden är CPU-tid (användare +
system för barnprocessen, getrusage), inte väggklocka, och varje siffra skrivs ut med datorns
belastning (load average, 1 minut) när den mättes: maskinen delas med andra.

För N och 2N genererade guider (scripts/synthetic_content.py, ungefär 60 noder var, plus det riktiga
innehållet) mäts i en egen process, i en tillfällig rotmapp:

- check, första gången (utan cache),
- build, första gången (tom build/),
- build igen utan ändringar,
- build efter att en guide ändrats,
- check igen (med cachen som bygget lämnat).

Målen (issue #11): check under 2 s och build under 5 s med 200 guider, och linjärt:
t(2N)/t(N) högst 2,2. Tiden är väggklocka; CPU-tiden står inom parentes. Målen bedöms på
väggklockan, linjäriteten på CPU-tiden (som inte beror på vad maskinen har för sig i övrigt).
Med --ganger K körs varje steg K gånger (från tom build/ varje gång) och den snabbaste räknas.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.synthetic_content import generate, guide_id  # noqa: E402

CHECK_TARGET = 2.0
BUILD_TARGET = 5.0
RATIO_TARGET = 2.2
TARGET_GUIDES = 200


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass(frozen=True)
class Step:
    """Ett mätt steg: namnet i tabellen, kommandot och målet (sekunder) om det finns ett."""

    label: str
    command: str
    target: float | None


STEPS = (
    Step("check, första gången", "check", CHECK_TARGET),
    Step("build, första gången", "build", BUILD_TARGET),
    Step("build igen, inget ändrat", "build", BUILD_TARGET),
    Step("build, en guide ändrad", "build", BUILD_TARGET),
    Step("check igen", "check", CHECK_TARGET),
)


def run(command: str, root: Path, code: Path) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", command, "--tyst", "--rot", str(root)],
        cwd=code,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{command} misslyckades i {root}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def change_one_guide(root: Path) -> None:
    """Ändra en text i en genererad guide, som en redaktör gör."""
    path = root / "decision_trees" / f"{guide_id(0)}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Syntetisk text 1", "Syntetisk text 1, ändrad", 1), encoding="utf-8")


def measure(n: int, workdir: Path, code: Path, repeat: int = 1) -> list[Timing]:
    """Varje steg ``repeat`` gånger; den snabbaste gången räknas (maskinen kan ha annat för sig)."""
    # Innehållet kopieras från samma mapp som koden när den har innehåll (en äldre version), annars härifrån.
    source = code if (code / "decision_trees").is_dir() else ROOT
    root = generate(workdir / f"synt-{n}", n, source=source)
    best: list[Timing | None] = [None] * len(STEPS)
    for _ in range(repeat):
        shutil.rmtree(root / "build", ignore_errors=True)  # första gången: ingen cache, inga byggda filer
        for index, step in enumerate(STEPS):
            if index == 3:
                change_one_guide(root)
            timing = run(step.command, root, code)
            if best[index] is None or timing.wall < best[index].wall:
                best[index] = timing
    return [t for t in best if t is not None]


def verdict(value: float, target: float | None, n: int) -> str:
    if target is None or n != TARGET_GUIDES:
        return ""
    return "ja" if value < target else f"nej ({value - target:+.1f} s)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mot-standard", action="store_true", help="mkdocs build: vårt kallt och varmt mot Material")
    parser.add_argument("--bara-check", action="store_true", help="bara check (kall och varm) vid --n guider")
    parser.add_argument("--varv", type=int, default=3, help="varv för --mot-standard och --bara-check (standard 3)")
    parser.add_argument("--n", type=int, default=100, help="N; mäter N och 2N guider (standard 100)")
    parser.add_argument(
        "--kod",
        type=Path,
        default=ROOT,
        help="mapp med build_tools att mäta, t.ex. en äldre version; har den innehåll används det (standard: den här)",
    )
    parser.add_argument("--ganger", type=int, default=1, help="kör varje steg så många gånger; den snabbaste räknas")
    parser.add_argument("--behall", action="store_true", help="behåll de genererade rotmapparna")
    args = parser.parse_args(argv)
    if args.mot_standard:
        from scripts.build_comparison import compare_with_stock

        compare_with_stock(ROOT, args.varv)
        return
    if args.bara_check:
        from scripts.build_comparison import check_at

        check_at(args.n, args.varv, ROOT)
        return
    sizes = (args.n, 2 * args.n)
    workdir = Path(tempfile.mkdtemp(prefix="engine-benchmark-"))
    results = {n: measure(n, workdir, args.kod.resolve(), args.ganger) for n in sizes}

    n1, n2 = sizes
    print(f"Byggverktyget med {n1} och {n2} genererade guider (cirka 60 noder var), {os.cpu_count()} kärnor")
    print(
        f"Mål: check < {CHECK_TARGET:g} s, build < {BUILD_TARGET:g} s vid {TARGET_GUIDES} guider; "
        f"t(2N)/t(N) ≤ {RATIO_TARGET:g}\n"
    )
    columns = ["steg", f"N={n1}", f"2N={n2}", "2N/N", "2N/N CPU", "linjärt", f"mål vid {TARGET_GUIDES}"]
    widths = [26, 16, 16, 5, 8, 7, 14]
    print("| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for index, step in enumerate(STEPS):
        small, large = results[n1][index], results[n2][index]
        ratio = large.wall / small.wall if small.wall else float("inf")
        cpu_ratio = large.cpu / small.cpu if small.cpu else float("inf")
        # Linjäriteten bedöms på CPU-tiden: väggklockan beror på vad maskinen har för sig i övrigt.
        linear = "ja" if cpu_ratio <= RATIO_TARGET else "nej"
        cells = [f"{t.wall:6.2f} s ({t.cpu:5.1f})" for t in (small, large)]
        met = verdict(large.wall, step.target, n2) or verdict(small.wall, step.target, n1)
        print(
            f"| {step.label:26} | {cells[0]:>16} | {cells[1]:>16} | {ratio:5.2f} | {cpu_ratio:8.2f} "
            f"| {linear:7} | {met:14} |"
        )
    if args.behall:
        print(f"\nRotmapparna finns kvar i {workdir}")
    else:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()

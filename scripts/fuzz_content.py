"""Slumpa fel i innehållet och visa att kontrollen alltid svarar med ett svenskt fel, snabbt.

Varje fall kopierar det riktiga innehållet, ändrar en fil (eller flera) på ett slumpat sätt och
läser in alltihop med ``load_project``, i en egen process med tidsgräns. Klarar innehållet
kontrollen byggs sidorna också, för inget som går igenom ``check`` får krascha bygget.

    .venv/bin/python scripts/fuzz_content.py --fall 10000      # skriver antal krascher och häng

Testsviten (tests/test_fuzz_content.py) kör samma ändringar med hypothesis, med färre fall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.project import Layout, load_project  # noqa: E402

CONTENT_FOLDERS = ("decision_trees", "data", "guides", "docs")
TIME_LIMIT = 10.0  # sekunder innan ett fall räknas som häng
SLOW = 1.0  # kravet: ett svenskt fel inom en sekund

# Bitar som redaktörer (och olyckor) kan föra in: YAML-konstruktioner, tecken och värden.
TOKENS = [
    "&a ",
    "*a",
    "&a [*a]",
    "!!binary aGVq",
    "!!python/object:os.system",
    "!!bool hej",
    "!!timestamp x",
    "? ",
    "- ",
    ": ",
    ":",
    "\t",
    "#",
    "'",
    '"',
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    "---\n",
    "...\n",
    "\x00",
    "\x01",
    "\\0",
    "\\v",
    "\u202e",
    "\ufeff",
    "\u200b",
    "e\u0301",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "javascript:alert(1)",
    "index",
    "assets",
    "2026-13-45",
    "123",
    "-1",
    "null",
    "~",
    "yes",
    "   ",
    "\n",
    "\r\n",
    "{{ x }}",
    "{% x %}",
    "§ 5",
    "x" * 5000,
]


def alias_bomb(levels: int) -> str:
    lines = ["b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n" + "\n".join(lines) + "\n"


def deep_nesting(depth: int, flow: bool) -> str:
    if flow:
        return "\ndjup: " + "[" * depth + "]" * depth + "\n"
    return "\n" + "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"


def _mutate_text(text: str, rng: random.Random) -> str:
    operator = rng.randrange(12)
    position = rng.randrange(len(text) + 1)
    token = rng.choice(TOKENS)
    if operator == 0:
        return text[:position] + token + text[position:]
    if operator == 1:
        end = min(len(text), position + rng.randrange(1, 200))
        return text[:position] + text[end:]
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    if operator == 2:
        lines.insert(index, lines[rng.randrange(len(lines))])
    elif operator == 3:
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    elif operator == 4 and ": " in lines[index]:
        key = lines[index].split(": ", 1)[0]
        lines[index] = f"{key}: {token}"
    elif operator == 5:
        lines[index] = " " * rng.choice([1, 2, 3, 4, 8]) + lines[index]
    elif operator == 6:
        lines[index] = lines[index].lstrip()
    elif operator == 7:
        return text[:position]
    elif operator == 8:
        return text + alias_bomb(rng.choice([3, 6, 9]))
    elif operator == 9:
        return text + deep_nesting(rng.choice([60, 500, 5000]), rng.random() < 0.5)
    elif operator == 10 and "id: " in text:
        return text.replace("id: ", f"id: {rng.choice(['index', 'assets', 'Fel Id', ''])}", 1)
    else:
        lines[index] = lines[index] + token
    return "\n".join(lines)


def content_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in CONTENT_FOLDERS:
        files += sorted(p for p in (root / folder).rglob("*") if p.suffix in (".yaml", ".yml", ".md"))
    return files


def mutate(root: Path, rng: random.Random) -> list[str]:
    """Ändra en till tre filer i kopian ``root``. Returnerar vad som ändrades (för rapporten)."""
    changed = []
    files = content_files(root)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        path = rng.choice(files)
        kind = rng.randrange(20)
        if kind == 0:  # filen blir en symbolisk länk till sig själv
            path.unlink()
            path.symlink_to(path.name)
        elif kind == 1:  # binärt skräp eller fel teckenkodning
            path.write_bytes(rng.choice([bytes(rng.randrange(256) for _ in range(200)), "å".encode("utf-16")]))
        elif kind == 2:
            path.write_text("", encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            for _ in range(rng.choice([1, 1, 2, 4])):
                text = _mutate_text(text, rng)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        changed.append(f"{path.relative_to(root)}#{kind}")
    return changed


def copy_content(target: Path) -> Path:
    root = target / "innehall"
    for folder in CONTENT_FOLDERS:
        shutil.copytree(ROOT / folder, root / folder, symlinks=True)
    return root


@dataclass
class Outcome:
    verdict: str  # fel | ok | krasch | hang | bygget-kraschar | utan-plats
    seconds: float
    detail: str = ""


def run_case(seed: int, today: dt.date) -> Outcome:
    """Ett fall, i den här processen: kopiera, ändra, läs in (och bygg om det går igenom)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="fuzz-") as temp:
        root = copy_content(Path(temp))
        changed = mutate(root, rng)
        start = time.perf_counter()
        try:
            project, report = load_project(Layout(root), today)
        except BaseException:
            return Outcome("krasch", time.perf_counter() - start, f"{changed}\n{traceback.format_exc()}")
        seconds = time.perf_counter() - start
        for diagnostic in report.errors:
            if not diagnostic.message or not diagnostic.location.path:
                return Outcome("utan-plats", seconds, f"{changed}: {diagnostic}")
        if not report.ok:
            return Outcome("fel", seconds)
        try:
            from build_tools.render.site import write_site

            write_site(project, Layout(root))
        except BaseException:
            return Outcome("bygget-kraschar", seconds, f"{changed}\n{traceback.format_exc()}")
        return Outcome("ok", seconds)


def _child(seed: int, today: dt.date, connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
    try:
        connection.send(run_case(seed, today))
    except BaseException:
        connection.send(Outcome("krasch", 0.0, traceback.format_exc()))


def run_isolated(seed: int, today: dt.date) -> Outcome:
    """Kör ett fall i en egen process med tidsgräns och minnesgräns (för häng och minnesbomber)."""
    parent, child = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_child, args=(seed, today, child))
    start = time.perf_counter()
    process.start()
    child.close()
    if parent.poll(TIME_LIMIT):
        try:
            outcome = parent.recv()
        except EOFError:
            outcome = Outcome("krasch", time.perf_counter() - start, "processen dog")
        process.join(5)
    else:
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        outcome = Outcome("hang", TIME_LIMIT, f"frö {seed}")
    return outcome


def _worker(args: tuple[int, str]) -> tuple[int, Outcome]:
    seed, today = args
    return seed, run_isolated(seed, dt.date.fromisoformat(today))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fall", type=int, default=1000, help="antal fall (standard 1000)")
    parser.add_argument("--frö", dest="seed", type=int, default=1, help="första fröet (fallen blir reproducerbara)")
    parser.add_argument("--processer", type=int, default=2)
    args = parser.parse_args(argv)
    today = dt.date.today().isoformat()
    counts: Counter[str] = Counter()
    slow = 0
    problems: list[str] = []
    started = time.perf_counter()
    seeds = [(args.seed + i, today) for i in range(args.fall)]
    # Trådar som var och en startar ett fall i taget i en egen process (med tidsgräns).
    with ThreadPoolExecutor(args.processer) as pool:
        for done, (seed, outcome) in enumerate(pool.map(_worker, seeds), start=1):
            counts[outcome.verdict] += 1
            slow += outcome.verdict in ("fel", "ok") and outcome.seconds > SLOW
            if outcome.verdict not in ("fel", "ok"):
                problems.append(f"--- frö {seed}: {outcome.verdict}\n{outcome.detail[-2000:]}")
            if done % 500 == 0:
                print(f"  {done} fall, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    for problem in problems[:20]:
        print(problem)
    tracebacks = counts["krasch"] + counts["bygget-kraschar"]
    print(f"\nFall: {args.fall} (frön {args.seed}–{args.seed + args.fall - 1}), tid {elapsed:.0f} s")
    print(f"  svenskt fel: {counts['fel']}, godkänt och byggt: {counts['ok']}")
    print(f"  tracebacks: {tracebacks} (varav i bygget efter godkänd kontroll: {counts['bygget-kraschar']})")
    print(f"  häng (> {TIME_LIMIT:.0f} s): {counts['hang']}")
    print(f"  fel utan fil: {counts['utan-plats']}")
    print(f"  långsammare än {SLOW:.0f} s: {slow}")
    return 0 if tracebacks == 0 and counts["hang"] == 0 and counts["utan-plats"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

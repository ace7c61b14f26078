"""Slumpa fel i innehållet och visa att kontrollen alltid svarar med ett svenskt fel, snabbt.

Varje fall kopierar det riktiga innehållet, ändrar en fil (eller flera) på ett slumpat sätt och
läser in alltihop med ``load_project``, i en egen process med tidsgräns. Klarar innehållet
kontrollen byggs sidorna också, för inget som går igenom ``check`` får krascha bygget.

    .venv/bin/python -m build_tools.devtools.fuzz_content --fall 10000      # skriver antal krascher och häng

Testsviten (tests/test_fuzz_content.py) kör samma ändringar med hypothesis, med färre fall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import queue
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

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.base.build_day import build_day  # noqa: E402
from build_tools.load.project import Layout, load_project  # noqa: E402

CONTENT_FOLDERS = ("decision_trees", "data", "guides", "docs")
TIME_LIMIT = 10.0  # sekunder innan kontrollen av ett fall räknas som häng
BUILD_LIMIT = 120.0  # sekunder för att bygga sidorna av innehåll som kontrollen godkände
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
        if path.is_symlink() or any(c.startswith(f"{path.relative_to(root)}#") for c in changed):
            continue  # en fil ändras bara en gång per fall (den kan redan vara binär eller en länk)
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


def restore(root: Path, changed: list[Path]) -> None:
    """Lägg tillbaka originalen för filerna som ändrades (snabbare än en ny kopia för varje fall)."""
    for path in changed:
        if path.is_symlink() or path.exists():
            path.unlink()
        shutil.copy2(ROOT / path.relative_to(root), path)


def check_case(root: Path, today: dt.date):
    """Läs in den (redan ändrade) kopian. Returnerar (utfall, projekt om kontrollen godkände det)."""
    start = time.perf_counter()
    try:
        project, report = load_project(Layout(root), today)
    except BaseException:
        return Outcome("krasch", time.perf_counter() - start, traceback.format_exc()), None
    seconds = time.perf_counter() - start
    for diagnostic in report.errors:
        if not diagnostic.message or not diagnostic.location.path:
            return Outcome("utan-plats", seconds, str(diagnostic)), None
    if not report.ok:
        return Outcome("fel", seconds), None
    return Outcome("ok", seconds), project


def build_case(root: Path, project, checked: Outcome) -> Outcome:
    """Innehåll som kontrollen godkände ska gå att bygga."""
    from build_tools.render.site import write_site

    try:
        write_site(project, Layout(root))
    except BaseException:
        return Outcome("bygget-kraschar", checked.seconds, traceback.format_exc())
    return checked


def _child(root: Path, today: dt.date, connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
    try:
        checked, project = check_case(root, today)
        connection.send(checked)
        if project is not None:
            connection.send(build_case(root, project, checked))
    except BaseException:
        connection.send(Outcome("krasch", 0.0, traceback.format_exc()))


def run_isolated(root: Path, today: dt.date) -> Outcome:
    """Kör ett fall i en egen process med tidsgräns och minnesgräns (för häng och minnesbomber).

    Kontrollen har TIME_LIMIT på sig; bygget av godkänt innehåll (med Word-filer) får BUILD_LIMIT."""
    parent, child = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_child, args=(root, today, child))
    process.start()
    child.close()
    outcome = Outcome("hang", TIME_LIMIT)
    try:
        if parent.poll(TIME_LIMIT):
            outcome = parent.recv()
            if outcome.verdict == "ok":
                outcome = parent.recv() if parent.poll(BUILD_LIMIT) else Outcome("bygget-hanger", BUILD_LIMIT)
    except EOFError:
        outcome = Outcome("krasch", 0.0, "processen dog (minnet tog slut?)")
    if process.is_alive():
        os.kill(process.pid, signal.SIGKILL)
    process.join()
    return outcome


class Worker:
    """En kopia av innehållet per tråd; varje fall ändrar några filer och lägger sedan tillbaka dem."""

    def __init__(self, today: dt.date) -> None:
        self.temp = tempfile.TemporaryDirectory(prefix="fuzz-")
        self.root = copy_content(Path(self.temp.name))
        self.today = today
        # Ett bygge av det orörda innehållet först: fallen (egna processer som startas härifrån) ärver
        # då renderingens minne och byggets cache, och bara det ändrade byggs om på riktigt.
        from build_tools.render.site import write_site

        project, report = load_project(Layout(self.root), today)
        if report.ok:
            write_site(project, Layout(self.root))

    def run(self, seed: int) -> tuple[Outcome, list[str]]:
        rng = random.Random(seed)
        changed = mutate(self.root, rng)
        try:
            return run_isolated(self.root, self.today), changed
        finally:
            restore(self.root, [self.root / c.split("#")[0] for c in changed])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fall", type=int, default=1000, help="antal fall (standard 1000)")
    parser.add_argument("--frö", dest="seed", type=int, default=1, help="första fröet (fallen blir reproducerbara)")
    parser.add_argument("--processer", type=int, default=2)
    args = parser.parse_args(argv)
    today = build_day()  # --idag finns inte här: SAMVERKAN_IDAG, annars dagens datum
    counts: Counter[str] = Counter()
    slow = 0
    problems: list[str] = []
    started = time.perf_counter()
    workers = queue.Queue()
    for _ in range(args.processer):
        workers.put(Worker(today))

    def one(seed: int) -> tuple[int, Outcome, list[str]]:
        worker = workers.get()
        try:
            return (seed, *worker.run(seed))
        finally:
            workers.put(worker)

    # Trådar som var och en kör ett fall i taget i en egen process (med tidsgräns).
    with ThreadPoolExecutor(args.processer) as pool:
        seeds = range(args.seed, args.seed + args.fall)
        for done, (seed, outcome, changed) in enumerate(pool.map(one, seeds), start=1):
            counts[outcome.verdict] += 1
            slow += outcome.verdict in ("fel", "ok") and outcome.seconds > SLOW
            if outcome.verdict not in ("fel", "ok"):
                problems.append(f"--- frö {seed}: {outcome.verdict} {changed}\n{outcome.detail[-2000:]}")
                print(problems[-1], file=sys.stderr, flush=True)
            if done % 500 == 0:
                crashes = counts["krasch"] + counts["bygget-kraschar"]
                hangs = counts["hang"] + counts["bygget-hanger"]
                print(
                    f"  {done} fall, {time.perf_counter() - started:.0f} s: {crashes} tracebacks, {hangs} häng, "
                    f"{counts['utan-plats']} utan fil, {counts['ok']} godkända och byggda",
                    file=sys.stderr,
                    flush=True,
                )
    elapsed = time.perf_counter() - started
    for problem in problems[:20]:
        print(problem)
    tracebacks = counts["krasch"] + counts["bygget-kraschar"]
    print(f"\nFall: {args.fall} (frön {args.seed}–{args.seed + args.fall - 1}), tid {elapsed:.0f} s")
    print(f"  svenskt fel: {counts['fel']}, godkänt och byggt: {counts['ok']}")
    print(f"  tracebacks: {tracebacks} (varav i bygget efter godkänd kontroll: {counts['bygget-kraschar']})")
    print(
        f"  häng (kontrollen > {TIME_LIMIT:.0f} s): {counts['hang']},"
        f" bygget > {BUILD_LIMIT:.0f} s: {counts['bygget-hanger']}"
    )
    print(f"  fel utan fil: {counts['utan-plats']}")
    print(f"  långsammare än {SLOW:.0f} s: {slow}")
    failures = tracebacks + counts["hang"] + counts["bygget-hanger"] + counts["utan-plats"]
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

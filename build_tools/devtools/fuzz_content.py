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
import json
import multiprocessing
import os
import queue
import random
import re
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
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.base.build_day import build_day  # noqa: E402
from build_tools.base.url_rule import safe_url  # noqa: E402
from build_tools.devtools.fuzz_pieces import REPRODUCERS, SECRET, TOKENS, alias_bomb, deep_nesting  # noqa: E402
from build_tools.load.project import Layout, load_project  # noqa: E402

CONTENT_FOLDERS = ("decision_trees", "data", "guides", "docs")
TIME_LIMIT = 10.0  # sekunder innan kontrollen av ett fall räknas som häng
BUILD_LIMIT = 120.0  # sekunder för att bygga sidorna av innehåll som kontrollen godkände
SLOW = 1.0  # kravet: ett svenskt fel inom en sekund


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
        elif kind == 3:  # en symbolisk länk till en fil utanför projektet (den får aldrig läsas eller visas)
            path.unlink()
            path.symlink_to(root.parent / "hemlig.txt")
        elif kind == 4:  # ett av granskningens exempel, i en sida eller ett textfält
            _add_reproducer(path, rng)
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


def _add_reproducer(path: Path, rng: random.Random) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == "overenskommelse_mall.yaml" and rng.random() < 0.5:  # två avsnitt eller fält med samma id
        ids = [line for line in text.split("\n") if line.lstrip().startswith("- id: ")]
        first, other = rng.sample(ids, 2)
        text = text.replace(other, other[: len(other) - len(other.lstrip())] + first.lstrip(), 1)
    elif path.suffix == ".md":
        text += rng.choice(REPRODUCERS)
    else:  # i ett textvärde: ersätt ett värde med ett exempel (som YAML-text inom dubbla citattecken)
        lines = text.split("\n")
        candidates = [
            i for i, line in enumerate(lines) if ": " in line and not line.rstrip().endswith(("|", ">", ">-"))
        ]
        if candidates:
            index = rng.choice(candidates)
            key = lines[index].split(": ", 1)[0]
            value = rng.choice([*REPRODUCERS, "java\nscript:alert(1)"]).strip("\n")[:200]
            lines[index] = f"{key}: {json.dumps(value, ensure_ascii=False)}"
        text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")


def copy_content(target: Path) -> Path:
    root = target / "innehall"
    for folder in CONTENT_FOLDERS:
        shutil.copytree(ROOT / folder, root / folder, symlinks=True)
    (target / "hemlig.txt").write_text(f"hemlig: {SECRET}\n" * 40, encoding="utf-8")
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
    for diagnostic in report.items:
        if SECRET in diagnostic.message + diagnostic.hint:
            return Outcome("lacker", seconds, diagnostic.format(root)), None
    for diagnostic in report.errors:
        if not diagnostic.message or not diagnostic.location.path:
            return Outcome("utan-plats", seconds, str(diagnostic)), None
    if not report.ok:
        without_line = sorted({d.code for d in report.errors if not d.location.line})
        return Outcome("fel", seconds, " ".join(without_line)), None
    return Outcome("ok", seconds), project


def build_case(root: Path, project, checked: Outcome, changed: list[str] | None = None) -> Outcome:
    """Innehåll som kontrollen godkände ska gå att bygga."""
    from build_tools.render.site import write_site

    try:
        write_site(project, Layout(root))
        unsafe = unsafe_output(root, changed)
    except BaseException:
        return Outcome("bygget-kraschar", checked.seconds, traceback.format_exc())
    if unsafe:
        return Outcome("osakert", checked.seconds, unsafe)
    return checked


_ACTIVE_TAGS = frozenset({"script", "meta", "iframe", "form", "object", "embed", "base", "style", "link"})


class _Active(HTMLParser):
    """Taggar och attribut i tvättad HTML som kan köra något, skicka något eller byta sidans adress."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag in _ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        self.found += [f"<{tag} {name}>" for name in values if name.startswith("on")]
        self.found += [
            f"<{tag} {n}={values[n][:40]!r}>" for n in ("href", "src") if n in values and not safe_url(values[n])
        ]


def active_html(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


_ID = re.compile(r'\sid="([^"]*)"')


def unsafe_output(root: Path, changed: list[str] | None = None) -> str:
    """Det som MkDocs skulle göra av sidorna i build/docs/: renderat med sajtens Markdown-tillägg och tvättat
    som i kroken. Tom text om allt är ofarligt, annars vad som hittades. Också: dubbla id:n i en
    genererad sida, NUL och riktningstecken i det som skrivits. Med ``changed`` (källfilerna som fallet
    ändrade) renderas bara sidorna som byggs av dem."""
    import markdown

    from build_tools.addresses.site_map import source_file
    from build_tools.base.characters import BIDI
    from build_tools.render.html_guard import mark_content, sanitise_marked
    from build_tools.source.markdown_check import PAGE_EXTENSIONS

    converter = markdown.Markdown(extensions=list(PAGE_EXTENSIONS))
    for page in sorted((root / "build" / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(root).as_posix()
        if "\x00" in text or BIDI.search(text):
            return f"{where}: NUL eller riktningstecken"
        ids = _ID.findall(text)
        if len(ids) != len(set(ids)):
            return f"{where}: dubbla id " + ", ".join(sorted({i for i in ids if ids.count(i) > 1}))[:200]
        handwritten = (root / "docs" / page.relative_to(root / "build" / "docs")).is_file()
        if "SamverkanInnehall" not in text and not handwritten:
            continue  # en sida som byggs helt av mallarna (YAML-texterna är redan tvättade)
        if changed is not None and source_file(page.relative_to(root / "build" / "docs").as_posix()) not in changed:
            continue
        body = text.split("\n---\n", 1)[-1] if text.startswith("---\n") else text
        html = sanitise_marked(converter.reset().convert(mark_content(body) if handwritten else body))
        found = active_html(html)
        if found:
            return f"{where}: {', '.join(found[:5])} i den tvättade sidan"
    return ""


def _child(root: Path, today: dt.date, connection, changed: list[str] | None = None) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
    try:
        checked, project = check_case(root, today)
        connection.send(checked)
        if project is not None:
            connection.send(build_case(root, project, checked, changed))
    except BaseException:
        connection.send(Outcome("krasch", 0.0, traceback.format_exc()))


def run_isolated(root: Path, today: dt.date, changed: list[str] | None = None) -> Outcome:
    """Kör ett fall i en egen process med tidsgräns och minnesgräns (för häng och minnesbomber).

    Kontrollen har TIME_LIMIT på sig; bygget av godkänt innehåll (med Word-filer) får BUILD_LIMIT."""
    parent, child = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_child, args=(root, today, child, changed))
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
            return run_isolated(self.root, self.today, [c.split("#")[0] for c in changed]), changed
        finally:
            restore(self.root, [self.root / c.split("#")[0] for c in changed])


def print_summary(
    args: argparse.Namespace,
    counts: Counter[str],
    without_line: Counter[str],
    slow: int,
    problems: list[str],
    elapsed: float,
) -> int:
    """Skriver ut räkningarna; slutkod 1 om något fall kraschade, hängde eller gav osäkra sidor."""
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
    print(f"  godkänt men osäkert i sidorna (aktiv HTML, NUL, riktningstecken, dubbla id): {counts['osakert']}")
    print(f"  meddelanden som citerar en fil utanför projektet: {counts['lacker']}")
    print(f"  fall med fel utan rad och kolumn: {sum(without_line.values())} {dict(without_line.most_common(8))}")
    print(f"  långsammare än {SLOW:.0f} s: {slow}")
    failures = tracebacks + counts["hang"] + counts["bygget-hanger"] + counts["utan-plats"]
    failures += counts["osakert"] + counts["lacker"]
    return 0 if failures == 0 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fall", type=int, default=1000, help="antal fall (standard 1000)")
    parser.add_argument("--frö", dest="seed", type=int, default=1, help="första fröet (fallen blir reproducerbara)")
    parser.add_argument("--processer", type=int, default=2)
    args = parser.parse_args(argv)
    today = build_day()  # --idag finns inte här: SAMVERKAN_IDAG, annars dagens datum
    counts: Counter[str] = Counter()
    without_line: Counter[str] = Counter()
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
            if outcome.verdict == "fel" and outcome.detail:  # fel utan rad och kolumn, per kod
                without_line.update(outcome.detail.split())
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
    return print_summary(args, counts, without_line, slow, problems, elapsed)


if __name__ == "__main__":
    raise SystemExit(main())

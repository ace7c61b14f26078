"""Samverkansguidens mättabell: vår sajt bredvid Material standard, omväxlande i samma körning.

    npm ci                                              # en gång: Lighthouse (package.json)
    .venv/bin/python scripts/benchmark.py               # allt (ungefär 15 minuter på 2 kärnor)
    .venv/bin/python scripts/benchmark.py --snabb       # 60 klick, ett varv Lighthouse (för att pröva)
    .venv/bin/python scripts/benchmark.py --klick 100   # bara klicktiden, 100 klick per sajt och bildläge
    .venv/bin/python scripts/benchmark.py --startsida 2 # bara Lighthouse på startsidan, 2 varv
    .venv/bin/python scripts/benchmark.py --motor       # också check/build med många genererade guider
    .venv/bin/python scripts/benchmark.py --zensical    # också en provbyggnad med Zensical (pinnad version)

Siffrorna skrivs ut, de prövas inte i testerna: en mätning på en delad dator varierar. Därför står
datorns belastning (1 minut, os.getloadavg) vid varje siffra. Tabellen i README (Mätningar) är
utskriften från en körning, med datum och dator. Se scripts/site_benchmark.py för hur varje mått tas.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.load.project import Layout, load_project  # noqa: E402
from scripts import engine_benchmark, site_benchmark  # noqa: E402

NAMES = {"ours": "Samverkansguiden", "stock": "Material standard"}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def loads(values: list[float]) -> str:
    return f"{min(values):.1f}–{max(values):.1f}" if values else "–"


def build_rows(builds: dict) -> list[str]:
    cpu = {name: [run[0] for run in runs] for name, runs in builds.items()}
    load = [run[1] for runs in builds.values() for run in runs]
    ours, stock = statistics.median(cpu["ours"]), statistics.median(cpu["stock"])
    label = f"mkdocs build, CPU-tid, median av {len(cpu['ours'])} omväxlande"
    return [row(label, f"{ours:.2f} s", f"{stock:.2f} s", f"kvot {ours / stock:.2f}", loads(load))]


def _percentile(values: list[float], q: float) -> float:
    return site_benchmark.Samples(values=list(values)).p(q)


MODE_LABELS = {
    "vsync": "(a) 60 Hz-bildrutor som i testerna",
    "obegransad": "(b) bildtakten obegränsad (--disable-frame-rate-limit --disable-gpu-vsync)",
}


def latency_rows(latency: dict) -> list[str]:
    rows = []
    for mode, label in MODE_LABELS.items():
        if mode in latency:
            rows += mode_rows(latency[mode], label, judged=mode == "obegransad")
    return rows


def mode_rows(latency: dict, label: str, judged: bool) -> list[str]:
    ours, stock = latency["samples"]["ours"], latency["samples"]["stock"]
    fetched = latency["page_fetches"]
    goal = f"p95 ≤ 16 ms: {'ja' if ours.p(0.95) <= 16 else 'nej'}" if judged else "–"
    return [
        row(
            f"Svar → nästa nod målad, {label}, p50 / p95 ({len(ours.values)} / {len(stock.values)} klick"
            + (f"; utan svar: {ours.missed} / {stock.missed}" if ours.missed or stock.missed else "")
            + ")",
            f"{ours.p(0.5):.1f} / {ours.p(0.95):.1f} ms",
            f"{stock.p(0.5):.1f} / {stock.p(0.95):.1f} ms",
            goal,
            loads(ours.loads + stock.loads),
        ),
        row(
            f"  varav i walker.js (nod på plats), p50 / p95 ({len(ours.script)} mätningar)",
            f"{_percentile(ours.script, 0.5):.1f} / {_percentile(ours.script, 0.95):.1f} ms",
            "–",
            "–",
            "–",
        ),
        row(
            f"  noden visad i 60 Hz-bildruta 1 / 2 / 3 eller senare efter klicket "
            f"({len(ours.frames)} / {len(stock.frames)} klick)",
            frame_shares(ours.frames),
            frame_shares(stock.frames),
            f"i första bildrutan: {100 * ours.first_frame_share():.0f} %",
            "–",
        ),
        row(
            "  klick då servern fick skicka en nodsida",
            f"{fetched['ours']}",
            f"{fetched['stock']}",
            "–",
            "–",
        ),
    ]


def frame_shares(frames: list[int]) -> str:
    """Andelen klick vars nod målades i första, andra och tredje eller senare bildrutan efter klicket."""
    if not frames:
        return "–"
    counts = [sum(1 for f in frames if f == 1), sum(1 for f in frames if f == 2), sum(1 for f in frames if f >= 3)]
    return " / ".join(f"{100 * c / len(frames):.0f} %" for c in counts)


def visit_rows(visits: dict) -> list[str]:
    rows = []
    for page_name in site_benchmark.PAGES:
        if (page_name, "ours") not in visits:
            continue
        ours, stock = visits[(page_name, "ours")], visits[(page_name, "stock")]
        index = lambda v: ", sökindex" if v["search_index"] else ""  # noqa: E731
        rows.append(
            row(
                f"Första besöket, {page_name} (gzip, anrop)",
                f"{kb(ours['gzip'])}, {ours['requests']}{index(ours)}",
                f"{kb(stock['gzip'])}, {stock['requests']}{index(stock)}",
                f"{ours['gzip'] - stock['gzip']:+,.0f} B".replace(",", " "),
                "–",
            )
        )
    return rows


def _series(runs: list[dict], key: str, form) -> str:
    return " / ".join(form(run[key]) for run in runs)


def lighthouse_rows(results: dict) -> list[str]:
    rows = []
    for page_name in site_benchmark.PAGES:
        runs = {name: results.get((page_name, name), []) for name in ("ours", "stock")}
        if not runs["ours"] or not runs["stock"]:
            continue

        load = [run["load"] for name in runs for run in runs[name]]
        for label, key, form in (
            ("poäng", "score", str),
            ("TBT", "tbt", lambda v: f"{v:.0f} ms"),
            ("CLS", "cls", lambda v: f"{v:.3f}"),
            ("FCP", "fcp", lambda v: f"{v / 1000:.1f} s"),
            ("LCP", "lcp", lambda v: f"{v / 1000:.1f} s"),
        ):
            rows.append(
                row(
                    f"Lighthouse mobil, {page_name}: {label}",
                    _series(runs["ours"], key, form),
                    _series(runs["stock"], key, form),
                    "–",
                    loads(load),
                )
            )
        top = {name: "; ".join(f"{url} {ms} ms" for url, ms in runs[name][0]["scripting"]) for name in runs}
        rows.append(
            row(f"Lighthouse, {page_name}: mest skripttid (varv 1)", top["ours"], top["stock"], "–", loads(load))
        )
        long_tasks = [task for run in runs["ours"] for task in run["own_long_tasks"]]
        index = ["ja" if run["search_index"] else "nej" for run in runs["ours"]]
        rows.append(
            row(
                f"Lighthouse, {page_name}: långa uppgifter från våra skript; sökindex hämtat",
                (", ".join(f"{t} ms" for t in long_tasks) or "inga") + "; " + "/".join(index),
                "–",
                "–",
                loads(load),
            )
        )
    return rows


def engine_rows(n: int) -> list[str]:
    workdir = Path(tempfile.mkdtemp(prefix="matning-"))
    try:
        engine = {size: (engine_benchmark.measure(size, workdir, ROOT), os.getloadavg()[0]) for size in (n, 2 * n)}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    rows = []
    for index, label in ((0, "check"), (1, "build_tools build")):
        small, large = engine[n][0][index].wall, engine[2 * n][0][index].wall
        load = [engine[n][1], engine[2 * n][1]]
        rows.append(
            row(
                f"{label}, N={n} / 2N={2 * n} guider (vägg)",
                f"{small:.2f} s / {large:.2f} s",
                "–",
                f"2N/N {large / small:.2f}",
                loads(load),
            )
        )
    return rows


def measured_rows(project, args) -> list[str]:
    if args.klick or args.startsida:
        site = site_benchmark.measure(
            project,
            clicks=args.klick or 0,
            lighthouse_rounds=args.startsida or 0,
            build_rounds=1,
            first_visits=False,
            pages={"start": site_benchmark.PAGES["start"]},
        )
    elif args.snabb:
        site = site_benchmark.measure(project, clicks=60, lighthouse_rounds=1, build_rounds=1)
    else:
        site = site_benchmark.measure(project)
    rows = build_rows(site["builds"]) + latency_rows(site.get("latency", {})) + visit_rows(site["first_visit"])
    return rows + lighthouse_rows(site["lighthouse"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snabb", action="store_true", help="60 klick, ett varv Lighthouse, ett bygge var")
    parser.add_argument("--motor", action="store_true", help="också check/build med 100 och 200 genererade guider")
    parser.add_argument("--zensical", action="store_true", help="också en provbyggnad med Zensical (pinnad version)")
    parser.add_argument("--klick", type=int, metavar="N", help="bara klicktiden, N klick per sajt och bildläge")
    parser.add_argument("--startsida", type=int, metavar="N", help="bara Lighthouse på startsidan, N varv")
    args = parser.parse_args(argv)
    project, report = load_project(Layout(ROOT), dt.date.today())
    if not report.ok:
        sys.exit("Innehållet har fel: kör python -m build_tools check.")
    rows = measured_rows(project, args)
    if args.motor:
        rows += engine_rows(25 if args.snabb else 100)
    print(
        f"\nMättabell {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{os.cpu_count()} kärnor, Python {platform.python_version()}, Chromium {site_benchmark.CHROMIUM}"
    )
    print(row("Mått", NAMES["ours"], NAMES["stock"], "Skillnad / mål", "Belastning (1 min)"))
    print(row("---", "---", "---", "---", "---"))
    for line in rows:
        print(line)
    if args.zensical:
        from scripts.zensical_trial import trial

        print("\nZensical (provbygge):")
        for line in trial():
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

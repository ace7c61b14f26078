"""Samverkansguidens mättabell: ett kommando, alla siffror, bredvid Material standard i samma körning.

    .venv/bin/python scripts/benchmark.py              # allt (några minuter)
    .venv/bin/python scripts/benchmark.py --snabb      # färre guider och klick (för att pröva)
    .venv/bin/python scripts/benchmark.py --zensical   # också en provbyggnad med Zensical (pinnad version)

Siffrorna skrivs ut, de prövas inte i testerna: en mätning på en delad dator med två kärnor varierar.
Målen kommer från issue #11. Delarna går också att köra var för sig: scripts/engine_benchmark.py
(check och build med många guider), scripts/preview_benchmark.py (förhandsvisningen),
scripts/site_benchmark.py (webbläsaren) och scripts/search_benchmark.py (sökningens träffsäkerhet).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.load.project import Layout, load_project  # noqa: E402
from scripts import engine_benchmark, site_benchmark  # noqa: E402

SUITE_TIME_FILE = ROOT / "build" / "testsvitens-tid.txt"


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def row(label: str, ours: str, stock: str, target: str, met: str) -> str:
    return f"| {label} | {ours} | {stock} | {target} | {met} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snabb", action="store_true", help="N = 25 guider och ett varv klick")
    parser.add_argument("--zensical", action="store_true", help="provbygg också med Zensical")
    args = parser.parse_args(argv)
    n = 25 if args.snabb else 100
    project, report = load_project(Layout(ROOT), dt.date.today())
    if not report.ok:
        sys.exit("Innehållet har fel: kör python -m build_tools check.")

    print("Mäter byggverktyget med genererade guider …", file=sys.stderr)
    workdir = Path(tempfile.mkdtemp(prefix="matning-"))
    engine = {size: engine_benchmark.measure(size, workdir, ROOT) for size in (n, 2 * n)}
    shutil.rmtree(workdir, ignore_errors=True)
    print("Mäter i Chromium …", file=sys.stderr)
    site = site_benchmark.measure(project, rounds=1 if args.snabb else 2)

    check_n, check_2n = engine[n][0].wall, engine[2 * n][0].wall
    build_n, build_2n = engine[n][1].wall, engine[2 * n][1].wall
    lat_ours, lat_stock = site["latency_ours"], site["latency_stock"]
    search_ours, search_stock = site["search_ours"], site["search_stock"]
    added = sum(site["added"].values())
    suite = SUITE_TIME_FILE.read_text(encoding="utf-8").strip() if SUITE_TIME_FILE.exists() else "kör scripts/test.sh"
    yes = "ja"

    print(
        f"\nMättabell {dt.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} kärnor, Python "
        f"{platform.python_version()}"
    )
    print("| Mått | Samverkansguiden | Material standard | Mål | Uppfyllt |")
    print("|---|---|---|---|---|")
    ratio = site["build_ours"] / site["build_stock"]
    print(
        row(
            "Bygge av sajten (mkdocs build)",
            f"{site['build_ours']:.1f} s",
            f"{site['build_stock']:.1f} s",
            "–",
            f"kvot {ratio:.2f}",
        )
    )
    for label, small, large, target in (
        ("check", check_n, check_2n, engine_benchmark.CHECK_TARGET),
        ("build_tools build", build_n, build_2n, engine_benchmark.BUILD_TARGET),
    ):
        linear = large / small if small else float("inf")
        at_200 = large if 2 * n == 200 else None
        met = (yes if at_200 < target else f"nej, {at_200 - target:+.1f} s") if at_200 is not None else "(N för litet)"
        met += f"; 2N/N {linear:.2f} " + (yes if linear <= engine_benchmark.RATIO_TARGET else "nej")
        print(
            row(
                f"{label}, N={n} / 2N={2 * n} guider",
                f"{small:.2f} s / {large:.2f} s",
                "–",
                f"< {target:g} s vid 200, 2N/N ≤ 2,2",
                met,
            )
        )
    print(row("Byte (gzip) som sajten lägger till en guidesida", kb(added), "0", "–", "–"))
    print(
        row(
            "Första besöket på en fråga (överfört)",
            kb(site["transfer_ours"]),
            kb(site["transfer_stock"]),
            "–",
            f"+{kb(site['transfer_ours'] - site['transfer_stock'])}",
        )
    )
    p95 = lat_ours.p(0.95)
    print(
        row(
            f"Svar → nästa fråga målad, p50 / p95 ({len(lat_ours.samples)} klick)",
            f"{lat_ours.p(0.5):.0f} / {p95:.0f} ms",
            f"{lat_stock.p(0.5):.0f} / {lat_stock.p(0.95):.0f} ms",
            "p95 ≤ 50 ms",
            yes if p95 <= 50 else f"nej, {p95 - 50:+.0f} ms",
        )
    )
    print(
        row(
            f"Sökning, p50 / p95 ({len(search_ours.samples)} frågor)",
            f"{search_ours.p(0.5):.0f} / {search_ours.p(0.95):.0f} ms",
            f"{search_stock.p(0.5):.0f} / {search_stock.p(0.95):.0f} ms",
            "–",
            "–",
        )
    )
    print(row("Förhandsvisning: spara → sidan uppdaterad", "scripts/preview_benchmark.py", "–", "≤ 2 s", "se den"))
    print(row("Testsviten (.ci/run)", suite, "–", "≤ 6 min", "se raden"))
    print("\nByte (gzip) per fil som sajten lägger till:")
    for name, size in sorted(site["added"].items()):
        print(f"  {name}: {size} B")
    if args.zensical:
        from scripts.zensical_trial import trial

        print("\nZensical (provbygge):")
        for line in trial():
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

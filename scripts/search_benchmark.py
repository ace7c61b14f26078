"""Sökbenchmark: hit@3, missar och 95:e percentilen av svarstiden, för den här sajtens sökning och
för Materials standardsökning på samma innehåll. Skriver ut siffror; inget här är ett test.

Tre frågefiler: utvecklingsfrågorna (tests/search_queries.yaml, målet är hit@3 ≥ 95 %) och två
omgångar kontrollfrågor, skrivna av någon annan utan att se resultaten. Den första
(search_queries_kontroll.yaml) användes sedan för att hitta svagheter; den andra
(search_queries_kontroll2.yaml) skrevs efter sista inställningen och har inte använts till något.

    .venv/bin/python scripts/search_benchmark.py             # båda sökningarna, sida vid sida
    .venv/bin/python scripts/search_benchmark.py --bara-var  # bara den här sajtens sökning (snabbare)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.devtools.browser_setup import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from build_tools.devtools.search_client import QUERY_FILES, Score, load_queries, open_search, run_queries  # noqa: E402

LABELS = {
    "utveckling": "Utvecklingsfrågor",
    "kontroll": "Kontrollfrågor",
    "kontroll2": "Kontrollfrågor 2 (orörda)",
    "parafras": "Omskrivna frågor (issue 18, orörda)",
}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build(site_dir: str, stock: bool) -> None:
    """Bygg sajten; med ``stock`` utan sajtens svenska sökord (Materials vanliga sökindex)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config = ROOT / "mkdocs.yml"
    if stock:  # samma konfiguration, utan sajtens svenska sökord
        config = ROOT / "mkdocs-standardsok.tmp.yml"
        config.write_text("INHERIT: mkdocs.yml\nextra:\n  svensk_sokning: false\n", encoding="utf-8")
    try:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", site_dir],
            cwd=ROOT,
            env=env,
            check=True,
        )
    finally:
        if stock:
            config.unlink()


def run(site_dir: str, query_sets: dict[str, list[dict]]) -> dict[str, Score]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    scores = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        open_search(page, base)
        for name, queries in query_sets.items():
            try:
                scores[name] = run_queries(page, queries)
            except PlaywrightTimeout as error:
                sys.exit(f"Sökningen gav inget svar inom 10 s: {error}")
        browser.close()
    server.shutdown()
    return scores


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    query_sets = {name: load_queries(name) for name in QUERY_FILES}
    variants = (("Samverkansguiden", False), ("Material standard", True))
    if "--bara-var" in sys.argv[1:]:
        variants = variants[:1]
    results: dict[str, dict[str, Score]] = {}
    for label, stock in variants:
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp, stock)
            results[label] = run(tmp, query_sets)
    print("Sökbenchmark: träff = en förväntad sida bland de tre första (hit@3)\n")
    for name, queries in query_sets.items():
        print(f"{LABELS[name]} ({len(queries)} st, {QUERY_FILES[name].relative_to(ROOT)}):")
        for label, scores in results.items():
            s = scores[name]
            print(
                f"  {label:20} hit@3 {s.hits}/{s.total} = {100 * s.share:5.1f} %   "
                f"p95 {p95(s.times) * 1000:5.0f} ms   median {statistics.median(s.times) * 1000:5.0f} ms"
            )
        print()
    for name in query_sets:
        for label, scores in results.items():
            print(f"Missar, {LABELS[name].lower()}, {label}:")
            for query, found in scores[name].misses:
                print(f"  {query!r:32} fick {found}")
            print()


if __name__ == "__main__":
    main()

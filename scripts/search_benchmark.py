"""Sökbenchmark: hit@3, missar och 95:e percentilen av svarstiden, för den här sajtens sökning och
för Materials standardsökning på samma innehåll. Skriver ut siffror; inget här är ett test.

    .venv/bin/python scripts/search_benchmark.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yaml"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build(site_dir: str, stock: bool) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if stock:
        env["SV_STOCK_SEARCH"] = "1"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site_dir], cwd=ROOT, env=env, check=True
    )


def top_pages(page: Page, base: str, query: str) -> tuple[list[str], float]:
    """Skriv frågan i sökrutan och returnera de tre första träffarnas sidor och tiden i sekunder."""
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query[:-1])
    started = time.perf_counter()
    page.keyboard.type(query[-1])
    # Vänta tills de första träffarna har slutat ändras (Material ritar listan stegvis).
    previous, stable, deadline = None, 0, time.perf_counter() + 10
    while stable < 3:
        if time.perf_counter() > deadline:
            raise PlaywrightTimeout(f"ingen stabil träfflista för {query!r}")
        page.wait_for_timeout(100)
        current = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
            "els => els.slice(0, 5).map(e => e.href)"
        )
        meta = page.locator(".md-search-result__meta").inner_text()
        ready = any(q in h for h in current for q in ["h="]) or "Inga" in meta
        if ready and current == previous:
            stable += 1
        else:
            stable, settled = 0, time.perf_counter()
        previous = current
    elapsed = settled - started
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "els => els.map(e => e.href)"
    )
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:3], elapsed


def run(site_dir: str, queries: list[dict]) -> dict:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    hits, misses, times = 0, [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        page.locator(".md-search__input").click()
        for item in queries:
            try:
                found, elapsed = top_pages(page, base, item["q"])
            except PlaywrightTimeout:
                first = page.locator(".md-search-result__item > .md-search-result__link").first
                shown = (
                    first.get_attribute("href")
                    if first.count()
                    else page.locator(".md-search-result__meta").inner_text()
                )
                sys.exit(f"Sökningen {item['q']!r} gav inget svar inom 10 s (visar: {shown}).")
            times.append(elapsed)
            if any(p.startswith(expected) for p in found for expected in item["sidor"]):
                hits += 1
            else:
                misses.append((item["q"], found))
        browser.close()
    server.shutdown()
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return {"hits": hits, "total": len(queries), "misses": misses, "p95": p95, "median": statistics.median(times)}


def main() -> None:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["fragor"]
    results = {}
    for label, stock in (("Samverkansguiden", False), ("Material standard", True)):
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp, stock)
            results[label] = run(tmp, queries)
    print(f"Sökbenchmark: {len(queries)} frågor, träff = en förväntad sida bland de tre första\n")
    for label, r in results.items():
        share = 100 * r["hits"] / r["total"]
        print(
            f"{label:20} hit@3 {r['hits']}/{r['total']} = {share:5.1f} %   "
            f"p95 {r['p95'] * 1000:6.0f} ms   median {r['median'] * 1000:5.0f} ms"
        )
    for label, r in results.items():
        print(f"\nMissar, {label}:")
        for query, found in r["misses"]:
            print(f"  {query!r:32} fick {found}")


if __name__ == "__main__":
    main()

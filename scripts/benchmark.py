"""Mätningar för beslutsstöden. Skriver ut siffror; inget här är ett test.

    .venv/bin/python scripts/benchmark.py

- antal vägar per guide (från modellen),
- tid för att gå alla vägar i Chromium (som det uttömmande testet gör),
- storlek (gzip) på skriptet och stilen som guiderna lägger till en sida,
- storlek på trädets data som bäddas in i varje nodsida.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.graph import all_paths  # noqa: E402
from build_tools.project import Layout, load_project  # noqa: E402
from build_tools.render.pages import tree_json  # noqa: E402
from scripts.browser_setup import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.walker import walk  # noqa: E402


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> None:
    project, report = load_project(Layout(ROOT), dt.date.today())
    if not report.ok:
        sys.exit("Innehållet har fel; kör python -m build_tools check.")

    print("== Vägar per guide")
    total = 0
    for tree in project.trees.values():
        paths = all_paths(tree)
        lengths = [len(p.steps) for p in paths]
        total += len(paths)
        print(
            f"{tree.id:32} {len(tree.questions):3} frågor {len(tree.outcomes):3} utfall "
            f"{len(paths):4} vägar (längd {min(lengths)}–{max(lengths)} svar)"
        )
    print(f"{'totalt':32} {total:4} vägar")

    print("\n== Storlek på sajtens egna skript och stil (utöver Material)")
    assets = ROOT / "overrides" / "assets" / "samverkan"
    names = sorted(p.name for p in assets.iterdir() if p.suffix in (".js", ".css"))
    for name in names:
        data = (assets / name).read_bytes()
        print(f"{name:32} {len(data):7} byte, {gz(data):6} byte gzip")
    guide = b"".join((assets / n).read_bytes() for n in ("walker.js", "samverkan.css"))
    every = b"".join((assets / n).read_bytes() for n in names)
    print(f"{'guidens JS + CSS':32} {len(guide):7} byte, {gz(guide):6} byte gzip (walker.js + samverkan.css)")
    print(f"{'alla JS + CSS':32} {len(every):7} byte, {gz(every):6} byte gzip (laddas på varje sida)")
    for tree in project.trees.values():
        data = str(tree_json(tree)).encode()
        print(f"trädets data, {tree.id:18} {len(data):7} byte, {gz(data):6} byte gzip (inbäddad per nodsida)")

    print("\n== Uttömmande gång i Chromium")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", tmp], cwd=ROOT, env=env, check=True
        )
        index_path = Path(tmp) / "search" / "search_index.json"
        index = index_path.read_bytes()
        query_words = json.dumps(json.loads(index)["config"].get("samverkan", {}), ensure_ascii=False).encode()
        print(f"{'sökindex':32} {len(index):7} byte, {gz(index):6} byte gzip (hämtas när sökningen öppnas)")
        print(f"{'  varav ordförråd för frågan':32} {len(query_words):7} byte, {gz(query_words):6} byte gzip")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for tree in project.trees.values():
                times = []
                started = time.perf_counter()
                for path in all_paths(tree):
                    t0 = time.perf_counter()
                    walk(page, base, tree, path)
                    times.append(time.perf_counter() - t0)
                elapsed = time.perf_counter() - started
                print(
                    f"{tree.id:32} {len(times):4} vägar på {elapsed:6.1f} s "
                    f"(median {statistics.median(times):.2f} s per väg)"
                )
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()

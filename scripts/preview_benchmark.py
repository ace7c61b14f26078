"""Mäter förhandsvisningen: tid från att en guide sparas till att sidan i mkdocs serve visar ändringen.

Kör på en kopia av projektet i en tillfällig mapp (rör inte build/ eller site/ här):

    .venv/bin/python scripts/preview_benchmark.py [--gånger 3]

Skriver tiden för varje sparning, hur många byggen varje sparning gav, och tiden tills ett
innehållsfel syns på sidan och tills sidan är tillbaka efter rättningen.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "upprepad-franvaro"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(url: str, predicate, timeout: float = 120) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate(_fetch(url)):
            return time.monotonic() - start
        time.sleep(0.1)
    raise TimeoutError(url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gånger", dest="times", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="forhandsvisning-") as tmp:
        copy = Path(tmp) / "projekt"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "cache", "__pycache__"))
        port = _free_port()
        url = f"http://127.0.0.1:{port}/beslutsstod/{GUIDE}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
        log = (Path(tmp) / "serve.log").open("w+")
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=copy,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            first = _wait(url, lambda html: "<h1" in html, timeout=300)
            print(f"Första bygget: {first:.1f} s")
            guide = copy / "decision_trees" / f"{GUIDE}.yaml"
            original = guide.read_text(encoding="utf-8")
            title = re.search(r"^titel: (.+)$", original, re.MULTILINE).group(1)
            times = []
            for i in range(args.times):
                time.sleep(1.5)
                builds_before = Path(log.name).read_text().count("Building documentation")
                marker = f"{title} (prov {i + 1})"
                guide.write_text(original.replace(f"titel: {title}", f"titel: {marker}", 1), encoding="utf-8")
                elapsed = _wait(url, lambda html, m=marker: m in html)
                time.sleep(3)
                builds = Path(log.name).read_text().count("Building documentation") - builds_before
                times.append(elapsed)
                print(f"Sparning {i + 1}: sidan uppdaterad efter {elapsed:.1f} s, {builds} bygge(n)")
            print(f"Median: {statistics.median(times):.1f} s")
            guide.write_text(original.replace("nasta: ", "nasta: x", 1), encoding="utf-8")
            shown = _wait(url, lambda html: "sv-preview-error" in html)
            print(f"Innehållsfel syns på sidan efter {shown:.1f} s")
            guide.write_text(original, encoding="utf-8")
            back = _wait(url, lambda html: "sv-preview-error" not in html and "<h1" in html)
            print(f"Sidan tillbaka efter rättningen efter {back:.1f} s")
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

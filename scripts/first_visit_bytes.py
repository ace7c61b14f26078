"""Första besöket på en fråga i en guide, genom nginx med gzip (som i drift): hur många byte som skickas.

Bygger sajten och samma sidor med Material som det kommer ("Material standard", utan sajtens tema,
skript, stil och krok), komprimerar båda (build_tools/adapters/compress.py) och visar dem i nginx med
konfigurationen från build_tools/adapters/hosting.py. Chromium öppnar frågan med tom cache och väntar tills
nätet är tyst. Siffran är summan av $body_bytes_sent i nginx åtkomstlogg (innehållet som skickades,
komprimerat, utan HTTP-rubriker), så att också sökindexet som sökningens web worker hämtar räknas.

    .venv/bin/python scripts/first_visit_bytes.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.adapters.compress import compress_site  # noqa: E402
from build_tools.adapters.hosting import HostingRules, LocalNginx, project_rules, write_local_nginx  # noqa: E402
from build_tools.base.layout import Layout  # noqa: E402
from build_tools.devtools.browser_setup import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from build_tools.load.project import load_project  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Materials egna inbäddade skript får köra i standardversionen (den har ingen CSP av sitt eget).
STOCK_POLICY = "default-src 'self' 'unsafe-inline' data: blob:; frame-ancestors 'none'"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stock_config(work: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "extra_css", "extra_javascript", "watch"):
        text = re.sub(rf"(?ms)^{block}:\n(  - .*?\n)+", "", text)
    text = text.replace("  custom_dir: overrides\n", "").replace(
        "docs_dir: build/docs", f"docs_dir: {ROOT / 'build/docs'}"
    )
    config = work / "mkdocs-standard.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(config: Path, site_dir: Path, port: int) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site_dir)]
    subprocess.run(command, cwd=config.parent, env=env, check=True)
    compress_site(site_dir)


def serve(rules: HostingRules, site_dir: Path, port: int, prefix: Path) -> subprocess.Popen:
    config = write_local_nginx(rules, LocalNginx(site_dir, port, prefix))
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "logs/error.log")])
    for _ in range(200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.05)
    raise SystemExit("nginx startade inte: se " + str(prefix / "logs/error.log"))


def logged(access_log: Path, since: int) -> list[tuple[int, str]]:
    """(byte, sökväg) för varje svar i åtkomstloggen efter rad ``since``, störst först."""
    lines = access_log.read_text(encoding="utf-8").splitlines()[since:]
    found = [re.search(r'"[A-Z]+ (\S+) [^"]*" \d{3} (\d+) "', line) for line in lines]
    return sorted(((int(m.group(2)), m.group(1)) for m in found if m), reverse=True)


def load(page, url: str, access_log: Path) -> list[tuple[int, str]]:
    since = len(access_log.read_text(encoding="utf-8").splitlines())
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return logged(access_log, since)


def visit(browser, first: str, second: str, access_log: Path) -> tuple[list, list]:
    """Första besöket med tom cache, sedan en annan fråga i samma flik (omladdning, cachen kvar)."""
    context = browser.new_context()
    page = context.new_page()
    results = load(page, first, access_log), load(page, second, access_log)
    context.close()
    return results


def main() -> int:
    trees = list(load_project(Layout(ROOT), dt.date.today())[0].trees.values())
    path = f"/beslutsstod/{trees[0].id}/{trees[0].start}/"
    other = f"/beslutsstod/{trees[-1].id}/{trees[-1].start}/"
    with tempfile.TemporaryDirectory(prefix="forsta-besoket-") as temp, sync_playwright() as playwright:
        work = Path(temp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {}
        for name in ("Samverkansguiden", "Material standard"):
            port = free_port()
            site_dir, prefix = work / f"site-{port}", work / f"nginx-{port}"
            if name == "Samverkansguiden":
                build(ROOT / "mkdocs.yml", site_dir, port)
                rules = project_rules(ROOT, f"http://127.0.0.1:{port}/")
            else:
                build(stock_config(work), site_dir, port)
                rules = HostingRules(base="/", csp=STOCK_POLICY, redirects=())
            process = serve(rules, site_dir, port, prefix)
            try:
                base = f"http://127.0.0.1:{port}"
                results[name] = visit(browser, base + path, base + other, prefix / "logs/access.log")
            finally:
                process.terminate()
                process.wait(timeout=20)
        browser.close()
    print(f"Första besöket på {path} genom nginx med gzip (byte innehåll, utan rubriker):")
    for name, (first, _) in results.items():
        print(f"  {name:<18} {sum(b for b, _ in first) / 1024:8.1f} KB i {len(first)} svar")
        for part, url in first[:4]:
            print(f"      {part / 1024:7.1f} KB  {url}")
    print(f"Sedan {other} i samma flik (sidan laddas om; filer med kontrollsumma ur cachen):")
    for name, (_, second) in results.items():
        print(f"  {name:<18} {sum(b for b, _ in second) / 1024:8.1f} KB i {len(second)} svar")
        for part, url in second[:3]:
            print(f"      {part / 1024:7.1f} KB  {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

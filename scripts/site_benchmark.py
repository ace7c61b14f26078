"""Mätningar i Chromium på den byggda sajten, bredvid samma innehåll i Material utan sajtens tillägg.

"Material standard" är samma sidor (build/docs/) byggda med Material som det kommer: utan sajtens
tema-tillägg, skript, stil och krok, men med snabbnavigeringen på. Båda visas på sin egen site_url.

- Svarstid: klick på ett svar → nästa fråga är målad (ny rubrik i sidan och en bildruta efter). På
  sajten räknas också tills guidens skript är klart ("Dina svar", Tillbaka).
- Första besöket: byte som överförs när en nod i en guide öppnas i en tom webbläsare.
- Sökning: tid från frågan till träffarna (utvecklingsfrågorna).
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.devtools.browser_setup import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from build_tools.devtools.search_client import load_queries, open_search, run_queries  # noqa: E402
from build_tools.devtools.site_server import ServedSite, reserve_server, start  # noqa: E402

CLICK_JS = """async ([selector, ours]) => {
  const link = document.querySelector(selector);
  const before = document.querySelector('.md-content h1');
  const done = () => {
    const heading = document.querySelector('.md-content h1');
    if (!heading || heading === before) return false;
    return !ours || !!document.querySelector('.sv-walker[data-sv-ready]');
  };
  const start = performance.now();
  await new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); requestAnimationFrame(() => resolve()); }
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true});
    link.click();
  });
  return performance.now() - start;
}"""

TRANSFER_JS = """() => {
  const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
  return entries.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0);
}"""


@dataclass
class Latency:
    samples: list[float]

    def p(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def stock_config(root: Path) -> Path:
    """Samma konfiguration utan sajtens tillägg: Material som det kommer, på samma genererade sidor."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "extra_css", "extra_javascript", "watch"):
        text = re.sub(rf"(?ms)^{block}:\n(  - .*?\n)+", "", text)
    text = text.replace("  custom_dir: overrides\n", "")
    text = text.replace("docs_dir: build/docs", f"docs_dir: {ROOT / 'build' / 'docs'}")
    config = root / "mkdocs-standard.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(config: Path, site: ServedSite) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site.base_url + "/")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site.directory)],
        cwd=config.parent,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def answer_latency(page, base_url: str, project, ours: bool, rounds: int = 2) -> Latency:
    """Gå varje guide flera gånger: varje svar på första frågan, sedan omväxlande svar till ett resultat."""
    samples = []
    for round_number in range(rounds):
        for tree in project.trees.values():
            for first in range(len(tree.nodes[tree.start].answers)):
                page.goto(f"{base_url}/beslutsstod/{tree.id}/{tree.start}/" + ("#svar=" if ours else ""))
                page.wait_for_selector(".md-content h1")
                if ours:
                    page.wait_for_selector(".sv-walker[data-sv-ready]")
                node = tree.nodes[tree.start]
                index = first
                while hasattr(node, "answers"):
                    answer = node.answers[index % len(node.answers)]
                    samples.append(page.evaluate(CLICK_JS, [f'a[data-sv-answer="{answer.id}"]', ours]))
                    node = tree.nodes[answer.next_id]
                    index += round_number + 1
    return Latency(samples)


def first_visit_bytes(browser, url: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total = page.evaluate(TRANSFER_JS)
    context.close()
    return int(total)


def added_bytes(site_dir: Path, node_page: Path) -> dict[str, int]:
    """Byte (gzip) som sajten lägger till på en nod i en guide: egna skript, stil, data och trädet."""
    own = [p for p in (site_dir / "assets" / "samverkan").rglob("*") if p.suffix in (".js", ".css")]
    own = [p for p in own if "vendor" not in p.parts and p.name != "offline-data.js"]
    own += [p for p in (site_dir / "redaktion").rglob("*.js")]
    sizes = {p.relative_to(site_dir).as_posix(): len(gzip.compress(p.read_bytes())) for p in own}
    html = node_page.read_text(encoding="utf-8")
    match = re.search(r'data-sv-json="[^"]*"', html)
    sizes["trädets data i sidan"] = len(gzip.compress(match.group().encode())) if match else 0
    terms = site_dir / "ordlista" / "termer.json"
    if terms.exists():
        sizes["ordlista/termer.json"] = len(gzip.compress(terms.read_bytes()))
    return sizes


def measure(project, rounds: int = 2) -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="sajtmatning-") as temp:
        temp_dir = Path(temp)
        ours = reserve_server(temp_dir / "var")
        stock = reserve_server(temp_dir / "standard")
        results["build_ours"] = build(ROOT / "mkdocs.yml", ours)
        results["build_stock"] = build(stock_config(temp_dir), stock)
        start(ours)
        start(stock)
        tree = next(iter(project.trees.values()))
        node_url = f"/beslutsstod/{tree.id}/{tree.start}/"
        results["added"] = added_bytes(ours.directory, ours.directory / node_url.strip("/") / "index.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results["transfer_ours"] = first_visit_bytes(browser, ours.base_url + node_url)
            results["transfer_stock"] = first_visit_bytes(browser, stock.base_url + node_url)
            page = browser.new_page()
            results["latency_ours"] = answer_latency(page, ours.base_url, project, True, rounds)
            results["latency_stock"] = answer_latency(page, stock.base_url, project, False, rounds)
            queries = {"utveckling": load_queries("utveckling")}
            for name, site in (("search_ours", ours), ("search_stock", stock)):
                open_search(page, site.base_url + "/")
                score = run_queries(page, queries["utveckling"])
                results[name] = Latency([t * 1000 for t in score.times])
            browser.close()
        ours.stop()
        stock.stop()
    return results


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")

"""Mätningar i Chromium och med Lighthouse på den byggda sajten, bredvid samma sidor i Material standard.

"Material standard" är samma genererade sidor (build/docs/) byggda med Material som det kommer: utan
sajtens tema-tillägg, skript, stil och krok, men med snabbnavigeringen på. Båda sajterna byggs med sin
egen adress som site_url och visas gzip-komprimerade av build_tools/devtools/gzip_server.py på loopback.

Allt körs omväxlande (vår sajt, standard, vår, standard …) i samma minuter, och varje siffra skrivs
ut med datorns belastning (os.getloadavg) när den mättes:

- Bygge: CPU-tid (user+sys för mkdocs build), omväxlande varv.
- Svar → nästa fråga målad: från klickets tidsstämpel (händelsen, fångad på window) tills nästa nod
  finns i sidan (på vår sajt: och guidens skript är klart), en requestAnimationFrame och en uppgift
  efter den (bildrutan är då målad). Minst 300 klick per sajt, 200 ms betänketid före varje klick.
  Två gånger, med samma klick för båda sajterna: (a) i Chromium som det startas i testerna, där
  bildrutorna kommer i takt med en 60 Hz-klocka, så att requestAnimationFrame väntar 0–16,7 ms på
  nästa bildruta oavsett hur lite sidan har att göra; (b) med bildtakten obegränsad
  (FRAME_UNLIMITED_ARGS, bara här), där bildrutan ritas så snart det finns något att rita. (b) visar
  arbetet (skript, stil, layout, målning) utan väntan på klockan; (a) är vad en skärm med 60 Hz ger.
  (c) "En bildruta", i samma klick: i vilken 60 Hz-bildruta efter klicket noden visas. Bildrutorna
  börjar på klockans rutnät (tiden som requestAnimationFrame får är bildrutans start). Bildrutan med
  noden räknas som klar när uppgiften efter den körs (stil, layout, målning och överlämningen till
  kompositorn är då gjorda på huvudtråden; rastreringen efteråt räknas inte), och den visas vid första
  rutpunkten efter det. Bildruta 1 är alltså: den börjar vid första rutpunkten efter klicket och är
  klar före nästa, och det är vad "inom en bildruta" kan betyda med en 60 Hz-skärm. Tabellen visar
  andelen klick i bildruta 1, 2 och 3 eller senare, för båda sajterna. Måttet gäller (a); i (b) finns
  ingen klocka, och där betyder talet bara hur många 16,7 ms-steg arbetet tog räknat från bildrutans start.
- Första besöket: byte som servern faktiskt skickade (gzip) till en tom webbläsare, tills nätet varit
  stilla i 2 s, och om sökindexet hämtades.
- Lighthouse (npm, mobil förinställning, simulerad strypning) på startsidan, en fråga och ett resultat.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.devtools import gzip_server  # noqa: E402
from build_tools.devtools.browser_setup import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# Bara för mätningen (b): bildrutor utan 60 Hz-klockan. Samma flaggor för vår sajt och för standard.
FRAME_UNLIMITED_ARGS = ["--disable-frame-rate-limit", "--disable-gpu-vsync"]
FRAME_MODES = {"vsync": [], "obegransad": FRAME_UNLIMITED_ARGS}

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
GUIDE = "ska-jag-gora-en-orosanmalan"
PAGES = {"start": "/", "fråga": f"/beslutsstod/{GUIDE}/fara-nu/", "resultat": f"/beslutsstod/{GUIDE}/anmal-i-dag/"}
OWN_SCRIPTS = ("/assets/samverkan/", "/redaktion/")
REPORTS = ROOT / "benchmark-results"

# Klicket → {ms, bildruta}. ms: till uppgiften efter bildrutan med noden (se modulens text).
# bildruta: i vilken 60 Hz-bildruta efter klicket noden visas (1 = den första). Bildrutans start F
# (tiden som requestAnimationFrame får) ligger på klockans rutnät F + n·P, P = 1000/60 ms. Klicket
# hör till rutan som börjar vid den sista rutpunkten före klicket; bildrutan är klar (stil, layout,
# målning, överlämning) när uppgiften efter den körs, och visas vid första rutpunkten efter det.
# En bildruta som börjar vid första rutpunkten efter klicket och blir klar före nästa är bildruta 1.
ARM_JS = """([node, ours]) => {
  window.__svBench = new Promise(resolve => {
    let started = null;
    window.addEventListener('click', e => { started = e.timeStamp; }, {capture: true, once: true});
    const selector = '.sv-walker[data-sv-node="' + node + '"]' + (ours ? '[data-sv-ready]' : '');
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(frameStart => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const done = performance.now(), P = 1000 / 60;
          const clickSlot = Math.floor((started - frameStart) / P);
          const shownSlot = Math.ceil((done - frameStart) / P);
          resolve({ms: done - started, frame: Math.max(1, shownSlot - clickSlot - 1)});
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, {childList: true, subtree: true, attributes: true,
                                attributeFilter: ['data-sv-ready', 'data-sv-node']});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
  });
}"""


def load() -> float:
    return os.getloadavg()[0]


@dataclass
class Samples:
    values: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    missed: int = 0
    script: list[float] = field(default_factory=list)  # vår sajt: tiden i walker.js per nod på plats
    frames: list[int] = field(default_factory=list)  # bildrutan efter klicket som visar noden (1 = första)

    def add(self, value: float, frame: int | None = None) -> None:
        self.values.append(value)
        self.loads.append(load())
        if frame is not None:
            self.frames.append(frame)

    def first_frame_share(self) -> float:
        """Andelen klick där noden målades i första bildrutan efter klicket."""
        return sum(1 for f in self.frames if f == 1) / len(self.frames) if self.frames else float("nan")

    def p(self, q: float) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] if ordered else float("nan")

    def load_range(self) -> str:
        return f"{min(self.loads):.1f}–{max(self.loads):.1f}" if self.loads else "–"


def stock_config(root: Path) -> Path:
    """Samma konfiguration utan sajtens tillägg: Material som det kommer, på samma genererade sidor."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "extra_css", "extra_javascript", "watch"):
        text = re.sub(rf"(?ms)^{block}:\n(  - .*?\n)+", "", text)
    text = re.sub(r"(?ms)^extra:\n(  .*\n|\n)*?(?=^\S)", "", text)
    text = text.replace("  custom_dir: overrides\n", "")
    text = text.replace("docs_dir: build/docs", f"docs_dir: {ROOT / 'build' / 'docs'}")
    config = root / "mkdocs-standard.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(config: Path, site: gzip_server.GzipSite) -> tuple[float, float]:
    """mkdocs build; returnerar (CPU-sekunder, belastning)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site.base_url + "/")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site.directory)],
        cwd=config.parent,
        env=env,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), load()


def answer_paths(project) -> list[tuple[str, list[tuple[str, str]]]]:
    """Vägar genom guiderna: (guide, [(svar, nästa nod), …]). Varje varv väljer andra svar."""
    paths = []
    for round_number in range(40):  # fler varv än som behövs: answer_latency slutar vid antalet klick
        for tree in project.trees.values():
            for first in range(len(tree.nodes[tree.start].answers)):
                node, index, steps = tree.nodes[tree.start], first, []
                while hasattr(node, "answers"):
                    answer = node.answers[index % len(node.answers)]
                    steps.append((answer.id, answer.next_id))
                    node = tree.nodes[answer.next_id]
                    index += round_number + 1
                paths.append((tree.id, tree.start, steps))
    return paths


def walk(page, site, path, ours: bool, samples: Samples) -> int:
    """Klicka en väg från guidens första fråga. Returnerar hur många nodsidor servern fick skicka."""
    tree_id, start, steps = path
    page.goto(f"{site.base_url}/beslutsstod/{tree_id}/{start}/" + ("#svar=" if ours else ""))
    page.wait_for_selector(f'.sv-walker[data-sv-node="{start}"]' + ("[data-sv-ready]" if ours else ""))
    page.wait_for_timeout(400)  # som en person som läser frågan; guidens data hämtas under tiden
    mark = site.mark()
    for answer, target in steps:
        page.wait_for_timeout(200)
        page.evaluate(ARM_JS, [target, ours])
        page.click(f'a[data-sv-answer="{answer}"]')
        value = page.evaluate("window.__svBench")
        if value is None:  # noden kom aldrig fram: räknas inte, men syns i utskriften
            samples.missed += 1
            return 0
        samples.add(value["ms"], value["frame"])
    if ours:
        script = page.evaluate("() => performance.getEntriesByName('sv-nod-pa-plats').map(e => e.duration)")
        samples.script.extend(script)
    return sum(1 for s in site.since(mark) if s.path.startswith(f"/beslutsstod/{tree_id}/") and s.path.endswith("/"))


def answer_latency(browser, ours_site, stock_site, project, clicks: int) -> dict:
    pages = {name: browser.new_context(locale="sv-SE").new_page() for name in ("ours", "stock")}
    samples = {"ours": Samples(), "stock": Samples()}
    fetched = {"ours": 0, "stock": 0}
    sites = {"ours": ours_site, "stock": stock_site}
    for number, path in enumerate(answer_paths(project)):
        if min(len(s.values) for s in samples.values()) >= clicks:
            break
        order = ("ours", "stock") if number % 2 == 0 else ("stock", "ours")
        for name in order:
            fetched[name] += walk(pages[name], sites[name], path, name == "ours", samples[name])
    for page in pages.values():
        page.context.close()
    return {"samples": samples, "page_fetches": fetched}


def first_visit(browser, site, path: str) -> dict:
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    mark = site.mark()
    page.goto(site.base_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)
    sent = site.since(mark)
    context.close()
    return {
        "requests": len(sent),
        "gzip": sum(s.sent for s in sent),
        "raw": sum(s.raw for s in sent),
        "search_index": any("search_index" in s.path for s in sent),
        "load": load(),
    }


def _short(url: str) -> str:
    """Filnamnet för ett skript, sökvägen för en sida (utan loopback-adressen)."""
    path = urlsplit(url).path if "://" in url else url
    return path.rsplit("/", 1)[-1] or path or url


def lighthouse(url: str, out: Path) -> dict | None:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=performance",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    done = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True)
    if done.returncode != 0 or not out.exists():
        print(f"  Lighthouse misslyckades för {url}: {done.stderr[-300:]}", file=sys.stderr)
        return None
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    own_long = [
        round(item.get("duration", 0))
        for item in (audits.get("long-tasks", {}).get("details") or {}).get("items", [])
        if any(part in str(item.get("url", "")) for part in OWN_SCRIPTS)
    ]
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    bootup = (audits.get("bootup-time", {}).get("details") or {}).get("items", [])
    scripting = sorted(((str(i.get("url", "")), i.get("scripting", 0)) for i in bootup), key=lambda x: -x[1])
    return {
        "score": round(100 * (report["categories"]["performance"]["score"] or 0)),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "own_long_tasks": own_long,
        "search_index": any("search_index" in str(r.get("url", "")) for r in requests),
        "scripting": [(_short(url), round(ms)) for url, ms in scripting[:3]],
        "load": load(),
    }


def lighthouse_runs(ours_site, stock_site, rounds: int, temp: Path, pages: dict[str, str]) -> dict:
    """Lighthouse omväxlande; rapporterna sparas i benchmark-results/ (utanför git) för den som vill läsa mer."""
    results: dict = {}
    REPORTS.mkdir(parents=True, exist_ok=True)
    sites = {"ours": ours_site, "stock": stock_site}
    for round_number in range(rounds):
        for page_name, path in pages.items():
            order = ("ours", "stock") if round_number % 2 == 0 else ("stock", "ours")
            for name in order:
                out = REPORTS / f"lighthouse-{page_name}-{name}-{round_number + 1}.json"
                run = lighthouse(sites[name].base_url + path, out)
                if run is None:
                    continue
                results.setdefault((page_name, name), []).append(run)
                print(f"  Lighthouse {page_name} {name}: {run['score']} p, TBT {run['tbt']:.0f} ms", file=sys.stderr)
    return results


def alternated_builds(ours_site, stock_site, temp: Path, rounds: int) -> dict:
    configs = {"ours": ROOT / "mkdocs.yml", "stock": stock_config(temp)}
    sites = {"ours": ours_site, "stock": stock_site}
    runs: dict[str, list[tuple[float, float]]] = {"ours": [], "stock": []}
    for round_number in range(rounds):
        order = ("ours", "stock") if round_number % 2 == 0 else ("stock", "ours")
        for name in order:
            runs[name].append(build(configs[name], sites[name]))
    return runs


def latency_modes(playwright, ours, stock, project, clicks: int) -> dict:
    """Klicktiden i båda bildlägena (se modulens text): {"vsync": …, "obegransad": …}."""
    results = {}
    for mode, extra in FRAME_MODES.items():
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + extra)
        print(f"Svar → målad bildruta, {mode} ({clicks} klick per sajt) …", file=sys.stderr)
        results[mode] = answer_latency(browser, ours, stock, project, clicks)
        browser.close()
    return results


def browser_parts(playwright, ours, stock, project, clicks: int, first_visits: bool) -> dict:
    results: dict = {}
    if first_visits:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("Första besöket …", file=sys.stderr)
        results["first_visit"] = {
            (page_name, name): first_visit(browser, site, path)
            for page_name, path in PAGES.items()
            for name, site in (("ours", ours), ("stock", stock))
        }
        browser.close()
    if clicks:
        results["latency"] = latency_modes(playwright, ours, stock, project, clicks)
    return results


def measure(
    project,
    clicks: int = 300,
    lighthouse_rounds: int = 2,
    build_rounds: int = 3,
    first_visits: bool = True,
    pages: dict[str, str] | None = None,
) -> dict:
    """clicks=0 hoppar över klicken, lighthouse_rounds=0 Lighthouse; pages väljer Lighthouse-sidorna."""
    results: dict = {"first_visit": {}, "lighthouse": {}}
    temp = Path(tempfile.mkdtemp(prefix="sajtmatning-"))
    ours = gzip_server.reserve(temp / "var")
    stock = gzip_server.reserve(temp / "standard")
    try:
        print("Bygger (omväxlande) …", file=sys.stderr)
        results["builds"] = alternated_builds(ours, stock, temp, build_rounds)
        ours.start()
        stock.start()
        with sync_playwright() as playwright:
            results.update(browser_parts(playwright, ours, stock, project, clicks, first_visits))
        if LIGHTHOUSE.exists() and lighthouse_rounds:
            print("Lighthouse …", file=sys.stderr)
            results["lighthouse"] = lighthouse_runs(ours, stock, lighthouse_rounds, temp, pages or PAGES)
    finally:
        ours.stop()
        stock.stop()
        shutil.rmtree(temp, ignore_errors=True)
    return results


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def started() -> float:
    return time.perf_counter()

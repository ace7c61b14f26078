"""Sök som en användare: skriv i sajtens sökruta i Chromium och läs de första träffarnas sidor.

Används av sökbenchmarken (scripts/search_benchmark.py) och av testet för sökkvaliteten."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
QUERY_FILES = {
    "utveckling": ROOT / "tests" / "search_queries.yaml",
    "kontroll": ROOT / "tests" / "search_queries_kontroll.yaml",
    "kontroll2": ROOT / "tests" / "search_queries_kontroll2.yaml",
    "parafras": ROOT / "tests" / "search_queries_parafras.yaml",
}
RESULT_LINKS = ".md-search-result__item > .md-search-result__link"


def load_queries(name: str) -> list[dict]:
    return yaml.safe_load(QUERY_FILES[name].read_text(encoding="utf-8"))["fragor"]


def open_search(page: Page, base_url: str) -> None:
    page.goto(base_url.rstrip("/") + "/")
    page.locator(".md-search__input").click()


# Före sista tangenten: lyssna på sökrutans input och på ändringar i träfflistan.
WATCH_JS = """() => {
  const watch = {typed: null, last: null};
  document.querySelector('.md-search__input').addEventListener('input', e => {
    watch.typed = e.timeStamp; watch.last = null;
  });
  watch.observer = new MutationObserver(() => { watch.last = performance.now(); });
  watch.observer.observe(document.querySelector('.md-search-result'),
                         {childList: true, subtree: true, characterData: true});
  window.__svSearchWatch = watch;
}"""
# Listan är klar när den har ändrats efter sista tangenten och sedan varit stilla i `quiet` ms (Material
# ritar den stegvis), eller när den inte ändrats alls på 1,5 s (samma träffar som förut).
SETTLED_JS = """(quiet) => {
  const watch = window.__svSearchWatch, now = performance.now();
  if (watch.typed === null) return false;
  const meta = document.querySelector('.md-search-result__meta');
  const ready = document.querySelector('.md-search-result__item') || (meta && meta.textContent.includes('Inga'));
  const settled = watch.last === null ? now - watch.typed >= 1500 : now - watch.last >= quiet;
  if (!ready || !settled) return false;
  watch.observer.disconnect();
  return (watch.last === null ? 0 : watch.last - watch.typed) / 1000;
}"""
QUIET_MS = 250


def top_pages(page: Page, query: str, count: int = 3) -> tuple[list[str], float]:
    """Skriv frågan i sökrutan. Returnerar de första träffarnas sidor (utan #) och svarstiden i sekunder:
    från sista tangenten tills träfflistan har slutat ändras."""
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query[:-1])
    page.evaluate(WATCH_JS)
    page.keyboard.type(query[-1])
    try:
        elapsed = page.wait_for_function(SETTLED_JS, arg=QUIET_MS, polling=50, timeout=10_000).json_value()
    except PlaywrightTimeout as error:
        raise PlaywrightTimeout(f"ingen stabil träfflista för {query!r}") from error
    pages: list[str] = []
    for href in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)"):
        path = urlsplit(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:count], elapsed


def is_hit(found: list[str], expected: list[str]) -> bool:
    return any(page.startswith(want) for page in found for want in expected)


@dataclass
class Score:
    hits: int = 0
    total: int = 0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


def run_queries(page: Page, queries: list[dict]) -> Score:
    score = Score(total=len(queries))
    for item in queries:
        found, elapsed = top_pages(page, item["q"])
        score.times.append(elapsed)
        if is_hit(found, item["sidor"]):
            score.hits += 1
        else:
            score.misses.append((item["q"], found))
    return score

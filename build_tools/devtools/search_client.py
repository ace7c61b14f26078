"""Sök som en användare: skriv i sajtens sökruta i Chromium och läs de första träffarnas sidor.

Används av sökbenchmarken (scripts/search_benchmark.py) och av testet för sökkvaliteten."""

from __future__ import annotations

import time
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


def top_pages(page: Page, query: str, count: int = 3) -> tuple[list[str], float]:
    """Skriv frågan i sökrutan. Returnerar de första träffarnas sidor (utan #) och svarstiden i sekunder:
    från sista tangenten tills träfflistan har slutat ändras."""
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query[:-1])
    started = time.perf_counter()
    page.keyboard.type(query[-1])
    # Material ritar listan stegvis; vänta tills de första träffarna har varit desamma några gånger.
    previous, stable, settled, deadline = None, 0, started, time.perf_counter() + 10
    while stable < 3:
        if time.perf_counter() > deadline:
            raise PlaywrightTimeout(f"ingen stabil träfflista för {query!r}")
        page.wait_for_timeout(100)
        current = page.locator(RESULT_LINKS).evaluate_all("els => els.slice(0, 5).map(e => e.href)")
        meta = page.locator(".md-search-result__meta").inner_text()
        ready = bool(current) or "Inga" in meta
        if ready and current == previous:
            stable += 1
        else:
            stable, settled = 0, time.perf_counter()
        previous = current
    pages: list[str] = []
    for href in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)"):
        path = urlsplit(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:count], settled - started


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

"""Chromium via Playwright, en webbläsare per testkörning. Varje sida får ett vakt-lager som stoppar
och noterar alla anrop till andra värdar än loopback, och samlar skriptfel och konsolfel (t.ex. när
Content-Security-Policy stoppar något), så att ett test kan kräva att inget sådant händer."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from build_tools.devtools.browser_setup import CHROMIUM, CHROMIUM_ARGS
from build_tools.devtools.site_server import ServedSite, build_and_serve, fixture_project

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass
class RequestLog:
    foreign: list[str] = field(default_factory=list)
    all: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _guard(context: BrowserContext, log: RequestLog) -> None:
    def handle(route):
        url = route.request.url
        log.all.append(url)
        scheme = urlsplit(url).scheme
        host = urlsplit(url).hostname or ""
        if scheme in ("data", "blob", "about", "file") or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            log.foreign.append(url)
            route.abort()

    context.route("**/*", handle)


@pytest.fixture
def requests_log() -> RequestLog:
    return RequestLog()


def _console(message, errors: list[str]) -> None:
    # Ett misslyckat anrop syns också som ett svar nedan, med adressen; här skulle det sakna adress.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


def _failed_response(response, errors: list[str]) -> None:
    if response.status >= 400:
        errors.append(f"HTTP {response.status}: {response.url}")


def _new_page(browser: Browser, log: RequestLog, **options) -> Page:
    context = browser.new_context(locale="sv-SE", viewport={"width": 1100, "height": 900}, **options)
    _guard(context, log)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda message: _console(message, errors))
    page.on("response", lambda response: _failed_response(response, errors))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    page.js_errors = errors  # type: ignore[attr-defined]
    return page


@pytest.fixture
def page(browser: Browser, requests_log: RequestLog):
    created = _new_page(browser, requests_log)
    yield created
    assert created.js_errors == [], created.js_errors  # type: ignore[attr-defined]
    assert requests_log.foreign == [], requests_log.foreign
    created.context.close()


@pytest.fixture(scope="module")
def shared_page(browser: Browser):
    """En flik som alla tester i en fil delar (samma vakter som `page`), när testerna är steg i ett
    och samma besök, t.ex. flera sökningar efter varandra."""
    log = RequestLog()
    created = _new_page(browser, log)
    yield created
    assert created.js_errors == [], created.js_errors  # type: ignore[attr-defined]
    assert log.foreign == [], log.foreign
    created.context.close()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> ServedSite:
    """Provguiden (tests/fixtures/walker) byggd med sajtens riktiga tema och konfiguration."""
    root = fixture_project("walker", tmp_path_factory.mktemp("walker"))
    site = build_and_serve(root / "mkdocs.yml", root / "site")
    yield site
    site.stop()


@pytest.fixture
def page_without_js(browser: Browser, requests_log: RequestLog):
    created = _new_page(browser, requests_log, java_script_enabled=False)
    yield created
    assert requests_log.foreign == [], requests_log.foreign
    created.context.close()

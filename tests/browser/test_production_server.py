"""Sajten som en stad visar den: byggd, komprimerad och visad av nginx (Debians paket) med samma
konfiguration som scripts/serve-prod.sh skriver (build_tools/adapters/hosting.py, deploy/nginx/).

- I Chromium, i ett svep: en guide från startsidan till ett resultat genom att klicka, en sökning
  och stadsdelssökningen, utan skriptfel och utan att policyn i HTTP-rubriken stoppar något.
- Över HTTP (loopback): säkerhetsrubrikerna, gzip, cachningen, 404-sidan och omdirigeringarna.
"""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.adapters.compress import compress_site
from build_tools.adapters.hosting import LocalNginx, project_rules, write_local_nginx
from build_tools.devtools.site_server import mkdocs_build, project_copy
from build_tools.render.markdown_text import to_plain_text
from tests.browser.test_deployed_site import walk_from_start_page
from tests.browser.test_districts import lookup
from tests.browser.walker import load_for_collection, wait_for_heading, wait_for_node

PROJECT = load_for_collection()
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        NGINX is None,
        reason="nginx saknas: installera Debians paket nginx (scripts/bootstrap.sh requirements-test.txt)",
    ),
]

# Skrivs i sidans konsol (och blir ett fel i testet) när webbläsaren stoppar något enligt policyn.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', e =>
    console.error('CSP stoppade ' + e.effectiveDirective + ': ' + e.blockedURI));
"""


@dataclass
class NginxSite:
    """Sajten i nginx. ``requests`` är sökvägarna i nginx egen åtkomstlogg (allt som nått servern)."""

    base_url: str
    port: int
    directory: Path
    access_log: Path

    @property
    def requests(self) -> list[str]:
        lines = self.access_log.read_text(encoding="utf-8").splitlines()
        return [m.group(1) for m in (re.search(r'"[A-Z]+ (\S+) HTTP', line) for line in lines) if m]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(port: int, process: subprocess.Popen, error_log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    log = error_log.read_text(encoding="utf-8") if error_log.exists() else ""
    raise AssertionError(f"nginx startade inte på port {port}:\n{log}")


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("nginx")
    root = project_copy(work)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    mkdocs_build(root / "mkdocs.yml", work / "site", base_url)
    compress_site(work / "site")
    rules = project_rules(root, base_url + "/")
    local = LocalNginx(work / "site", port, work / "nginx")
    config = write_local_nginx(rules, local)
    error_log = local.prefix / "logs" / "error.log"
    command = [NGINX, "-p", str(local.prefix), "-c", str(config), "-e", str(error_log)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(port, process, error_log)
        yield NginxSite(base_url, port, work / "site", local.prefix / "logs" / "access.log")
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert process.returncode == 0, process.stdout.read().decode() if process.stdout else ""


def fetch(site: NginxSite, path: str, gzip_ok: bool = False, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def hashed_bundle(site: NginxSite) -> str:
    bundle = next((site.directory / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", bundle.name)
    return "/" + bundle.relative_to(site.directory).as_posix()


def question_page() -> str:
    tree = next(iter(PROJECT.trees.values()))
    return f"/beslutsstod/{tree.id}/{tree.start}/"


# --- I webbläsaren ----------------------------------------------------------------------------------


def test_guide_search_and_district_lookup_in_one_visit(page, nginx_site):
    page.add_init_script(script=CSP_LISTENER)
    trees = list(PROJECT.trees.values())
    # En guide från startsidan till ett resultat (och inget svar i serverns logg).
    walk_from_start_page(page, nginx_site, trees[0])
    page.emulate_media(media="screen")  # vandringen slutar med att pröva utskriften
    # Sökningen, från resultatsidan: en träff öppnar ett resultat i en annan guide.
    other = trees[-1]
    outcome = other.outcomes[0]
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(to_plain_text(outcome.title))
    page.locator(f'.md-search-result__link[href*="/{other.id}/{outcome.id}/"]').first.click()
    wait_for_node(page, outcome.id)
    # Stadsdelssökningen, via menyn.
    page.locator(".md-nav a[href$='stadsdelar/']").first.evaluate("link => link.click()")
    page.wait_for_selector("[data-sv-lookup]:not([hidden])")
    results = lookup(page, "rinke")
    assert results and results[0].endswith("→ Järva"), results
    page.locator("#sv-lookup-results a").first.click()
    wait_for_heading(page, "Järva")
    # Hela vägen med snabbnavigeringen: sidan laddades bara en gång.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    # Sidfixturen kräver sedan att inga skript-, konsol- eller CSP-fel har uppstått.


def test_other_sites_cannot_frame_the_guide(browser, nginx_site):
    """frame-ancestors 'none' (bara i HTTP-rubriken; en <meta>-policy kan inte bära den)."""
    context = browser.new_context()
    framing = context.new_page()
    with framing.expect_console_message(lambda m: "frame-ancestors" in m.text, timeout=10_000):
        framing.set_content(f'<iframe src="{nginx_site.base_url}/" title="Samverkansguiden"></iframe>')
    assert framing.frames[1].url != nginx_site.base_url + "/"
    context.close()


# --- Över HTTP --------------------------------------------------------------------------------------


def test_security_headers_on_pages_assets_and_errors(nginx_site):
    page = fetch(nginx_site, question_page())
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.body.decode()).group(1)
    for path in (question_page(), hashed_bundle(nginx_site), "/finns-inte/", "/stadsdelar/rinkeby-kista/"):
        response = fetch(nginx_site, path)
        policy = response.getheader("Content-Security-Policy") or ""
        directives = {d.strip() for d in policy.split(";")}
        assert "frame-ancestors 'none'" in directives, (path, policy)
        # Samma policy som sidornas <meta> (en källa), plus frame-ancestors.
        assert directives - {"frame-ancestors 'none'"} == {d.strip() for d in meta.split(";")}, path
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "no-referrer"


@pytest.mark.parametrize("kind", ["html", "js"])
def test_html_and_javascript_are_gzipped(nginx_site, kind):
    path = question_page() if kind == "html" else hashed_bundle(nginx_site)
    file = nginx_site.directory / (path.strip("/") + ("/index.html" if kind == "html" else ""))
    packed = fetch(nginx_site, path, gzip_ok=True)
    assert packed.status == 200
    assert packed.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in (packed.getheader("Vary") or "")
    assert gzip.decompress(packed.body) == file.read_bytes()
    plain = fetch(nginx_site, path)
    assert plain.getheader("Content-Encoding") is None
    assert plain.body == file.read_bytes()


def test_hashed_assets_are_cached_for_a_year_and_pages_are_revalidated(nginx_site):
    asset = fetch(nginx_site, hashed_bundle(nginx_site)).getheader("Cache-Control") or ""
    assert "immutable" in asset and "max-age=31536000" in asset
    for path in (question_page(), "/", "/assets/samverkan/walker.js", "/search/search_index.json"):
        response = fetch(nginx_site, path)
        assert response.status == 200, path
        assert response.getheader("Cache-Control") == "no-cache", path


def test_a_page_is_revalidated_not_downloaded_again(nginx_site):
    first = fetch(nginx_site, question_page(), gzip_ok=True)
    tag = first.getheader("ETag")
    assert tag
    again = fetch(nginx_site, question_page(), gzip_ok=True, If_None_Match=tag)
    assert again.status == 304 and again.body == b""


def test_a_folder_without_a_slash_redirects_to_the_page(nginx_site):
    """Sidornas länkar är relativa: /stadsdelar utan snedstreck får inte visa sidan själv."""
    response = fetch(nginx_site, "/stadsdelar")
    assert response.status == 301
    assert response.getheader("Location") == "/stadsdelar/"


def test_a_missing_page_gets_the_sites_404_page_with_status_404(nginx_site):
    response = fetch(nginx_site, "/beslutsstod/finns-inte/")
    assert response.status == 404
    assert response.body == (nginx_site.directory / "404.html").read_bytes()
    assert "Sidan finns inte" in response.body.decode()


@pytest.mark.parametrize(
    ("old", "new"), [(f.slug, d.slug) for d in PROJECT.districts for f in d.former_names], ids=lambda s: s
)
def test_retired_district_names_are_permanent_redirects(nginx_site, old, new):
    for path in (f"/stadsdelar/{old}/", f"/stadsdelar/{old}"):
        response = fetch(nginx_site, path)
        assert response.status == 301, path
        assert response.getheader("Location") == f"/stadsdelar/{new}/"
    assert fetch(nginx_site, f"/stadsdelar/{new}/").status == 200

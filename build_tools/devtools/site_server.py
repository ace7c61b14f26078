"""Bygg en sajt med den riktiga konfigurationen och visa den på sin egen site_url.

Materials snabbnavigering (navigation.instant) fungerar bara när sidan visas på adressen i
site_url. Därför reserveras porten först, sajten byggs med SITE_URL satt till just den adressen,
och först därefter börjar servern svara. Servern loggar varje anrop (sökväg och frågesträng,
precis som en riktig webbservers logg), så att testerna kan visa att inga svar når servern.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ServedSite:
    """En byggd sajt som visas på loopback. ``requests`` är serverns logg: allt som skickats dit."""

    directory: Path
    base_url: str
    requests: list[str] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


class _Handler(SimpleHTTPRequestHandler):
    """Som en vanlig webbserver för statiska sajter: okända adresser får sajtens 404.html.

    Med ``prefix`` (t.ex. "/mr-123") ligger sajten i en undermapp, som en förhandsvisning per
    ändringsförslag: bara adresser under undermappen svarar, allt annat är 404."""

    log: list[str]
    prefix: str = ""

    def translate_path(self, path):
        if self.prefix:
            if not (path == self.prefix or path.startswith(self.prefix + "/")):
                return str(Path(self.directory) / "utanfor-undermappen" / "finns-inte")
            path = path[len(self.prefix) :] or "/"
        return super().translate_path(path)

    def log_message(self, format, *args):
        pass

    def log_request(self, code="-", size="-"):
        self.log.append(self.path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        self.log.append(self.path)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def reserve_server(directory: Path, prefix: str = "") -> ServedSite:
    """Öppna en server på en ledig port (den svarar först när ``start`` anropas).

    ``prefix`` ("/mr-123") lägger sajten i en undermapp; ``base_url`` slutar då med den."""
    log: list[str] = []
    prefix = prefix.rstrip("/")
    handler_class = type("Handler", (_Handler,), {"log": log, "prefix": prefix})
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    return ServedSite(directory, f"http://127.0.0.1:{server.server_address[1]}{prefix}", log, server)


def start(site: ServedSite) -> ServedSite:
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    return site


def mkdocs_build(config: Path, site_dir: Path, site_url: str, generator: str = "mkdocs") -> None:
    """Kör ``mkdocs build --strict`` som i produktion, men med ``site_url`` satt till testserverns adress.

    ``generator`` kan också vara ``properdocs`` (en fortsättning på MkDocs 1.x som läser samma
    konfiguration och kör samma krokar), så att sajten visas fungera även efter Material for MkDocs."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url + "/")
    command = [sys.executable, "-m", generator, "build", "--strict", "--quiet"]
    result = subprocess.run(
        [*command, "-f", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"{generator} build misslyckades:\n" + result.stdout + result.stderr)


def build_and_serve(config: Path, site_dir: Path, generator: str = "mkdocs", prefix: str = "") -> ServedSite:
    site = reserve_server(site_dir, prefix)
    mkdocs_build(config, site_dir, site.base_url, generator)
    return start(site)


def fixture_project(name: str, target: Path) -> Path:
    """Ett litet projekt för motorns beteende: fixturens innehåll, sajtens riktiga tema och kod.

    Konfigurationen är den riktiga mkdocs.yml, med en navigering som passar fixturen."""
    source = ROOT / "tests" / "fixtures" / name
    root = target / name
    shutil.copytree(source, root)
    for folder in ("overrides", "schemas"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "build_tools").symlink_to(ROOT / "build_tools")
    (root / "build" / "docs").mkdir(parents=True)
    for folder in ("decision_trees", "data", "docs", "guides"):  # mkdocs.yml bevakar dem
        (root / folder).mkdir(exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*", "nav:\n  - Start: index.md\n  - Beslutsstöd: beslutsstod/index.md\n", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def project_copy(target: Path) -> Path:
    """En kopia av projektet (innehåll, tema, konfiguration; koden länkad), så att varje bygge i
    testerna har sin egen build/docs/ och flera byggen kan köras samtidigt."""
    root = target / "projekt"
    root.mkdir(parents=True)
    for folder in ("decision_trees", "data", "guides", "docs", "schemas", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copy2(ROOT / name, root / name)
    (root / "build_tools").symlink_to(ROOT / "build_tools")
    (root / "build" / "docs").mkdir(parents=True)
    return root

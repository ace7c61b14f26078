"""Gemensamma fixturer: det byggda projektet och en webbserver på loopback."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from build_tools.model import Project
from build_tools.project import Layout, load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project() -> Project:
    loaded, report = load_project(Layout(ROOT), dt.date.today())
    assert report.ok, "\n".join(d.format(ROOT) for d in report.errors)
    return loaded


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Bygg hela sajten en gång med MkDocs, som i produktion."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    """Som en vanlig webbserver för statiska sajter: okända adresser får sajtens 404.html."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """Servera den byggda sajten på 127.0.0.1 med en ledig port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()

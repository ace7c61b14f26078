"""En liten webbserver på loopback som skickar sajten gzip-komprimerad, som en riktig webbserver gör.

Bara för mätningarna (scripts/site_benchmark.py): den räknar hur många byte som faktiskt skickades
för varje anrop, så att "första besöket" mäts i de byte en besökare får, inte i okomprimerade filer.
Text (HTML, CSS, JS, JSON, SVG, XML) komprimeras med gzip nivå 6, som nginx och Apache brukar.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


@dataclass
class Sent:
    path: str
    status: int
    raw: int
    sent: int


@dataclass
class GzipSite:
    """En sajt som visas på ``base_url``. ``log`` är allt servern skickat, i ordning."""

    directory: Path
    base_url: str
    log: list[Sent] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def start(self) -> GzipSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def mark(self) -> int:
        return len(self.log)

    def since(self, mark: int) -> list[Sent]:
        return self.log[mark:]


class _Handler(SimpleHTTPRequestHandler):
    site: GzipSite
    cache: dict[Path, bytes]

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self._send(301, b"", {"Location": self.path.split("?")[0] + "/"})
                return
            path = path / "index.html"
        if not path.is_file():
            missing = Path(self.directory) / "404.html"
            body = missing.read_bytes() if missing.exists() else b"Not found"
            self._send(404, body, {"Content-Type": "text/html; charset=utf-8"}, compress=True)
            return
        body = path.read_bytes()
        self._send(
            200, body, {"Content-Type": self.guess_type(str(path))}, compress=path.suffix in COMPRESSIBLE, key=path
        )

    def _send(self, status: int, body: bytes, headers: dict, compress: bool = False, key: Path | None = None):
        raw = len(body)
        if compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            packed = self.cache.get(key) if key is not None else None
            if packed is None:
                packed = gzip.compress(body, compresslevel=6, mtime=0)
                if key is not None:
                    self.cache[key] = packed
            body = packed
            headers = {**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body)), "Cache-Control": "no-cache"}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.site.log.append(Sent(self.path, status, raw, len(body)))


def reserve(directory: Path) -> GzipSite:
    """En server på en ledig port; den svarar först efter ``start()`` (bygg sajten med dess adress först)."""
    site = GzipSite(directory, "")
    handler = type("Handler", (_Handler,), {"site": site, "cache": {}})

    def factory(*args, **kwargs):
        return handler(*args, directory=str(directory), **kwargs)

    site.server = ThreadingHTTPServer(("127.0.0.1", 0), factory)
    site.base_url = f"http://127.0.0.1:{site.server.server_address[1]}"
    return site

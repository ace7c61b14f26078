"""En ändrad mall syns i den körande förhandsvisningen, på varje sida som byggs av mallen.

Förhandsvisningen (``mkdocs serve``, som scripts/serve.sh kör) körs med den riktiga konfigurationen på
loopback, i en kopia av projektet med en egen kopia av byggverktyget. Testet ändrar utfallsmallen och
hämtar sedan varje utfallssida över HTTP tills alla har ändringen (med en övre gräns för väntan).
Guidernas sidor ligger i cachen (build/cache/sidor/); ändras mallen ska de byggas om, inte visas gamla.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_tools.devtools.site_server import ROOT, project_copy
from build_tools.domain.model import Outcome
from tests.content import real_project

TEMPLATE = Path("build_tools") / "render" / "templates" / "outcome.html.j2"
OLD = '<div class="sv-print-header" data-sv-print-header hidden></div>'
MARK = "data-sv-provmarkering"
TIMEOUT = 600  # sekunder; maskinen kan vara hårt belastad. Det är en gräns, inget mått på hastighet.


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait_until(check, what: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stannade medan testet väntade på {what}")
        if check():
            return
        time.sleep(0.5)
    pytest.fail(f"{what} syntes inte inom {TIMEOUT} s")


@pytest.fixture
def preview(tmp_path):
    root = project_copy(tmp_path)
    (root / "build_tools").unlink()  # testet ändrar en mall: en egen kopia av koden, inte länken
    shutil.copytree(ROOT / "build_tools", root / "build_tools", ignore=shutil.ignore_patterns("__pycache__"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield root, base, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_template_edit_shows_on_every_outcome_page_in_the_running_preview(preview):
    root, base, server = preview
    project = real_project()
    outcomes = [
        f"{base}beslutsstod/{tree.id}/{node.id}/"
        for tree in project.trees.values()
        for node in tree.nodes.values()
        if isinstance(node, Outcome)
    ]
    assert len(outcomes) > 20
    _wait_until(lambda: (_get(outcomes[0]) or "").find("sv-print-header") >= 0, "första bygget", server)
    assert all(MARK not in (_get(url) or "") for url in outcomes)

    template = root / TEMPLATE
    text = template.read_text(encoding="utf-8")
    assert OLD in text
    new = f'<div class="sv-print-header" data-sv-print-header {MARK} hidden></div>'
    template.write_text(text.replace(OLD, new, 1), "utf-8")

    stale = list(outcomes)

    def all_changed() -> bool:
        stale[:] = [url for url in stale if MARK not in (_get(url) or "")]
        return not stale

    _wait_until(all_changed, "ändringen på alla utfallssidor", server)
    question = f"{base}beslutsstod/{next(iter(project.trees.values())).id}/"
    assert MARK not in (_get(question) or "")  # bara sidorna som byggs av mallen ändrades

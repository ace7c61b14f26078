"""Provbygge med Zensical (efterträdaren till Material for MkDocs): vad fungerar, och vad skiljer?

    .venv/bin/python scripts/zensical_trial.py      # eller: scripts/benchmark.py --zensical

Zensical installeras i en egen miljö (build/zensical-venv) i en låst version. Den läser mkdocs.yml men
kör inga MkDocs-krokar, så kärnans steg körs före och efter: `python -m build_tools build` (sidorna i
build/docs/) och, om Zensical skriver Materials sökindex, `python -m build_tools sokindex`. Bygget görs i
en kopia av projektet. Inget här är ett test; raderna beskriver läget.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.check.site_links import check_site  # noqa: E402

ZENSICAL = "zensical==0.0.73"  # den senaste som går att installera här (0.1.x kräver ett paket som saknas)
VENV = ROOT / "build" / "zensical-venv"


def ensure_zensical() -> Path:
    binary = VENV / "bin" / "zensical"
    stamp = VENV / ".installerat"
    if not binary.exists() or not stamp.exists() or stamp.read_text() != ZENSICAL:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", ZENSICAL], check=True)
        stamp.write_text(ZENSICAL)
    return binary


def trial() -> list[str]:
    lines: list[str] = []
    binary = ensure_zensical()
    with tempfile.TemporaryDirectory(prefix="zensical-") as temp:
        copy = Path(temp) / "projekt"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "offline"))
        (copy / "build" / "docs").mkdir(parents=True)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")
        subprocess.run(
            [sys.executable, "-m", "build_tools", "build", "--tyst", "--rot", str(copy)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        started = time.perf_counter()
        result = subprocess.run(
            [str(binary), "build", "--strict", "-f", "mkdocs.yml"], cwd=copy, env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        site = copy / "site"
        lines.append(
            f"{ZENSICAL}: bygget {'gick igenom' if result.returncode == 0 else 'misslyckades'} "
            f"(--strict) på {seconds:.1f} s."
        )
        if result.returncode != 0:
            lines.append("Felet: " + (result.stderr or result.stdout).strip().splitlines()[-1][:200])
            return lines
        pages = sorted(site.rglob("index.html"))
        lines.append(
            f"Sidor: {len(pages)} (samma som build/docs/: {len(list((copy / 'build' / 'docs').rglob('*.md')))} "
            "Markdown-filer)."
        )
        checked, broken, inline = check_site(site)
        lines.append(f"Interna länkar: {checked} kontrollerade, {len(broken)} trasiga.")
        lines.extend(f"  trasig: {b}" for b in broken[:5])
        lines.append(
            f"Inbäddade skript som sajtens CSP stoppar: {len(inline)} ({inline[0][:70] + ' …' if inline else 'inga'})."
        )
        csp = sum("Content-Security-Policy" in p.read_text(encoding="utf-8") for p in pages)
        lines.append(f"Sidor med sajtens CSP (overrides/main.html används): {csp} av {len(pages)}.")
        if (site / "search" / "search_index.json").exists():
            subprocess.run(
                [sys.executable, "-m", "build_tools", "sokindex", str(site), "--rot", str(copy)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            lines.append("Sökindexet är Materials format: de svenska sökorden lades till med sokindex.")
        else:
            found = sorted(p.relative_to(site).as_posix() for p in site.glob("search*"))
            lines.append(
                f"Sökindexet har ett annat format ({', '.join(found) or 'inget'}): de svenska sökorden "
                "(build_tools sokindex) läggs inte till ännu, och search-query.js kopplar in sig i "
                "Materials sökning, inte Zensicals."
            )
        storage = sum("localStorage" in p.read_text(encoding="utf-8") for p in site.rglob("*.js"))
        lines.append(
            f"Skriptfiler som nämner localStorage: {storage} (md-scope.js gör Materials __md_set verkningslös; "
            "Zensicals egna skript behöver granskas)."
        )
        lines.append("Krokarna i mkdocs.yml körs inte: förhandsvisningens felruta och sidfotens källfil saknas.")
    return lines


if __name__ == "__main__":
    for line in trial():
        print(line)

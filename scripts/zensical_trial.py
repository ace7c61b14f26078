"""Provbygge med Zensical (efterträdaren till Material for MkDocs): vad fungerar, och vad saknas?

    .venv/bin/python scripts/zensical_trial.py      # eller: scripts/benchmark.py --zensical

scripts/test.sh kör det som ett röktest: sviten stoppar om Zensical inte kan bygga sajten, men inte
för det som Zensical ännu saknar (det skrivs bara ut, under "Saknas med Zensical").

Zensical är låst i requirements-test.txt (versionen läses därifrån) och installeras med testerna.
Den läser mkdocs.yml men kör inga MkDocs-krokar; bygget görs därför med Zensical-adaptern
(`python -m build_tools.adapters.zensical`), i en kopia av projektet.
"""

from __future__ import annotations

import importlib.metadata
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

from build_tools.adapters.zensical import GAPS  # noqa: E402
from build_tools.check.site_links import check_site  # noqa: E402

REQUIREMENTS = ROOT / "requirements-test.txt"


def pinned_zensical() -> str:
    """Den låsta versionen, t.ex. 'zensical==0.0.73' (0.1.x kräver zensical-ui, som inte går att installera)."""
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("zensical=="):
            return line.strip()
    raise SystemExit("requirements-test.txt låser ingen version av zensical.")


ZENSICAL = pinned_zensical()
# Provbygget läser innehållet som en fast dag (samma som testerna), så att det inte beror på klockan.
TRIAL_DAY = "2026-12-07"
BUILT = f"{ZENSICAL}: bygget gick igenom"


def ensure_zensical() -> Path:
    """Zensical i samma miljö som testerna, i den låsta versionen."""
    binary = Path(sys.executable).with_name("zensical")
    try:
        installed = importlib.metadata.version("zensical")
    except importlib.metadata.PackageNotFoundError:
        installed = ""
    if not binary.exists() or f"zensical=={installed}" != ZENSICAL:
        raise SystemExit(
            f"{ZENSICAL} är inte installerad (hittade {installed or 'ingen'}). "
            "Kör: bash scripts/bootstrap.sh requirements-test.txt"
        )
    return binary


def trial() -> list[str]:
    """Raderna som beskriver läget. Den första säger om bygget gick igenom."""
    lines: list[str] = []
    binary = ensure_zensical()
    with tempfile.TemporaryDirectory(prefix="zensical-") as temp:
        copy = Path(temp) / "projekt"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "offline"))
        (copy / "build" / "docs").mkdir(parents=True)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "build_tools.adapters.zensical",
                "--rot",
                str(copy),
                "--idag",
                TRIAL_DAY,
                "--zensical",
                str(binary),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        site = copy / "site"
        outcome = BUILT if result.returncode == 0 else f"{ZENSICAL}: bygget misslyckades"
        lines.append(f"{outcome} (--strict, med kärnans steg före och efter) på {seconds:.1f} s.")
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
            lines.append("Sökindexet är Materials format: adaptern lade till de svenska sökorden.")
        else:
            found = sorted(p.relative_to(site).as_posix() for p in site.glob("search*"))
            lines.append(
                f"Sökindexet har ett annat format ({', '.join(found) or 'inget'}): de svenska sökorden "
                "läggs inte till ännu, och search-query.js kopplar in sig i Materials sökning, inte Zensicals."
            )
        storage = sum("localStorage" in p.read_text(encoding="utf-8") for p in site.rglob("*.js"))
        lines.append(
            f"Skriptfiler som nämner localStorage: {storage} (md-scope.js gör Materials __md_set verkningslös; "
            "Zensicals egna skript behöver granskas)."
        )
        lines.append("Krokarna i mkdocs.yml körs inte: förhandsvisningens felruta och sidfotens källfil saknas.")
        lines.append("Saknas med Zensical:")
        lines.extend(f"  - {gap}" for gap in GAPS)
    return lines


def main() -> int:
    lines = trial()
    for line in lines:
        print(line)
    return 0 if lines[0].startswith(BUILT) else 1


if __name__ == "__main__":
    raise SystemExit(main())

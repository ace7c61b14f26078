"""Sätter versionstaggen ur pyproject.toml: ``python scripts/release_tag.py [--kontroll]``.

Så här ger man ut en version:

1. Ändra ``version`` i pyproject.toml (t.ex. "0.3.0").
2. Byt rubriken "## [Ej utgiven]" i CHANGELOG.md mot "## [0.3.0] – ÅÅÅÅ-MM-DD" och lägg en ny, tom
   "## [Ej utgiven]" överst.
3. Checka in båda filerna och kör skriptet. Det skapar den annoterade taggen ``v0.3.0`` på HEAD.
4. Skicka taggen: ``git push origin v0.3.0``.

Skriptet vägrar om arbetskopian har ändringar som inte är incheckade, om taggen redan finns eller om
CHANGELOG.md saknar ett avsnitt för versionen. Med ``--kontroll`` görs bara kontrollerna.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def version_of(root: Path) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def problems(root: Path, version: str) -> list[str]:
    found = []
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        found.append(f"Versionen {version!r} i pyproject.toml är inte på formen X.Y.Z.")
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    if not re.search(rf"^## \[{re.escape(version)}\]", changelog, flags=re.MULTILINE):
        found.append(f"CHANGELOG.md har inget avsnitt '## [{version}]'.")
    if git(root, "status", "--porcelain", "--untracked-files=no").strip():
        found.append("Arbetskopian har ändringar som inte är incheckade.")
    if git(root, "tag", "--list", f"v{version}").strip():
        found.append(f"Taggen v{version} finns redan.")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sätter versionstaggen ur pyproject.toml.")
    parser.add_argument("--kontroll", action="store_true", help="kontrollera bara, sätt ingen tagg")
    parser.add_argument("--rot", type=Path, default=Path(__file__).resolve().parent.parent, help="projektets rot")
    args = parser.parse_args(argv)
    version = version_of(args.rot)
    found = problems(args.rot, version)
    for problem in found:
        print(f"fel: {problem}", file=sys.stderr)
    if found:
        return 1
    if args.kontroll:
        print(f"v{version} kan taggas.")
        return 0
    git(args.rot, "tag", "-a", f"v{version}", "-m", f"Samverkansguiden {version}")
    print(f"Taggen v{version} är satt på {git(args.rot, 'rev-parse', '--short', 'HEAD').strip()}.")
    print(f"Skicka den med: git push origin v{version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Bygget bredvid Material standard, och check vid många guider, i CPU-tid. Körs via scripts/engine_benchmark.py.

Inget här är ett test: siffrorna skrivs ut, med datorns belastning (load average) bredvid varje siffra.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

COPIED = ("decision_trees", "data", "guides", "docs", "schemas", "overrides")


@dataclass(frozen=True)
class Run:
    cpu: float
    load: float  # load average (1 minut) när körningen slutade


def _cpu_of(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} misslyckades:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, os.getloadavg()[0])


def _project(code: Path, target: Path) -> Path:
    """En kopia av innehållet med koden länkad, så att projektets egen build/ inte rörs."""
    root = target / "projekt"
    root.mkdir(parents=True)
    for folder in COPIED:
        shutil.copytree(code / folder, root / folder)
    shutil.copy2(code / "mkdocs.yml", root / "mkdocs.yml")
    (root / "build_tools").symlink_to(code / "build_tools")
    (root / "build" / "docs").mkdir(parents=True)
    (root / "build" / "docs" / ".gitkeep").touch()
    return root


def stock_config(root: Path) -> Path:
    """Samma konfiguration utan sajtens tillägg (som scripts/site_benchmark.py): Material som det kommer,
    på samma genererade sidor i build/docs/."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "extra_css", "extra_javascript", "watch"):
        text = re.sub(rf"(?ms)^{block}:\n(  - .*?\n)+", "", text)
    text = text.replace("  custom_dir: overrides\n", "")
    config = root / "mkdocs-standard.yml"
    config.write_text(text, encoding="utf-8")
    return config


def _make_cold(root: Path) -> None:
    shutil.rmtree(root / "build" / "cache", ignore_errors=True)
    docs = root / "build" / "docs"
    for path in docs.iterdir():
        if path.is_dir():
            shutil.rmtree(path)
        elif path.name != ".gitkeep":
            path.unlink()


def compare_with_stock(code: Path, rounds: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="bygg-mot-standard-"))
    root = _project(code, work)
    stock = stock_config(root)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    commands = {
        "vårt, kallt": [*mkdocs, "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(work / "vart")],
        "vårt, varmt": [*mkdocs, "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(work / "vart")],
        "standard": [*mkdocs, "-f", str(stock), "-d", str(work / "standard")],
    }
    _cpu_of(commands["vårt, varmt"], root, env)  # uppvärmning: build/docs finns för standardbygget
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for number in range(rounds):
        order = list(commands) if number % 2 == 0 else list(reversed(commands))
        for name in order:
            if name == "vårt, kallt":
                _make_cold(root)
            runs[name].append(_cpu_of(commands[name], root, env))
            print(f"varv {number + 1}: {name:12} {runs[name][-1].cpu:6.2f} s CPU (load {runs[name][-1].load:.1f})")
    _print_ratios(runs)
    shutil.rmtree(work, ignore_errors=True)


def _print_ratios(runs: dict[str, list[Run]]) -> None:
    stock = runs["standard"]
    print(f"\n{os.cpu_count()} kärnor. CPU-tid, median (min); kvot mot standard: median av varvens kvoter")
    for name, values in runs.items():
        cpus = [r.cpu for r in values]
        loads = ", ".join(f"{r.load:.1f}" for r in values)
        ratios = [r.cpu / s.cpu for r, s in zip(values, stock, strict=True)]
        print(
            f"| {name:12} | {statistics.median(cpus):6.2f} s ({min(cpus):.2f}) | "
            f"{statistics.median(ratios):4.2f}× | load {loads} |"
        )


def check_at(n: int, rounds: int, code: Path) -> None:
    """check vid n genererade guider: första gången (utan cache) och igen (med cachen)."""
    from scripts.synthetic_content import generate

    work = Path(tempfile.mkdtemp(prefix="check-"))
    root = generate(work / f"synt-{n}", n, source=code)
    command = [sys.executable, "-m", "build_tools", "check", "--tyst", "--rot", str(root)]
    env = dict(os.environ)
    for number in range(rounds):
        shutil.rmtree(root / "build", ignore_errors=True)
        cold = _cpu_of(command, code, env)
        warm = _cpu_of(command, code, env)
        print(
            f"varv {number + 1}: check vid {n} guider: kallt {cold.cpu:5.2f} s CPU (load {cold.load:.1f}), "
            f"varmt {warm.cpu:5.2f} s CPU (load {warm.load:.1f})"
        )
    shutil.rmtree(work, ignore_errors=True)

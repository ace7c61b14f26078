#!/usr/bin/env bash
# Installerar det testerna behöver (Python-paket och Debians Chromium) och kör alla kontroller och tester.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements-test.txt
export NO_MKDOCS_2_WARNING=1
PY=.venv/bin/python

echo "== ruff (format och lint)"
.venv/bin/ruff format --check .
.venv/bin/ruff check .

echo "== innehållskontroll"
$PY -m build_tools check --tyst

echo "== mkdocs build --strict"
.venv/bin/mkdocs build --strict --quiet

echo "== pytest"
$PY -m pytest "$@"

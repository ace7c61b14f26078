#!/usr/bin/env bash
# Installerar allt som behövs och visar sajten på http://127.0.0.1:8000/ (laddas om vid ändringar).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements.txt
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m build_tools check
export SITE_URL="${SITE_URL:-http://127.0.0.1:8000/}"
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

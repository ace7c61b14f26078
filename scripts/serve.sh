#!/usr/bin/env bash
# Installerar allt som behövs och visar sajten på http://127.0.0.1:8000/ (laddas om när du sparar).
# Har innehållet fel visas de överst på sidorna i webbläsaren (och här); rätta och spara igen.
# Annan port: PORT=8001 bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements.txt
export NO_MKDOCS_2_WARNING=1
PORT="${PORT:-8000}"
if ! .venv/bin/python -m build_tools check --tyst; then
  echo "Förhandsvisningen startar ändå och visar felen på sidorna."
fi
export SITE_URL="${SITE_URL:-http://127.0.0.1:${PORT}/}"
echo "Öppna http://127.0.0.1:${PORT}/ i webbläsaren. Avsluta med Ctrl+C."
exec .venv/bin/mkdocs serve --dev-addr "127.0.0.1:${PORT}"

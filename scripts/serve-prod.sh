#!/usr/bin/env bash
# Visar sajten som den ska visas i drift: bygger den, komprimerar filerna och startar nginx (Debians
# paket) med sajtens rubriker, cachning, 404-sida och omdirigeringar på http://127.0.0.1:8080/.
# nginx körs i förgrunden; pid, loggar och temporära filer hamnar i build/nginx/. Avsluta med Ctrl+C.
# Annan port: PORT=8081 bash scripts/serve-prod.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements.txt
NGINX="$(command -v nginx || true)"
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  echo "nginx saknas. Installera Debians paket: apt-get install nginx (eller kör scripts/bootstrap.sh requirements-test.txt)." >&2
  exit 1
fi
export NO_MKDOCS_2_WARNING=1
PORT="${PORT:-8080}"
export SITE_URL="http://127.0.0.1:${PORT}/"
.venv/bin/python -m build_tools check --tyst
.venv/bin/mkdocs build --strict --quiet
.venv/bin/python -m build_tools.adapters.hosting komprimera site
PREFIX="$PWD/build/nginx"
CONF="$(.venv/bin/python -m build_tools.adapters.hosting lokal --site site --port "$PORT" --prefix "$PREFIX")"
"$NGINX" -t -q -p "$PREFIX" -c "$CONF" -e "$PREFIX/logs/error.log"
echo "Öppna http://127.0.0.1:${PORT}/ i webbläsaren. Loggar: build/nginx/logs/. Avsluta med Ctrl+C."
# exec: nginx får Ctrl+C (SIGINT) och SIGTERM direkt och stänger då av sig.
exec "$NGINX" -p "$PREFIX" -c "$CONF" -e "$PREFIX/logs/error.log"

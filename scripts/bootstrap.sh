#!/usr/bin/env bash
# Skapar .venv och installerar Python-paketen ur en kravfil med exakta versioner.
# Användning: scripts/bootstrap.sh requirements.txt|requirements-test.txt
set -euo pipefail
cd "$(dirname "$0")/.."
REQ="${1:-requirements.txt}"

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Saknar apt-get: installera $* på annat sätt." >&2
    exit 1
  fi
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    $SUDO apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  echo "Installerar python3-venv ..."
  apt_install python3-venv
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi

# Installera bara om kravfilen ändrats sedan förra gången.
STAMP=".venv/.installed-$(basename "$REQ")"
if [ ! -f "$STAMP" ] || ! cmp -s "$REQ" "$STAMP" || { [ "$REQ" = requirements-test.txt ] && ! cmp -s requirements.txt .venv/.installed-requirements.txt; }; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$STAMP"
  [ "$REQ" = requirements-test.txt ] && cp requirements.txt .venv/.installed-requirements.txt
fi

if [ "$REQ" = requirements-test.txt ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installerar Chromium från Debian (för webbläsartesterna) ..."
  apt_install chromium
fi

if [ "$REQ" = requirements-test.txt ] && [ ! -x /usr/sbin/nginx ]; then
  echo "Installerar nginx från Debian (för testet av sajten i drift, scripts/serve-prod.sh) ..."
  apt_install nginx
fi

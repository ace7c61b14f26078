#!/usr/bin/env bash
# Bygger offlinepaketet: offline/samverkansguiden.zip. Packa upp det och öppna index.html – guiderna,
# stadsdelarna, ordlistan och sökningen fungerar utan nätverk (file://). Se build_tools/adapters/offline.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements.txt
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m build_tools check --tyst
rm -rf offline/site
.venv/bin/mkdocs build --strict --quiet -f mkdocs-offline.yml
.venv/bin/python -m build_tools.adapters.offline offline/site offline/samverkansguiden.zip

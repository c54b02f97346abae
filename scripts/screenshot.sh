#!/usr/bin/env bash
# Refresh the README picture exports/screenshot.png: the browser test of the seed graph, saving its
# screenshot there (the tests themselves only write to temporary folders).  Needs chromium
# (bash scripts/install.sh --test as root installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
KG_SCREENSHOT="$PWD/exports/screenshot.png" .venv/bin/python -m pytest -q -p no:cacheprovider \
  tests/export/test_browser.py -k seed_graph "$@"
git status --short exports/screenshot.png

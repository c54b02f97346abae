#!/usr/bin/env bash
# Install everything the tests need, then run them (slow ones included; the 10,000-article scale
# test only with -m scale), then ruff.  Fails when no test ran.
# A quick subset for development: .venv/bin/python -m pytest -m "not slow"
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
set +e
if [ $# -eq 0 ]; then set -- -m "not scale"; fi
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
[ $rc -eq 0 ] || exit $rc
# lint and formatting
.venv/bin/ruff check .
.venv/bin/ruff format --check .

#!/usr/bin/env bash
# Install tmru-kg into ./.venv (Python >= 3.11), with the test extra when asked:
#   bash scripts/install.sh [--test]
# With --test (and when run as root) it also installs the Debian packages the
# tests use: raptor2-utils (rapper) and chromium (headless browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ "${1:-}" = "--test" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  command -v rapper >/dev/null || need+=(raptor2-utils)
  command -v chromium >/dev/null || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing Debian packages: ${need[*]}"
    # wait (up to 5 minutes) for another apt/dpkg run to release its lock instead of failing at once
    lock=(-o DPkg::Lock::Timeout=300)
    apt-get "${lock[@]}" update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/kg --version

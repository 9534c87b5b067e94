#!/usr/bin/env bash
# The system packages the tests use: Chromium (Playwright drives it) and a PostgreSQL server
# (the production database path). Installed with apt when missing and allowed (root).
# CHROMIUM_PATH names another Chromium-based browser (e.g. Chrome on GitHub's runners).
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install them (e.g. sudo apt-get install -y ${missing[*]}) and run again." >&2
  exit 1
fi

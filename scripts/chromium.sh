#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). Installed here when
# missing and running as root (CI); otherwise the command to run is named.
set -euo pipefail
CHROMIUM="${VIGIE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "Chromium is missing: apt-get install -y chromium"
  apt-get update -qq && apt-get install -y -qq chromium
else
  echo "Chromium is missing at $CHROMIUM. Install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi

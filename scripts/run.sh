#!/usr/bin/env bash
# README command 1: set up, build and start the Opvangplanner desktop app.
#
# Headless machines (no DISPLAY) get an Xvfb server on :99. The app opens its database in the OS
# app-data folder (~/.local/share/nl.opvangplanner.desktop/opvangplanner.db) unless OPVANG_DB
# names another file; on an empty database it offers "Demodata laden".

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}"

bash scripts/setup.sh
printf '==> building the app (cargo build -p opvangplanner)\n'
cargo build --quiet -p opvangplanner </dev/null

# shellcheck source=scripts/display.sh
source scripts/display.sh
ensure_display
APP_PID=""
# shellcheck disable=SC2329 # called from the EXIT trap
stop_app() {
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
}
trap 'stop_app; stop_display' EXIT
trap 'exit 130' INT TERM

printf '==> starting Opvangplanner on display %s\n' "$DISPLAY"
# In the background, so Ctrl+C or a TERM stops the app and the Xvfb this script started.
"$CARGO_TARGET_DIR/debug/opvangplanner" "$@" </dev/null &
APP_PID=$!
status=0
wait "$APP_PID" || status=$?
APP_PID=""
exit "$status"

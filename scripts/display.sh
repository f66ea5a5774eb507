#!/usr/bin/env bash
# Sourced by run.sh and test.sh: gives headless machines an X display (Xvfb) for the app window.
#
# ensure_display [force]: without DISPLAY (or with "force") use :99, starting Xvfb there when no
# server runs yet; sets XVFB_PID when this shell started it, so the caller can stop it again.

XVFB_DISPLAY="${XVFB_DISPLAY:-:99}"
XVFB_PID=""

display_running() {
    local n="${1#:}"
    local lock="/tmp/.X${n}-lock"
    [[ -S "/tmp/.X11-unix/X${n}" && -f "$lock" ]] && kill -0 "$(tr -d ' ' <"$lock")" 2>/dev/null
}

ensure_display() {
    if [[ -n "${DISPLAY:-}" && "${1:-}" != force ]]; then
        return
    fi
    export DISPLAY="$XVFB_DISPLAY"
    if display_running "$DISPLAY"; then
        printf '==> using the running X server on %s\n' "$DISPLAY"
        return
    fi
    command -v Xvfb >/dev/null 2>&1 || { echo "Xvfb is missing (apt-get install xvfb)" >&2; return 1; }
    printf '==> starting Xvfb on %s\n' "$DISPLAY"
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 </dev/null &
    XVFB_PID=$!

    for _ in $(seq 1 100); do
        display_running "$DISPLAY" && return
        kill -0 "$XVFB_PID" 2>/dev/null || { echo "Xvfb on $DISPLAY exited at start" >&2; return 1; }
        sleep 0.1
    done
    echo "Xvfb on $DISPLAY did not come up within 10 s" >&2
    return 1
}

stop_display() {
    if [[ -n "$XVFB_PID" ]]; then
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
        XVFB_PID=""
    fi
}

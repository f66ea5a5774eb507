#!/usr/bin/env bash
# Installs what building, running and (with --test) testing Opvangplanner needs; safe to run again.
#
# Usage: bash scripts/setup.sh [--test]
#   always:  Debian packages for Tauri/WebKitGTK, ui/node_modules (npm ci), ui/dist (vite build)
#   --test:  also tauri-driver 2.1.0 and cargo-fuzz 0.13.1 (cargo install) and a Python venv with
#            selenium and pytest
# Nothing is asked on stdin. A second run does no network work when nothing changed.
# The compiled Rust lives in $CARGO_TARGET_DIR (default /var/tmp/opvangplanner-target), outside the
# clone, so a fresh clone reuses the compiled dependencies.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}"
VENV="${OPVANG_E2E_VENV:-$ROOT/.venv-e2e}"
TAURI_DRIVER_VERSION="2.1.0"
CARGO_FUZZ_VERSION="0.13.1"

# Debian packages: WebKitGTK and GTK headers for the build, Xvfb and WebKitWebDriver for headless
# runs and end-to-end tests, sqlite3 to inspect a database, locales for the nl_NL and en_GB
# locales the app runs WebKit and GTK in (date fields, file chooser).
APT_PACKAGES=(
    libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
    libssl-dev pkg-config file build-essential xvfb xauth webkit2gtk-driver sqlite3 locales
)
# The system locales of the app's languages (see src-tauri/src/commands/taal.rs).
LOCALES=(nl_NL.UTF-8 en_GB.UTF-8)

step() { printf '==> %s\n' "$*"; }
fail() {
    printf 'setup: %s\n' "$*" >&2
    exit 1
}

WITH_TEST=0
for arg in "$@"; do
    case "$arg" in
    --test) WITH_TEST=1 ;;
    *) fail "unknown argument $arg (usage: scripts/setup.sh [--test])" ;;
    esac
done

ensure_tools() {
    local tool missing=()
    for tool in cargo rustc node npm python3 git; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    ((${#missing[@]} == 0)) || fail "missing tools: ${missing[*]} (install Rust, Node 20.19+ and Python 3.10+ first)"
}

ensure_apt_packages() {
    local pkg missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        step "system packages present"
        return
    fi
    step "installing system packages: ${missing[*]}"
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 || fail "not root and no sudo; install: ${missing[*]}"
        sudo=(sudo -n)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq </dev/null
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

ensure_locales() {
    local loc missing=()
    for loc in "${LOCALES[@]}"; do
        # `locale -a` spells them in lower case without the dash: nl_NL.utf8.
        locale -a 2>/dev/null | grep -qix "${loc/UTF-8/utf8}" || missing+=("$loc")
    done
    if ((${#missing[@]} == 0)); then
        step "locales present: ${LOCALES[*]}"
        return
    fi
    step "generating locales: ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo -n)
    for loc in "${missing[@]}"; do
        grep -qx "$loc UTF-8" /etc/locale.gen 2>/dev/null ||
            echo "$loc UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    done
    "${sudo[@]}" locale-gen >/dev/null
}

ensure_node_modules() {
    local stamp="$ROOT/ui/node_modules/.opvang-lock.sha256"
    local want
    want="$(sha256sum "$ROOT/ui/package-lock.json" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        step "ui/node_modules up to date"
        return
    fi
    step "npm ci in ui/"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
    printf '%s\n' "$want" >"$stamp"
}

ensure_ui_build() {
    # The stamp lives outside ui/dist: everything in ui/dist is embedded into the app.
    local stamp="$ROOT/ui/node_modules/.opvang-ui-build.stamp"
    if [[ -f "$ROOT/ui/dist/index.html" && -f "$stamp" ]] && [[ -z "$(find "$ROOT/ui/src" "$ROOT/ui/index.html" \
        "$ROOT/ui/vite.config.ts" "$ROOT/ui/svelte.config.js" "$ROOT/ui/package-lock.json" -newer "$stamp" -print -quit)" ]]; then
        step "ui/dist up to date"
        return
    fi
    step "building the UI (vite build → ui/dist)"
    touch "$stamp.new"
    bash "$ROOT/scripts/build-ui.sh"
    mv "$stamp.new" "$stamp"
}

ensure_tauri_driver() {
    if cargo install --list 2>/dev/null | grep -q "^tauri-driver v${TAURI_DRIVER_VERSION}:"; then
        step "tauri-driver ${TAURI_DRIVER_VERSION} present"
        return
    fi
    step "installing tauri-driver ${TAURI_DRIVER_VERSION} (cargo install)"
    # A separate target dir so the app's incremental build is not disturbed.
    CARGO_TARGET_DIR="$CARGO_TARGET_DIR/tauri-driver" \
        cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet </dev/null
}

ensure_cargo_fuzz() {
    if cargo install --list 2>/dev/null | grep -q "^cargo-fuzz v${CARGO_FUZZ_VERSION}:"; then
        step "cargo-fuzz ${CARGO_FUZZ_VERSION} present"
        return
    fi
    step "installing cargo-fuzz ${CARGO_FUZZ_VERSION} (cargo install)"
    CARGO_TARGET_DIR="$CARGO_TARGET_DIR/cargo-fuzz" \
        cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet </dev/null
}

ensure_venv() {
    local req="$ROOT/tests/e2e/requirements.txt"
    local stamp="$VENV/.opvang-requirements.sha256"
    local want
    want="$(sha256sum "$req" | cut -d' ' -f1)"
    if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        step "Python venv for end-to-end tests up to date ($VENV)"
        return
    fi
    step "creating the Python venv for end-to-end tests ($VENV)"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" </dev/null
    printf '%s\n' "$want" >"$stamp"
}

ensure_tools
ensure_apt_packages
ensure_locales
ensure_node_modules
ensure_ui_build
if ((WITH_TEST)); then
    ensure_tauri_driver
    ensure_cargo_fuzz
    ensure_venv
fi
step "set-up done (Rust target dir: $CARGO_TARGET_DIR)"

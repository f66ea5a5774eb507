#!/usr/bin/env bash
# README command 2: every check and test, failing fast with the step that broke.
#
# Steps: set-up; cargo fmt --check; svelte-check; vitest; vite build; clippy -D warnings; cargo test
# on SQLite and on a private PostgreSQL server (scripts/postgres.sh, port 54329) — it also
# regenerates the ts-rs IPC types, which must then match the committed ones; cargo build of the
# app and the CLI; a short fuzz run of every cargo-fuzz target (scripts/fuzz.sh, 20 s each); a short
# team load test (no lost updates); the end-to-end tests (pytest + selenium through tauri-driver) under Xvfb on :99.
# The UI is built before the Rust steps because the app embeds ui/dist when it compiles.
# Runs unattended (no stdin, CI=true is fine); stops the processes it started.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
VENV="${OPVANG_E2E_VENV:-$ROOT/.venv-e2e}"

START=$SECONDS
LOGS="$(mktemp -d "${TMPDIR:-/tmp}/opvang-test.XXXXXX")"
export OPVANG_E2E_PIDFILE="$LOGS/tauri-driver.pids"
: >"$OPVANG_E2E_PIDFILE"
CURRENT_STEP="set-up"
TIMINGS=()
PG_STARTED=0

# shellcheck source=scripts/display.sh
source scripts/display.sh

cleanup() {
    local status=$? pgid
    # tauri-driver groups the end-to-end fixture could not stop itself (it removes the ones it did).
    while read -r pgid; do
        [[ -n "$pgid" ]] && kill -KILL -- "-$pgid" 2>/dev/null || true
    done <"$OPVANG_E2E_PIDFILE"
    stop_display
    if ((PG_STARTED)); then
        bash scripts/postgres.sh stop || true
    fi
    rm -rf "$LOGS"
    if ((status != 0)); then
        printf '\n✗ test.sh FAILED at step "%s" (exit %d) after %s\n' "$CURRENT_STEP" "$status" "$(duration $((SECONDS - START)))" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# step NAME COMMAND...: runs one check, keeps its output in $LOGS/NAME.log for the summary.
step() {
    local name="$1" t0=$SECONDS
    shift
    CURRENT_STEP="$name"
    printf '\n==> %s\n' "$name"
    "$@" </dev/null 2>&1 | tee "$LOGS/${name// /_}.log"
    TIMINGS+=("$name $(duration $((SECONDS - t0)))")
}

check_types_fresh() {
    local changes
    changes="$(git status --porcelain -- ui/src/lib/api/types)"
    if [[ -n "$changes" ]]; then
        printf '%s\n' "$changes"
        echo "generated IPC types are stale: run cargo test and commit ui/src/lib/api/types"
        return 1
    fi
    echo "ui/src/lib/api/types matches the Rust types"
}

# 20 concurrent clients editing one PostgreSQL database for a few seconds: a correctness check
# (the command fails on any lost update or unexpected error), not a timing; figures for
# BENCHMARKS.md come from scripts/bench-team.sh.
team_load_test() {
    local database="opvang_ci_belasting"
    psql -q "$OPVANG_TEST_PG" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
    "$CARGO_TARGET_DIR/debug/opvang" --db "${OPVANG_TEST_PG%/*}/$database" belastingtest --clients 20 --seconden 5
    psql -q "$OPVANG_TEST_PG" -c "DROP DATABASE $database WITH (FORCE)"
}

# Starts the PostgreSQL test server unless one already listens; only a server started here is
# stopped at the end. The storage tests create and drop their own databases on it.
start_postgres() {
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${OPVANG_PG_PORT:-54329}") 2>/dev/null; then
        PG_STARTED=1
    fi
    bash scripts/postgres.sh start </dev/null | tee "$LOGS/postgres.log"
    OPVANG_TEST_PG="$(tail -n 1 "$LOGS/postgres.log")"
    export OPVANG_TEST_PG
}

run_e2e() {
    OPVANG_APP="$CARGO_TARGET_DIR/debug/opvangplanner" OPVANG_CLI="$CARGO_TARGET_DIR/debug/opvang" \
        "$VENV/bin/python" -m pytest -c tests/e2e/pytest.ini tests/e2e
}

step "set-up" bash scripts/setup.sh --test
step "cargo fmt" cargo fmt --all -- --check
step "svelte-check" bash -c 'cd ui && npx --no-install svelte-check --tsconfig ./tsconfig.json --fail-on-warnings'
step "vitest" bash -c 'cd ui && npx --no-install vitest run'
step "vite build" bash scripts/build-ui.sh
step "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
CURRENT_STEP="PostgreSQL"
printf '\n==> PostgreSQL\n'
start_postgres # in this shell, so cargo test sees OPVANG_TEST_PG and cleanup knows what to stop
step "cargo test" cargo test --workspace
step "generated types" check_types_fresh
step "cargo build" cargo build -p opvangplanner -p opvang-cli
step "fuzz" bash scripts/fuzz.sh 20
step "team load test" team_load_test
CURRENT_STEP="X display"
ensure_display force # in this shell, so cleanup can stop the Xvfb it started
step "end-to-end" run_e2e
CURRENT_STEP="summary"

plain() { sed 's/\x1b\[[0-9;]*m//g' "$LOGS/$1.log"; } # a step's log without colour codes
rust_tests=$(plain cargo_test | grep -oE '^test result: ok\. [0-9]+ passed' | awk '{s += $4} END {print s + 0}' || true)
ui_tests=$(plain vitest | grep -oE 'Tests +[0-9]+ passed' | grep -oE '[0-9]+' | tail -n 1 || true)
e2e_tests=$(plain end-to-end | grep -oE '[0-9]+ passed' | tail -n 1 | grep -oE '[0-9]+' || true)
timings="$(printf '%s, ' "${TIMINGS[@]}")"
printf '\nTimings: %s\n' "${timings%, }"
printf '✓ test.sh: all checks passed — %s Rust tests, %s UI tests, %s end-to-end tests — in %s\n' \
    "${rust_tests:-?}" "${ui_tests:-?}" "${e2e_tests:-?}" "$(duration $((SECONDS - START)))"

#!/usr/bin/env bash
# A short fuzz run of every cargo-fuzz target in fuzz/ (see fuzz/README.md); scripts/test.sh runs it.
#
# Usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 20)
# Builds with nightly Rust when it is installed, else with stable Rust (no sanitizer, so no
# nightly-only flag is needed). When cargo-fuzz is missing or the fuzz build fails, the target
# bodies run over the seeds and the kept crash inputs on stable instead (the regression test
# tests/fuzz_regressies.rs), and that is said clearly. A crash fails the run and leaves its input
# in fuzz/artifacts/<target>/.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_TARGET="${1:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}/fuzz"
TARGETS=(import_csv import_xlsx import_ods vng_rapport waarden)
# A quick unoptimised-ish build (--dev: opt-level 1, debug assertions and overflow checks on, so an
# integer overflow is a crash) without a sanitizer: the code under test is safe Rust.
BUILD=(--dev -s none)

without_fuzzer() {
    printf '\n!! %s\n!! NO FUZZING: running the target bodies over the seeds and kept crash inputs on stable instead.\n\n' "$1"
    cargo test -p opvang-core --test fuzz_regressies
}

if ! cargo fuzz --version >/dev/null 2>&1; then
    without_fuzzer "cargo-fuzz is not installed (bash scripts/setup.sh --test installs it)."
    exit 0
fi
if cargo +nightly --version >/dev/null 2>&1; then
    FUZZ=(cargo +nightly fuzz)
    echo "fuzzing with $(cargo +nightly --version) and $(cargo fuzz --version)"
else
    FUZZ=(cargo fuzz)
    echo "no nightly toolchain: fuzzing with $(cargo --version) and $(cargo fuzz --version)"
fi
if ! "${FUZZ[@]}" build "${BUILD[@]}"; then
    without_fuzzer "the fuzz targets did not build with ${FUZZ[*]}."
    exit 0
fi
bash fuzz/seeds.sh
LOG="$(mktemp "${TMPDIR:-/tmp}/opvang-fuzz.XXXXXX")"
trap 'rm -f "$LOG"' EXIT
for target in "${TARGETS[@]}"; do
    rm -rf "fuzz/artifacts/$target"
    if ! "${FUZZ[@]}" run "${BUILD[@]}" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$LOG" 2>&1; then
        tail -n 60 "$LOG"
        echo "fuzz $target: FAILED; the input is in fuzz/artifacts/$target/ (keep it in tests/fixtures/fuzz-regressions/$target/ once fixed)" >&2
        exit 1
    fi
    runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$LOG" | grep -oE '[0-9]+$' || echo '?')
    corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
    printf 'fuzz %-12s %ss, %s runs, corpus %s files, no crash\n' "$target" "$SECONDS_PER_TARGET" "$runs" "$corpus"
done
echo "fuzz: ${#TARGETS[@]} targets, ${SECONDS_PER_TARGET}s each, no crash"

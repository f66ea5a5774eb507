#!/usr/bin/env bash
# Planning benchmark: 1,000 Monte Carlo runs of the capacity projection over a synthetic register in
# all 342 municipalities; writes the figures into BENCHMARKS.md. Usage: scripts/bench-planning.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}"
runs="${1:-1000}"

cargo build -q --release -p opvang-cli
uitslag=$("$CARGO_TARGET_DIR/release/opvang" plan-benchmark --runs "$runs" --seed 2027 --per-gemeente 9 --herhalingen 5)
echo "$uitslag"

machine="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME")"
sectie=$(cat <<MD
<!-- planning-mc:begin -->
## Capacity planning: Monte Carlo projection over all municipalities

Measured $(date -u +%Y-%m-%d) on $machine, release build, one thread; target ≤ 1 s (DESIGN.md §12).
A synthetic register of 9 locations in each of the 342 municipalities (one in eight planned with a
chance, some stand-by, a quarter with a lease ending before 2031) is projected monthly from November
2026 through April 2031 under the default scenario: the central projection plus $runs seeded runs
with P10/P50/P90 bands of demand, supply and balance for every municipality, safety region,
province and the country. Times cover the projection in memory (no database, no file).
Reproduce: \`scripts/bench-planning.sh $runs\`.

$uitslag
<!-- planning-mc:end -->
MD
)
[ -f BENCHMARKS.md ] || printf '# Benchmarks\n\nFigures measured on this project'"'"'s machine; every section names its command.\n' > BENCHMARKS.md
python3 - "$sectie" <<'PY'
import re, sys
sectie = sys.argv[1]
tekst = open("BENCHMARKS.md").read()
patroon = re.compile(r"<!-- planning-mc:begin -->.*?<!-- planning-mc:end -->", re.S)
tekst = patroon.sub(lambda _: sectie, tekst) if patroon.search(tekst) else tekst.rstrip("\n") + "\n\n" + sectie + "\n"
open("BENCHMARKS.md", "w").write(tekst)
PY

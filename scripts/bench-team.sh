#!/usr/bin/env bash
# Team-mode load test: 20 concurrent clients reading and editing one PostgreSQL database for 60 s
# on loopback; writes the figures into BENCHMARKS.md. Usage: scripts/bench-team.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/opvangplanner-target}"
clients="${1:-20}"
seconden="${2:-60}"

admin_url=$(bash scripts/postgres.sh start | tail -n 1)
database="opvang_belastingtest"
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
url="${admin_url%/*}/$database"

cargo build -q --release -p opvang-cli
uitslag=$("$CARGO_TARGET_DIR/release/opvang" --db "$url" belastingtest --clients "$clients" --seconden "$seconden")
echo "$uitslag"

machine="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), $(psql -At "$admin_url" -c 'SHOW server_version')"
sectie=$(cat <<MD
<!-- team-load:begin -->
## Team mode: concurrent clients on PostgreSQL

Measured $(date -u +%Y-%m-%d) on $machine, server on 127.0.0.1 (loopback), release build.
Each client has its own connection pool and loops over: area totals (40%), a location's history
(20%), an edit of a location with the version it read (20%), a snapshot save with the version it
read (20%), on six shared locations so that clients collide. "Lost updates" compares the final
counters with the number of successful saves (must be 0); conflicts are the expected refusals.
Reproduce: \`scripts/bench-team.sh $clients $seconden\`.

$uitslag
<!-- team-load:end -->
MD
)
[ -f BENCHMARKS.md ] || printf '# Benchmarks\n\nFigures measured on this project'"'"'s machine; every section names its command.\n' > BENCHMARKS.md
python3 - "$sectie" <<'PY'
import re, sys
sectie = sys.argv[1]
tekst = open("BENCHMARKS.md").read()
patroon = re.compile(r"<!-- team-load:begin -->.*?<!-- team-load:end -->", re.S)
tekst = patroon.sub(lambda _: sectie, tekst) if patroon.search(tekst) else tekst.rstrip("\n") + "\n\n" + sectie + "\n"
open("BENCHMARKS.md", "w").write(tekst)
PY
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"

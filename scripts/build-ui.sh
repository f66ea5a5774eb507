#!/usr/bin/env bash
# Builds the front end (vite build) into ui/dist, touching ui/dist only when the output changed,
# so an unchanged UI does not make cargo recompile the app that embeds it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/opvang-ui-dist.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

(cd "$ROOT/ui" && npx --no-install vite build --outDir "$OUT" --emptyOutDir --logLevel warn </dev/null)
if [[ -d "$ROOT/ui/dist" ]] && diff -rq "$OUT" "$ROOT/ui/dist" >/dev/null 2>&1; then
    echo "ui/dist unchanged"
else
    rm -rf "$ROOT/ui/dist"
    cp -r "$OUT" "$ROOT/ui/dist"
    echo "ui/dist updated"
fi

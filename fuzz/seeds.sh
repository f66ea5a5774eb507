#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the seed inputs: the committed test fixtures (files under
# 64 KiB) and the small seeds in fuzz/seeds/. Existing corpus files are kept, so a corpus grown by
# earlier runs is reused.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures

seed() { # seed TARGET FILE...
  local doel="corpus/$1"
  shift
  mkdir -p "$doel"
  for bestand in "$@"; do
    if [ -f "$bestand" ] && [ "$(wc -c <"$bestand")" -lt 65536 ]; then
      cp "$bestand" "$doel/"
    fi
  done
}

shopt -s nullglob
seed import_csv "$fixtures"/bad-input/*.csv "$fixtures"/import/*/*.csv
seed import_xlsx "$fixtures"/bad-input/*.xlsx "$fixtures"/import/*/*.xlsx
seed import_ods "$fixtures"/bad-input/*.ods "$fixtures"/import/*/*.ods
seed vng_rapport seeds/vng_rapport/*
seed waarden seeds/waarden/*
for doel in corpus/*; do
  echo "$doel: $(find "$doel" -type f | wc -l) files"
done

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation is incomplete: lupdate run over the sources into a copy of each .ts
# must change nothing (no string missing, none obsolete), and no entry may be unfinished.
#   check-translations.sh LUPDATE SOURCE_DIR LUPDATE_ARGS...
set -euo pipefail
lupdate=$1
source_dir=$2
shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
cd "$source_dir"
for ts in translations/opsdeck_*.ts; do
    copy="$scratch/$(basename "$ts")"
    cp "$ts" "$copy"
    # English holds the plural forms only ("1 command", "2 commands"): the sources are English.
    plural_only=()
    if [ "$(basename "$ts")" = opsdeck_en.ts ]; then
        plural_only=(-pluralonly)
    fi
    "$lupdate" -silent "${plural_only[@]}" "$@" -ts "$copy"
    if ! diff -u "$ts" "$copy" >"$scratch/diff"; then
        echo "FAIL: $ts is out of date with the sources; run" \
             "'cmake --build --preset dev --target update_translations' and translate:" >&2
        grep -E '^[-+] +<source>' "$scratch/diff" | head -40 >&2
        status=1
    fi
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    # A plural whose forms were left blank shows nothing at all: empty too.
    empty=$(grep -cE '<translation></translation>|<numerusform></numerusform>' "$ts" || true)
    if [ "$unfinished" -ne 0 ] || [ "$empty" -ne 0 ]; then
        echo "FAIL: $ts has $unfinished unfinished and $empty empty translations" >&2
        status=1
    fi
    messages=$(grep -c '<message' "$ts" || true)
    echo "$ts: $messages messages, $unfinished unfinished"
done
exit $status

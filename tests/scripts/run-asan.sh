#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the unit and state tests with AddressSanitizer and UndefinedBehaviorSanitizer (preset
# "asan") and runs them: the memory-safety claims the tests make are checked on every commit.
# The GUI tests are left to the dev build (Qt's own leaks and the time they take on two cores).
#   run-asan.sh SOURCE_DIR
set -euo pipefail
cd "$1"
labels='unit|state'
cmake --preset asan >/dev/null
# Command-line scripts (label cli) run the dev build's opsdeck, not a test executable.
mapfile -t tests < <(ctest --preset asan -N -L "$labels" -LE cli 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: *\([A-Za-z0-9_]*\)$/\1/p')
[ ${#tests[@]} -gt 0 ] || { echo "run-asan: no tests labelled $labels" >&2; exit 1; }
# Test names are their executables' targets; helper programs come in as dependencies.
cmake --build --preset asan --target "${tests[@]}"
ctest --preset asan -L "$labels" -LE cli -j "$(nproc)"

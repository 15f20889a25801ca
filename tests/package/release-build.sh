#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's first command builds the release preset (-O2), where GCC warns about things the
# dev build (-O0) never sees, and warnings are errors: build what `installer/setup.sh run` builds.
#   release-build.sh SOURCE_DIR
set -euo pipefail
cd "$1"
cmake --preset release >/dev/null
cmake --build --preset release --target opsdeck
echo "the release build of opsdeck succeeds"

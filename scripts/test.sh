#!/usr/bin/env bash
# Builds Tributary and runs every test. Extra arguments go to ctest (e.g. -R Catalogue).
# The exit code is ctest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
exec ctest --preset default --output-on-failure -j 2 "$@"

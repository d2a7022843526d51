#!/usr/bin/env bash
# The one place that builds Tributary: installs what is missing, configures and builds the
# `default` preset (Ninja, RelWithDebInfo, into build/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
cmake --preset default
cmake --build --preset default -j "$(nproc)"

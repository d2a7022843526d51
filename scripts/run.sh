#!/usr/bin/env bash
# Builds Tributary and opens FILE in it, or its built-in example architecture when no FILE is
# given. Without a display it starts a virtual one (Xvfb :99) and runs the window there.
#   usage: bash scripts/run.sh [FILE]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bash "$root/scripts/build.sh"
app=$root/build/app/tributary

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    if [[ -e /tmp/.X11-unix/X99 ]] && [[ -f /tmp/.X99-lock ]] &&
        kill -0 "$(tr -d ' ' </tmp/.X99-lock)" 2>/dev/null; then
        echo "run.sh: no display; using the X server already running on :99"
    else
        Xvfb :99 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb_pid=$!
        trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
        for _ in $(seq 50); do
            [[ -e /tmp/.X11-unix/X99 ]] && break
            kill -0 "$xvfb_pid" 2>/dev/null || { echo "run.sh: Xvfb :99 failed to start" >&2; exit 1; }
            sleep 0.1
        done
        [[ -e /tmp/.X11-unix/X99 ]] || { echo "run.sh: Xvfb :99 did not come up" >&2; exit 1; }
        echo "run.sh: no DISPLAY or WAYLAND_DISPLAY; started a virtual display, Xvfb :99 (pid $xvfb_pid)."
    fi
    export DISPLAY=:99
    echo "run.sh: the window is not visible there. For a picture of it run:"
    echo "run.sh:   $app --screenshot out.png [FILE]"
fi

echo "run.sh: starting $app $*"
"$app" "$@"

#!/usr/bin/env bash
# Installs every Debian package Tributary needs to build, test, run and package it.
# Idempotent: when everything is already installed it calls neither apt-get nor the network.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(
    # compilers and build tools (dpkg-dev gives dpkg-shlibdeps, which CPack's .deb generator uses)
    build-essential cmake ninja-build pkg-config dpkg-dev
    # Qt 6 Core/Gui/Widgets/Test, Svg, Charts (its CMake package needs Qt6OpenGL), the X11 (xcb, in libqt6gui6) and other platform plugins
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-qpa-plugins libgl-dev
    # libraries
    libyaml-cpp-dev nlohmann-json3-dev libgraphviz-dev graphviz
    # a real X server for headless windows and screenshots, and a font to draw text with
    xvfb xauth fonts-dejavu-core
)
command -v python3 >/dev/null 2>&1 || packages+=(python3 python3-pip)

# One dpkg-query for all of them; it exits non-zero when some are unknown, which is fine here.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
    grep -qxF "$p install ok installed" <<<"$installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    as_root=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            # Without a terminal sudo must not wait for a password nobody can type.
            if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
            as_root+=(env DEBIAN_FRONTEND=noninteractive)
        else
            echo "setup.sh: these Debian packages are missing: ${missing[*]}" >&2
            echo "setup.sh: run this script as root, or install sudo, or install them yourself" >&2
            exit 1
        fi
    fi
    echo "setup.sh: installing ${missing[*]}"
    apt_opts=(-o DPkg::Lock::Timeout=300)
    "${as_root[@]}" apt-get "${apt_opts[@]}" update
    "${as_root[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
else
    echo "setup.sh: all ${#packages[@]} Debian packages are installed"
fi

# Python tools used as oracles by some tests (which skip themselves when these are missing).
python_tools="cfn-lint aws-sam-translator moto[server] boto3"
if python3 -c 'import cfnlint, samtranslator, moto, boto3' 2>/dev/null; then
    echo "setup.sh: cfn-lint, aws-sam-translator, moto and boto3 are importable by $(command -v python3)"
else
    echo "setup.sh: installing $python_tools with pip"
    # shellcheck disable=SC2086 # the list is meant to split
    if ! timeout 600 python3 -m pip install --quiet --disable-pip-version-check $python_tools; then
        echo "setup.sh: warning: could not install $python_tools with pip;" \
             "the tests that use them will skip themselves" >&2
    fi
fi

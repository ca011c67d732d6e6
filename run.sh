#!/usr/bin/env bash
# Backprop Playground: set-up and entry points.
#   ./run.sh app [FILE]   start the desktop app (on the tanh-neuron example unless FILE is given)
#   ./run.sh test         lint (ruff, import layers) and run the whole test suite headless
#   ./run.sh bench        run the benchmarks (needs the reference extra: torch, micrograd)
#   ./run.sh cli ARGS     the headless command line (python main.py ARGS)
# Each command creates or reuses .venv and installs what is missing, system libraries included
# when it runs as root on Debian/Ubuntu.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
QT_LIBS="libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
XCB_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 \
libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0"
XVFB="xvfb xauth xdotool"

missing_debs() {  # prints the Debian packages of "$@" that are not installed
    command -v dpkg-query >/dev/null || return 0
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

ensure_debs() {  # installs missing Debian packages when we are root; otherwise says what is missing
    local missing
    missing=$(missing_debs "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing system packages: $missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Note: these system packages seem missing (install them as root): $missing" >&2
    fi
}

ensure_venv() {  # $1: pip extras, e.g. "dev" or "dev,reference"
    local extras=$1 stamp="$VENV/.installed-$1"
    if [ ! -x "$PY" ]; then
        python3 -m venv "$VENV" 2>/dev/null || { ensure_debs python3-venv; rm -rf "$VENV"; python3 -m venv "$VENV"; }
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$PY" -m pip install -q --disable-pip-version-check -e ".[$extras]"
        touch "$stamp"
    fi
}

cmd=${1:-app}
shift || true
case "$cmd" in
    app)
        ensure_debs $QT_LIBS $XCB_LIBS
        ensure_venv dev
        exec "$PY" main.py "$@"
        ;;
    test)
        ensure_debs $QT_LIBS $XCB_LIBS $XVFB
        ensure_venv dev
        "$PY" -m ruff check engine gui tests benchmarks main.py
        "$VENV/bin/lint-imports"  # the layer contracts in pyproject.toml
        exec "$PY" -m pytest "$@"
        ;;
    bench)
        ensure_venv dev,reference
        exec "$PY" -m benchmarks "$@"
        ;;
    cli)
        ensure_venv dev
        exec "$PY" main.py "$@"
        ;;
    *)
        echo "usage: ./run.sh app [FILE] | test [PYTEST ARGS] | bench | cli ARGS" >&2
        exit 2
        ;;
esac

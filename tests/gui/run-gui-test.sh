#!/bin/bash
# run-gui-test.sh: runs tests/gui/test_gui.py against the real program in a
# private X server, D-Bus session and accessibility bus, then tears them down.
#
# Environment (set by meson's test_env): LANDFALL_BIN, LANDFALL_BUILD_DIR,
# LANDFALL_SOURCE_DIR. Optional: GUI_TEST_TIMEOUT (seconds, default 420),
# GUI_TEST_ARGS (passed to test_gui.py, e.g. "-k export").
#
# Exit codes: 0 pass, 1 fail, 77 skip (Xvfb, dbus or pyatspi not installed).
set -u

here=$(cd "$(dirname "$0")" && pwd)
: "${LANDFALL_SOURCE_DIR:=$(cd "$here/../.." && pwd)}"
: "${LANDFALL_BUILD_DIR:=$LANDFALL_SOURCE_DIR/build}"
: "${LANDFALL_BIN:=$LANDFALL_BUILD_DIR/src/landfall}"
export LANDFALL_SOURCE_DIR LANDFALL_BUILD_DIR LANDFALL_BIN

python=/usr/bin/python3   # Debian's python: pyatspi lives in its dist-packages
timeout_s=${GUI_TEST_TIMEOUT:-420}

skip () { echo "1..0 # SKIP $*"; exit 77; }
bail () { echo "Bail out! $*"; exit 1; }
# No X server or accessibility stack: nothing to drive, skip.
for tool in Xvfb dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
[ -x /usr/libexec/at-spi-bus-launcher ] || skip "at-spi2-core is not installed"
[ -x "$python" ] && "$python" -c 'import pyatspi' 2>/dev/null || skip "python3-pyatspi is not installed"
# Those present but the rest of the test dependencies missing: a broken set-up, fail.
for tool in xdotool import convert; do
  command -v "$tool" >/dev/null 2>&1 ||
    bail "$tool is missing (install what build-aux/landfall-dev lists: xdotool, imagemagick)"
done
[ -x "$LANDFALL_BIN" ] || bail "$LANDFALL_BIN is not built"

work=$(mktemp -d "${TMPDIR:-/tmp}/landfall-gui.XXXXXX")
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
     3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 200); do
  [ -s "$work/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { cat "$work/xvfb.log"; echo "Bail out! Xvfb did not start"; exit 1; }
  sleep 0.1
done
[ -s "$work/display" ] || { echo "Bail out! Xvfb gave no display"; exit 1; }
export DISPLAY=":$(head -n1 "$work/display")"

# Private runtime and config dirs: nothing leaks in from, or out to, the user's session.
mkdir -p "$work/runtime" "$work/home/config" "$work/home/data" "$work/home/cache"
chmod 700 "$work/runtime"
export XDG_RUNTIME_DIR="$work/runtime"
export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache"
export GTK_A11Y=atspi NO_AT_BRIDGE=0 GTK_USE_PORTAL=0
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$LANDFALL_BUILD_DIR/data"
# The file chooser asks GIO for volumes: with gvfs installed (desktop packages
# bring it) its remote monitors warn in a private session, and warnings are
# fatal here. Local files and the plain Unix monitor are all the tests need.
export GIO_USE_VFS=local GIO_USE_VOLUME_MONITOR=unix
export GDK_BACKEND=x11 LIBGL_ALWAYS_SOFTWARE=1 GSK_RENDERER=cairo
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
export LANDFALL_GUI_ARTIFACTS="${LANDFALL_GUI_ARTIFACTS:-$LANDFALL_BUILD_DIR/gui-artifacts}"
export LANDFALL_GUI_WORK="$work"
mkdir -p "$LANDFALL_GUI_ARTIFACTS"

# dbus-run-session ends the bus (and the bus-activated at-spi launcher and
# registry with it) when the test exits; timeout bounds the whole run. The
# daemons it starts inherit stdout and chatter on it, so stdout goes to stderr
# and the test writes its TAP to fd 3, the real stdout.
export GUI_TEST_TAP_FD=3
# GLib warnings stay fatal in the program under test (G_DEBUG from meson's
# test_env) and in the daemons the bus starts, as before, but not in the test's
# own AT-SPI client: libatspi there warns when a program that is just starting
# has no cache on the bus yet ("Error in GetItems"), and fatal-warnings turned
# that into a SIGTRAP of the whole run. test_gui.py gives the program G_DEBUG
# back from LANDFALL_G_DEBUG.
timeout --kill-after=10 "$timeout_s" \
  dbus-run-session -- env -u G_DEBUG LANDFALL_G_DEBUG="${G_DEBUG:-}" \
    "$python" "$here/test_gui.py" ${GUI_TEST_ARGS:-} 3>&1 1>&2
rc=$?
[ $rc -eq 124 ] && echo "Bail out! GUI test timed out after ${timeout_s}s"
exit $rc

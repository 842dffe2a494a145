#!/usr/bin/env bash
# Runs tests/notify.rs twice: against a real notification daemon (dunst on a private D-Bus
# session under Xvfb) and with no session bus at all.
# Needs: apt-get install dunst xvfb dbus
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in dbus-run-session dunst dunstctl Xvfb; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install dunst xvfb dbus" >&2; exit 1; }
done
exe=$(scripts/test-exe.sh notify)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run" && chmod 700 "$tmp/run"

UTTER_TEST_NOTIFY=none DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus" "$exe" --nocapture without_daemon

HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" UTTER_TEST_NOTIFY=daemon \
  dbus-run-session -- bash -c '
  set -euo pipefail
  disp=":$((500 + RANDOM % 400))"
  Xvfb "$disp" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=$disp
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  dunst >/dev/null 2>&1 &
  dunst=$!
  for _ in $(seq 50); do dunstctl is-paused >/dev/null 2>&1 && break; sleep 0.1; done
  status=0
  "$0" --nocapture with_daemon || status=$?
  kill $dunst $xvfb 2>/dev/null || true
  exit $status
' "$exe"

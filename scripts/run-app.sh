#!/usr/bin/env bash
# Starts the desktop app. Without a display (a server, CI, SSH) it runs under a virtual X
# server and saves a screenshot so you can see what it shows.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/debug/utter-desktop
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; then
  exec "$BIN" "$@"
fi
echo "No display found: starting Utter under Xvfb. A screenshot goes to target/utter-screenshot.png;"
echo "press Ctrl-C to quit. On a desktop session, 'make run' opens the window directly."
exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$0" "$@" & app=$!
  trap "kill $app 2>/dev/null" INT TERM EXIT
  sleep 6 && import -window root target/utter-screenshot.png && echo "screenshot: target/utter-screenshot.png"
  wait $app' "$BIN" "$@"

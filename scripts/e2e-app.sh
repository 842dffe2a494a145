#!/usr/bin/env bash
# End-to-end test of the real desktop app: Xvfb + a private D-Bus session + tauri-driver +
# WebKitWebDriver, with the CLI writing to the same data dir. Screenshots land in
# target/e2e-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [ "${1:-}" != "--inner" ]; then
  export UTTER_BIN=$ROOT/target/debug/utter-desktop UTTER_CLI=$ROOT/target/debug/utter
  [ -x "$UTTER_BIN" ] && [ -x "$UTTER_CLI" ] || { echo "build first: cargo build --workspace"; exit 1; }
  [ -d tests/e2e/node_modules ] || npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
  export TAURI_DRIVER=${TAURI_DRIVER:-$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")}
  WORK=$(mktemp -d)
  export WORK UTTER_DATA_DIR=$WORK/data E2E_ARTIFACTS=$ROOT/target/e2e-artifacts
  export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/run XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/xdg-data
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  status=0
  # Its own process group, so that everything the session starts (portals, a11y bus) stops with it.
  setsid dbus-run-session -- "$0" --inner &
  group=$!
  wait $group || status=$?
  kill -TERM -- -"$group" 2>/dev/null && sleep 0.5
  kill -KILL -- -"$group" 2>/dev/null || true
  # xdg-document-portal may leave a FUSE mount in the runtime dir.
  fusermount -u "$XDG_RUNTIME_DIR/doc" 2>/dev/null || true
  rm -rf "$WORK" 2>/dev/null || true
  exit $status
fi

# The app keeps MCP sign-in tokens in the OS keychain: an unlocked gnome-keyring on this
# private bus, its files under the temporary HOME (as scripts/test-keychain.sh does).
command -v gnome-keyring-daemon >/dev/null || { echo "missing gnome-keyring-daemon: apt-get install gnome-keyring" >&2; exit 1; }
eval "$(echo -n e2e-keyring | gnome-keyring-daemon --unlock --components=secrets)"
# A sign-in's "browser" follows the page's redirects back to the app's loopback listener.
export BROWSER=$ROOT/tests/mcp/conformance/follow-redirects.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); NATIVE_PORT=$(free_port)
DISP=":$((90 + RANDOM % 400))"

Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
export DISPLAY=$DISP
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

"$TAURI_DRIVER" --port "$PORT" --native-port "$NATIVE_PORT" \
  --native-driver /usr/bin/WebKitWebDriver >"$WORK/driver.log" 2>&1 &
for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done

export DRIVER_URL=http://127.0.0.1:$PORT/
status=0
# A bound on the whole suite (about 2 minutes here, several on a loaded 2-core machine), so
# that anything hanging past the per-hook limits fails CI with a reason, not by its clock.
limit=${E2E_TIMEOUT_S:-1200}
timeout --kill-after=15 "$limit" npm --prefix tests/e2e test --silent || status=$?
if [ $status -eq 124 ]; then echo "the e2e suite ran past ${limit} s and was stopped (E2E_TIMEOUT_S sets the limit)"; fi
if [ $status -ne 0 ]; then echo "--- tauri-driver log"; tail -50 "$WORK/driver.log"; fi
exit $status

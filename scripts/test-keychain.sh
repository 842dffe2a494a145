#!/usr/bin/env bash
# Runs tests/keychain.rs against a real Secret Service: a private D-Bus session with an
# unlocked gnome-keyring whose files live in temp dirs (the user's own keyring is untouched).
# Needs: apt-get install gnome-keyring dbus-x11 libdbus-1-dev
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in dbus-run-session gnome-keyring-daemon; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install gnome-keyring dbus-x11" >&2; exit 1; }
done

# HOME moves to a temp dir; keep cargo and rustup where they are.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export PATH="$CARGO_HOME/bin:$PATH"

# Build first, with the caller's environment: a build under the temporary HOME re-runs build
# scripts (minutes), and a keyring daemon started before that can be gone by the time the
# tests ask it (it then falls back to an unlock prompt that cannot show headless).
exe=$(scripts/test-exe.sh keychain)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/run"
chmod 700 "$tmp/run"
export UTTER_TEST_PRIVATE_KEYRING=1 HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/run"

dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(echo -n testpass | gnome-keyring-daemon --unlock --components=secrets)"
  # The daemon exits by itself when this private bus closes at the end of the session.
  # One test at a time: gnome-keyring-daemon can abort when several short-lived clients open
  # sessions at once (a NULL client in gkd_secret_service_get_pkcs11_session, seen in CI as
  # "Message recipient disconnected" and then a locked collection from a re-activated
  # daemon). The tests take seconds either way.
  "$0" --nocapture --test-threads=1 "$@"
' "$exe" "$@"

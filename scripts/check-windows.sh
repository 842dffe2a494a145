#!/usr/bin/env bash
# Type-checks the core crate (and its C/C++ dependencies: whisper.cpp, SQLite) for Windows
# from Linux: `cargo zigbuild check --target x86_64-pc-windows-gnu -p utter`, with zig from
# PyPI as the C/C++ compiler. Debian's mingw cannot build ggml (it lacks
# THREAD_POWER_THROTTLING_STATE); zig's Windows headers have it. Not part of `make test`
# (a second build of every dependency for another target); CI runs it as its own job.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/utter-tools/zig-venv
if [ ! -x "$VENV/bin/cargo-zigbuild" ]; then
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q 'ziglang==0.17.0' 'cargo-zigbuild==0.24.0' >&2
fi
rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
# cargo-zigbuild finds zig as `python3 -m ziglang`: the venv's python first on the PATH.
export PATH="$VENV/bin:$PATH"
# Warnings are errors here as in `make lint`: code behind cfg(windows) has no other check.
export RUSTFLAGS="${RUSTFLAGS:-} -D warnings"
exec cargo-zigbuild check --target x86_64-pc-windows-gnu -p utter "$@"

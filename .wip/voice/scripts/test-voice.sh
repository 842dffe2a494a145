#!/usr/bin/env bash
# Run the voice layer's tests with every real part available:
#   apt packages (espeak-ng, sox, PulseAudio null sink, ALSA plugins, whisper.cpp build deps),
#   the converted Whisper base model (cached outside the repo), then cargo test.
#
#   scripts/test-voice.sh [cargo test args...]
# Set SKIP_APT=1 to skip the package check (e.g. in a prepared CI image).
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="espeak-ng sox pulseaudio pulseaudio-utils libasound2-plugins libasound2-dev cmake clang libclang-dev"
if [ "${SKIP_APT:-0}" != 1 ]; then
    missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
    if [ -n "$missing" ]; then
        SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
        $SUDO apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
    fi
fi
UTTER_TEST_MODEL=$(scripts/fetch-test-model.sh)
export UTTER_TEST_MODEL
cargo test "$@"

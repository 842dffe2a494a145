#!/usr/bin/env bash
# A dump read aloud, then put through `utter dump FILE.wav` in a fresh data dir: what a user
# gets from speaking it. Reads the text on stdin; the extraction scorer's arguments
# (`--now ISO --json`) are passed on, so it stands in for `utter extract`:
#
#   score_extraction.py --cmd "scripts/speak-dump.sh espeak" --gold tests/fixtures/extraction_holdout.json
#
# VOICE (first argument): espeak | flite-slt | flite-rms | flite-awb | neural (Kokoro via
# $NEURAL_TTS, voice in TTS_NEURAL_VOICE). Env: UTTER (CLI binary), UTTER_MODEL (ggml file).
set -euo pipefail
VOICE=$1; shift
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TEXT=$(cat)
# SPEECH_CACHE=DIR keeps each synthesised clip (keyed by voice and text), so a rerun after a
# change to transcription or extraction hears exactly the same audio and skips the TTS.
KEY=$(printf '%s\n%s\n%s' "$VOICE" "${TTS_NEURAL_VOICE:-}" "$TEXT" | sha256sum | cut -c1-16)
if [ -n "${SPEECH_CACHE:-}" ] && [ -f "$SPEECH_CACHE/$KEY.wav" ]; then
  cp "$SPEECH_CACHE/$KEY.wav" "$WORK/raw.wav"
else
case "$VOICE" in
  espeak) printf '%s' "$TEXT" | espeak-ng -v en-us -s 160 --stdin -w "$WORK/raw.wav" ;;
  flite-*) flite -voice "${VOICE#flite-}" -t "$TEXT" -o "$WORK/raw.wav" ;;
  neural) "${NEURAL_TTS:?set NEURAL_TTS to neural_tts.sh}" "$TEXT" "$WORK/raw.wav" >/dev/null ;;
  *) echo "unknown voice $VOICE" >&2; exit 2 ;;
esac
  if [ -n "${SPEECH_CACHE:-}" ]; then mkdir -p "$SPEECH_CACHE" && cp "$WORK/raw.wav" "$SPEECH_CACHE/$KEY.wav"; fi
fi
sox "$WORK/raw.wav" -r 16000 -c 1 -b 16 "$WORK/dump.wav"
# SPEAK_TO=FILE: only the clip is wanted (scripts/bench-live-wer.sh).
if [ -n "${SPEAK_TO:-}" ]; then cp "$WORK/dump.wav" "$SPEAK_TO"; exit 0; fi
# KNOWN_NAMES=1: the names in the text are already known (in the vocabulary, as they would be
# on the board after a while) — an upper bound for what the vocabulary can do.
if [ "${KNOWN_NAMES:-}" = 1 ]; then
  { python3 -c 'import re,sys
for w in sorted(set(re.findall(r"(?<![.!?:] )(?<!^)\b[A-Z][a-zA-Z]+\b", sys.stdin.read()))): print(w)' <<<"$TEXT" |
    grep -vxE 'I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December' || true; } |
    while read -r name; do
      "${UTTER:-target/release/utter}" --data-dir "$WORK/data" vocabulary add "$name" >/dev/null
    done
fi
# STT=faster-whisper: the peer. The same audio and the same base weights (the CTranslate2
# copy fetch-test-model.sh keeps beside the ggml file) through faster-whisper with its own
# defaults (beam 5), then the same offline extraction (`utter extract --heard`, as a dump of
# a recording reads its transcript).
if [ "${STT:-utter}" = faster-whisper ]; then
  CACHE=$(dirname "${UTTER_MODEL:?set UTTER_MODEL}")
  "$("$(dirname "$0")/fw-venv.sh" "$CACHE")" - "$CACHE/ct2-base" "$WORK/dump.wav" >"$WORK/text.txt" <<'PY'
import sys
from faster_whisper import WhisperModel
m = WhisperModel(sys.argv[1], device="cpu", compute_type="int8")
segs, _ = m.transcribe(sys.argv[2], language="en")
print(" ".join(s.text.strip() for s in segs))
PY
  "${UTTER:-target/release/utter}" --data-dir "$WORK/data" extract --engine offline --heard "$@" <"$WORK/text.txt"
  exit
fi
"${UTTER:-target/release/utter}" --data-dir "$WORK/data" dump "$WORK/dump.wav" \
  --engine offline --language en --model "${UTTER_MODEL:?set UTTER_MODEL}" "$@"

#!/usr/bin/env bash
# Speak → cards: extraction F1 of the same dumps typed (`utter extract`) and spoken
# (synthesised, then `utter dump FILE.wav`), scored by the extraction scorer.
#
#   scripts/bench-speech.sh [GOLD.json] [VOICE...]
#
# GOLD defaults to tests/fixtures/extraction_holdout.json; VOICES to espeak flite-slt
# (add `neural` with NEURAL_TTS=…/neural_tts.sh for Kokoro voices). SCORER defaults to
# ../shared/eval/score_extraction.py. Uses target/release/utter if built, else target/debug.
# KNOWN_NAMES=1: the same, with each dump's names in the vocabulary first (an upper bound).
# PEER=1: each voice also through faster-whisper (same audio, same weights, same extraction).
# SPEECH_CACHE=DIR keeps the synthesised clips between runs.
# Prints one line per engine: `<what> precision=… recall=… f1=… due_acc=…`.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${1:-tests/fixtures/extraction_holdout.json}
shift || true
VOICES=("$@")
[ ${#VOICES[@]} -gt 0 ] || VOICES=(espeak flite-slt)
SCORER=${SCORER:-../shared/eval/score_extraction.py}
UTTER=${UTTER:-$( [ -x target/release/utter ] && echo "$PWD/target/release/utter" || echo "$PWD/target/debug/utter")}
export UTTER UTTER_MODEL=${UTTER_MODEL:-$(scripts/fetch-test-model.sh)}
score() { python3 "$SCORER" --gold "$GOLD" --cmd "$1" | tail -1; }
echo "text $(score "$UTTER extract --engine offline")"
# KNOWN_NAMES=1 (see speak-dump.sh) scores each voice with the dump's names in the vocabulary.
label=${KNOWN_NAMES:++names}
for v in "${VOICES[@]}"; do
  echo "speech:$v$label $(score "scripts/speak-dump.sh $v")"
  if [ "${PEER:-}" = 1 ]; then
    echo "speech:$v faster-whisper $(STT=faster-whisper score "scripts/speak-dump.sh $v")"
  fi
done

#!/usr/bin/env bash
# Live vs one pass: the dumps of a gold file read aloud, each fed to the streaming
# transcriber in real time; the text it stitched at key release is scored beside one pass
# over the whole clip (the final pass a live dump saves). WER against the typed text.
#
#   scripts/bench-live-wer.sh [GOLD.json] [VOICE]
#
# GOLD defaults to tests/fixtures/extraction_holdout.json, VOICE to neural (Kokoro via
# NEURAL_TTS; or espeak, flite-slt, …, as in speak-dump.sh). SPEECH_CACHE keeps the clips.
# Env: UTTER_MODEL (ggml file), BENCH_PACE (2 = twice real time), BENCH_THREADS.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${1:-tests/fixtures/extraction_holdout.json}
VOICE=${2:-neural}
MODEL=${UTTER_MODEL:-$(scripts/fetch-test-model.sh)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$GOLD" >"$WORK/cases.tsv" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["cases"]:
    print(f"{c['id']}\t{' '.join(c['text'].split())}")
PY
while IFS=$'\t' read -r id text; do
  SPEAK_TO="$WORK/$id.wav" scripts/speak-dump.sh "$VOICE" <<<"$text"
  printf '%s\t%s\t%s\n' "$WORK/$id.wav" "$VOICE" "$text" >>"$WORK/manifest.tsv"
done <"$WORK/cases.tsv"
BENCH_LANGUAGE=${BENCH_LANGUAGE:-en} cargo run -q --example wer_stt -- "$MODEL" "$WORK/manifest.tsv" --live

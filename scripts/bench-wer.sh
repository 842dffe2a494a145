#!/usr/bin/env bash
# Word error rate of the full 30 s encoder window vs the window sized to the clip (Utter's
# default), on spoken-style sentences from the extraction fixtures in four synthetic voices
# (espeak-ng en-us and flite's slt, rms and awb), one clip per sentence like the VAD's segments.
#
#   scripts/bench-wer.sh [N_SENTENCES]      (default 60; env: BENCH_THREADS)
#
# Needs espeak-ng, flite and sox (apt), python3, cargo. Results: JSON lines on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-60}
MODEL=$(scripts/fetch-test-model.sh)
CACHE=$(dirname "$MODEL")
Q8="$CACHE/ggml-base-q8_0.bin"
Q5="$CACHE/ggml-base-q5_1.bin"
[ -f "$Q8" ] || "$CACHE/venv/bin/python" scripts/quantize_ggml.py "$MODEL" "$Q8" >&2
[ -f "$Q5" ] || "$CACHE/venv/bin/python" scripts/quantize_ggml.py "$MODEL" "$Q5" q5_1 >&2
command -v flite >/dev/null || { echo "flite is missing: apt-get install flite" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$N" tests/fixtures/extraction_gold.json tests/fixtures/extraction_holdout.json \
    > "$WORK/sentences.txt" <<'PY'
import json, random, re, sys
n, files = int(sys.argv[1]), sys.argv[2:]
sents = []
for f in files:
    for case in json.load(open(f))["cases"]:
        sents += [s for s in re.split(r"(?<=[.!?])\s+", case["text"]) if 4 <= len(s.split()) <= 30]
random.Random(7).shuffle(sents)
print("\n".join(" ".join(s.split()) for s in sents[:n]))
PY

voices=(espeak slt rms awb)
i=0
while IFS= read -r s; do
    v=${voices[$((i % 4))]}
    rm -f "$WORK/raw.wav"
    # Text on stdin / after -t: a sentence may start with "-".
    if [ "$v" = espeak ]; then printf '%s' "$s" | espeak-ng -v en-us -s 160 --stdin -w "$WORK/raw.wav"
    else flite -voice "$v" -t "$s" -o "$WORK/raw.wav"; fi
    # Trim the synthesiser's silence and pad 0.25 s each side, as the VAD cuts a segment.
    sox "$WORK/raw.wav" -r 16000 -c 1 -b 16 "$WORK/c$i.wav" \
        silence 1 0.05 0.5% reverse silence 1 0.05 0.5% reverse pad 0.25 0.25
    printf '%s\t%s\t%s\n' "$WORK/c$i.wav" "$v" "$s" >> "$WORK/manifest.tsv"
    i=$((i + 1))
done < "$WORK/sentences.txt"

cargo build -q --release --example wer_stt
for m in "$MODEL" "$Q8" "$Q5"; do
    BENCH_LANGUAGE=en target/release/examples/wer_stt "$m" "$WORK/manifest.tsv"
done

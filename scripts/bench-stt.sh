#!/usr/bin/env bash
# Speech-to-text benchmark: the same clips and the same Whisper base weights through
#   1. Utter's engine (whisper-rs), full 30 s window vs short audio_ctx, and the streaming
#      path's key-release → text latency for a ~10 s dump fed in real time;
#   2. faster-whisper (PyPI, CTranslate2 int8) on the identical weights;
#   3. whisper.cpp's own CLI, only if WHISPER_CLI points at a built `whisper-cli`.
#
#   scripts/bench-stt.sh            (env: BENCH_THREADS, BENCH_FLASH_ATTN=1, WHISPER_CLI)
#
# Needs espeak-ng, sox, python3 (venv), cargo. Results: JSON lines on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=$(scripts/fetch-test-model.sh)
CACHE=$(dirname "$MODEL")
THREADS=${BENCH_THREADS:-$(nproc)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Clips: a short command (~3 s), a long dump (~17 s), and the 4-sentence dump with pauses.
espeak-ng -v en-us -s 140 -g 2 -w "$WORK/a.wav" "call Joe tomorrow about the renewal"
sox "$WORK/a.wav" -r 16000 -c 1 -b 16 "$WORK/short.wav"
espeak-ng -v en-us -s 140 -g 2 -w "$WORK/b.wav" "call Joe tomorrow about the renewal, and the Henderson proposal is due Friday. \
Remind me to book flights to Berlin for the conference next week, and ask Maria for the quarterly numbers \
before the board meeting on Thursday."
sox "$WORK/b.wav" -r 16000 -c 1 -b 16 "$WORK/long.wav"
# A ~10 s dump at conversational speed: 0.9 s pauses between sentences, and the key released
# 0.3 s after the last word (the clip ends there, so "release" = end of the clip).
parts=()
i=0
for s in "call Joe tomorrow about the renewal" "the Henderson proposal is due on Friday" \
         "remind me to book flights to Berlin" "buy milk and eggs on the way home"; do
    espeak-ng -v en-us -s 165 -g 2 -w "$WORK/s$i.wav" "$s"
    pad=0.9; [ "$i" = 3 ] && pad=0.3
    sox "$WORK/s$i.wav" -r 16000 -c 1 -b 16 "$WORK/p$i.wav" silence 1 0.05 0.5% reverse silence 1 0.05 0.5% reverse pad 0 "$pad"
    parts+=("$WORK/p$i.wav"); i=$((i+1))
done
sox "${parts[@]}" "$WORK/dump.wav"

# The same weights quantized to q8_0 (what whisper.cpp's `quantize` tool makes), cached.
Q8="$CACHE/ggml-base-q8_0.bin"
[ -f "$Q8" ] || "$CACHE/venv/bin/python" scripts/quantize_ggml.py "$MODEL" "$Q8" >&2

echo "# utter (whisper-rs $(grep -A1 'name = "whisper-rs"' Cargo.lock | sed -n 2p | cut -d'"' -f2)), threads=$THREADS" >&2
cargo build -q --release --example bench_stt
for m in "$MODEL" "$Q8"; do
    BENCH_LANGUAGE=en BENCH_THREADS=$THREADS target/release/examples/bench_stt \
        "$m" "$WORK/short.wav" "$WORK/long.wav" --dump "$WORK/dump.wav"
done

# faster-whisper on the identical weights (CTranslate2 folder kept by the fetch script).
"$(scripts/fw-venv.sh "$CACHE")" - "$CACHE/ct2-base" "$THREADS" "$WORK/short.wav" "$WORK/long.wav" <<'PY'
import json, resource, sys, time
from faster_whisper import WhisperModel
folder, threads, clips = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
t0 = time.perf_counter()
m = WhisperModel(folder, device="cpu", compute_type="int8", cpu_threads=threads)
load = time.perf_counter() - t0
for clip in clips:
    def run():
        segs, info = m.transcribe(clip, beam_size=1, vad_filter=False, language="en")
        return " ".join(s.text.strip() for s in segs)
    run()
    best, text = 1e9, ""
    for _ in range(3):
        t = time.perf_counter(); text = run(); best = min(best, time.perf_counter() - t)
    print(json.dumps({"bench": "faster-whisper", "clip": clip, "threads": threads,
                      "load_s": load, "best_s": best, "text": text}))
print(json.dumps({"bench": "faster-whisper peak_rss_mb",
                  "value": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
PY

if [ -n "${WHISPER_CLI:-}" ]; then
    # whisper-cli loads the model on every run; its own "total time" minus "load time" is the
    # transcription, comparable with the warm numbers above.
    for m in "$MODEL" "$Q8"; do
        for clip in "$WORK/short.wav" "$WORK/long.wav"; do
            log=$("$WHISPER_CLI" -m "$m" -f "$clip" -t "$THREADS" -l en -nt 2>&1)
            total=$(grep -o 'total time = *[0-9.]*' <<<"$log" | grep -o '[0-9.]*$')
            load=$(grep -o 'load time = *[0-9.]*' <<<"$log" | grep -o '[0-9.]*$')
            echo "{\"bench\": \"whisper.cpp-cli\", \"model\": \"$m\", \"clip\": \"$clip\", \"transcribe_s\": $(echo "($total - $load)/1000" | bc -l)}"
        done
    done
else
    echo "# whisper.cpp CLI skipped (set WHISPER_CLI=/path/to/whisper-cli to include it)" >&2
fi

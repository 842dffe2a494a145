#!/usr/bin/env bash
# Coverage-guided fuzzing of the targets in tests/fuzz.rs with libFuzzer, on stable Rust.
#
#   scripts/fuzz-long.sh [TARGET|all] [SECONDS]     (default: all, 600 s each)
#   scripts/fuzz-long.sh list                       (the target names)
#
# TARGET is a test name from tests/fuzz/*.rs, e.g. fuzz::wav::wav_reader, or its last part
# (wav_reader). Each target runs for SECONDS; what libFuzzer finds goes into the target's
# corpus (tests/fuzz/__fuzz__/<target>/corpus), which is then minimized (`-merge=1`) so it
# stays small enough to commit; a crash is written to .../crashes/ and replays in
# `cargo test --test fuzz` from there. Commit the corpus afterwards.
#
# This is bolero's libFuzzer engine (what `cargo bolero test --engine libfuzzer --sanitizer
# NONE` runs), driven directly: `cargo bolero test` would instrument every test target of
# the package, where only tests/fuzz.rs is needed. The instrumented build lives in
# target/fuzz (separate from the normal one; the first build takes a while).
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-all}
seconds=${2:-600}
triple=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$PWD/target/fuzz}
# bolero's libFuzzer flags (cargo-bolero's FLAGS); `--target` keeps them off build scripts.
export RUSTFLAGS="--cfg fuzzing --cfg fuzzing_libfuzzer -Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares \
-Cllvm-args=-sanitizer-coverage-stack-depth -Cdebug-assertions -Coverflow-checks"

# The `utter` binary is built for integration tests too and gets the instrumentation, but not
# libFuzzer, which defines its hooks; it never runs here, so its link may leave them open.
mkdir -p "$CARGO_TARGET_DIR"
wrapper=$CARGO_TARGET_DIR/rustc-wrapper
new=$(mktemp "$wrapper.XXXXXX")
cat > "$new" <<'WRAP'
#!/usr/bin/env bash
name= type= prev=
for a in "$@"; do
    [[ $prev == --crate-name ]] && name=$a
    [[ $prev == --crate-type ]] && type=$a
    prev=$a
done
if [[ $name == utter && $type == bin ]]; then
    exec "$@" -Clink-arg=-Wl,--unresolved-symbols=ignore-all
fi
exec "$@"
WRAP
# Replaced only when changed (and atomically: several runs may start at once).
chmod +x "$new"
if cmp -s "$new" "$wrapper"; then rm -f "$new"; else mv -f "$new" "$wrapper"; fi
export RUSTC_WRAPPER=$wrapper

exe=$(cargo test -p utter --test fuzz --no-run --target "$triple" --message-format=json \
    | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
[[ -x "$exe" ]] || { echo "fuzz-long: no test binary built" >&2; exit 1; }

targets=$(CARGO_BOLERO_SELECT=all "$exe" --nocapture 2>/dev/null \
    | sed -n 's/.*"test_name":"\([^"]*\)".*/\1/p' | sort)
if [[ $want == list ]]; then
    echo "$targets"
    exit 0
fi
if [[ $want != all ]]; then
    targets=$(grep -E "(^|::)${want}\$" <<<"$targets") || {
        echo "fuzz-long: no target '$want'; one of:" >&2
        CARGO_BOLERO_SELECT=all "$exe" --nocapture 2>/dev/null \
            | sed -n 's/.*"test_name":"\([^"]*\)".*/  \1/p' >&2
        exit 2
    }
fi

status=0
for t in $targets; do
    work=tests/fuzz/__fuzz__/${t//::/__}
    mkdir -p "$work/corpus" "$work/crashes"
    before=$(find "$work/corpus" -type f | wc -l)
    echo "==> $t: ${seconds}s from $before corpus files ($(date -u +%H:%M:%S))"
    start=$(date +%s)
    # -print_final_stats gives the iteration count ("stat::number_of_executed_units").
    if ! BOLERO_TEST_NAME=$t BOLERO_LIBTEST_HARNESS=1 \
        BOLERO_LIBFUZZER_ARGS="$work/corpus $work/crashes -artifact_prefix=$work/crashes/ \
-timeout=10 -rss_limit_mb=4096 -max_len=65536 -max_total_time=$seconds -print_final_stats=1" \
        "$exe" "$t" --exact --nocapture --quiet --test-threads 1; then
        echo "==> $t: FAILED (see $work/crashes)"
        status=1
        continue
    fi
    # Keep only the inputs that add coverage.
    tmp=$(mktemp -d "$work/.merge.XXXX")
    BOLERO_TEST_NAME=$t BOLERO_LIBTEST_HARNESS=1 \
        BOLERO_LIBFUZZER_ARGS="-merge=1 $tmp $work/corpus" \
        "$exe" "$t" --exact --nocapture --quiet --test-threads 1 >/dev/null 2>&1 \
        && rm -rf "$work/corpus" && mv "$tmp" "$work/corpus" || rm -rf "$tmp"
    after=$(find "$work/corpus" -type f | wc -l)
    echo "==> $t: ok after $(( $(date +%s) - start ))s, corpus $before -> $after files"
done
exit $status

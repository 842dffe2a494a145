#!/usr/bin/env bash
# Builds one integration-test target and prints its executable, so a script can run it inside
# an environment it sets up (a private D-Bus session, a keyring, a notification daemon)
# without cargo rebuilding under a different HOME.  Usage: scripts/test-exe.sh TARGET
set -euo pipefail
name="$1"
exe=$(cargo test --test "$name" --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == sys.argv[1]:
        print(m["executable"])' "$name")
[ -n "$exe" ] || { echo "could not build tests/$name.rs" >&2; exit 1; }
echo "$exe"

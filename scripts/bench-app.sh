#!/usr/bin/env bash
# Desktop app benchmark: process start → board painted (the UI reports its first paint and
# the app logs `board painted ms=…`), and memory after 5 s idle, with an empty board and
# with 10k tasks. Release build, under Xvfb. Usage: scripts/bench-app.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

# Sum of proportional set size (PSS) of the app and its WebKit helper processes, in MiB.
pss_mib() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1"); do
    total=$((total + $(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

run_once() { # data_dir → "ms pss"
  local log=$WORK/app.log
  UTTER_DATA_DIR=$1 UTTER_LOG=info "$APP" >"$log" 2>&1 &
  local pid=$! ms=""
  for _ in $(seq 300); do
    ms=$(sed -n 's/.*board painted.*ms=\([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$ms" ] && break
    sleep 0.1
  done
  sleep 5
  local mem
  mem=$(pss_mib "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "${ms:-timeout} $mem"
}

if [ "${BENCH_INNER:-}" = 1 ]; then
  for board in empty 10k; do
    for _ in $(seq "$RUNS"); do echo "BENCH $board $(run_once "$WORK/$board")"; done
  done
  exit 0
fi

export RUNS=${1:-5}
npm --prefix ui run build --silent >/dev/null
cargo build --release -p utter-desktop -p utter --quiet
export APP=$PWD/target/release/utter-desktop
CLI=$PWD/target/release/utter
WORK=$(mktemp -d)
export WORK
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK/10k.json" <<'PY'
import json, sys
st = ["pending", "in_progress", "completed", "blocked"]
pr = ["low", "medium", "high"]
cats = ["Meetings", "Sales", "Research", "Writing", "Development", "Admin", "Personal"]
json.dump([{"title": f"Task {i}: follow up with client {i % 97} about the proposal",
            "status": st[i % 4], "priority": pr[i % 3], "category": cats[i % 7],
            "due": f"2026-12-{1 + i % 28:02d}" if i % 3 else None} for i in range(10000)],
          open(sys.argv[1], "w"))
PY
"$CLI" --data-dir "$WORK/empty" tasks list >/dev/null
"$CLI" --data-dir "$WORK/10k" tasks import "$WORK/10k.json" >/dev/null

BENCH_INNER=1 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" | python3 -c '
import sys, statistics
rows = {}
for line in sys.stdin:
    if not line.startswith("BENCH "):
        continue  # whatever else the X and D-Bus helpers print
    _, board, ms, mem = line.split()
    rows.setdefault(board, []).append((ms, int(mem)))
print("| board | runs | start → board painted, median (min–max) | memory after 5 s idle (PSS, app + WebKit) |")
print("|---|---|---|---|")
for board, rs in rows.items():
    ms = [int(m) for m, _ in rs if m.isdigit()]
    mem = [m for _, m in rs]
    med = statistics.median(ms) if ms else float("nan")
    print(f"| {board} | {len(rs)} | {med:.0f} ms ({min(ms, default=0)}–{max(ms, default=0)}) | {statistics.median(mem):.0f} MiB |")
'

#!/usr/bin/env bash
# Installs the built .deb into a clean Debian 12 root, the way a user would (`apt install
# ./Utter.deb`, so the declared dependencies are resolved for real), then:
#   - the CLI is on the PATH at /usr/bin/utter: `utter --version`, `utter tasks add`, `tasks list`;
#   - the app starts from its .desktop entry's Exec line under Xvfb and paints the board with
#     the card the CLI added (the app logs `board painted … cards=1`); a screenshot is kept;
#   - the installed app's updater, pointed at a release server on 127.0.0.1 (signed with the
#     TEST-ONLY key in tests/fixtures/update), offers "Update ready — restart" for a correctly
#     signed newer version and refuses one whose signature was tampered with;
#   - `apt remove` takes the program and leaves the user's data.
# And checks that the .rpm carries the same two binaries.
#   scripts/test-package.sh [path/to/Utter.deb]
# The clean root (debootstrap minbase + package lists) is cached as a tarball in
# $UTTER_PKG_CACHE (default ~/.cache/utter-pkg-root) with the downloaded .debs, so a rerun
# unpacks it afresh and downloads nothing new. Needs root (chroot, mounts in a private mount
# namespace that vanishes with the script).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DEB=${1:-$(ls -t target/*/bundle/deb/*.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || { echo "no .deb: run scripts/package.sh --debug --bundles deb,rpm first" >&2; exit 1; }
DEB=$(realpath "$DEB")
# target/<profile>/bundle/deb/…: a debug build lets the test point its updater at 127.0.0.1.
PROFILE=$(basename "$(dirname "$(dirname "$(dirname "$DEB")")")")
RPM=$(ls -t "$(dirname "$(dirname "$DEB")")"/rpm/*.rpm 2>/dev/null | head -1 || true)
CACHE=${UTTER_PKG_CACHE:-$HOME/.cache/utter-pkg-root}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE=$CACHE/bookworm-minbase.tar
ARCHIVES=$CACHE/apt-archives
ARTIFACTS=$ROOT/target/package-artifacts
mkdir -p "$CACHE" "$ARCHIVES/partial" "$ARTIFACTS"
started=$(date +%s)

# A week-old root is rebuilt so its package lists match the mirror's current packages.
if [ ! -f "$BASE" ] || [ -n "$(find "$BASE" -mtime +7)" ]; then
  echo "==> debootstrap: a clean Debian 12 (minbase) root into $BASE"
  fresh=$(mktemp -d) && chmod 755 "$fresh"   # apt's _apt user reads the lists in it
  debootstrap --variant=minbase bookworm "$fresh" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log"; rm -rf "$fresh"; exit 1; }
  # The same suites a Debian 12 user has: point releases and security updates.
  cat >"$fresh/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
EOF
  unshare --mount --fork chroot "$fresh" apt-get update -qq
  chroot "$fresh" apt-get clean
  tar -C "$fresh" -cf "$BASE.tmp" . && mv "$BASE.tmp" "$BASE"
  rm -rf "$fresh"
fi

WORK=$(mktemp -d)
R=$WORK/root
XVFB_PID="" HTTP_PID=""
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  [ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$R" && tar -C "$R" -xf "$BASE"
cp "$DEB" "$R/tmp/utter.deb"

# A display for the installed app: Xvfb runs here, its socket is bind-mounted into the root.
DISP=$((90 + RANDOM % 400))
Xvfb ":$DISP" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do DISPLAY=":$DISP" xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

# What runs inside the root. Every check prints what it saw and fails the script when wrong.
cat >"$R/tmp/check.sh" <<'EOF'
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive HOME=/root LANG=C.UTF-8
fail() { echo "FAIL: $*" >&2; exit 1; }
# A screenshot, taken from outside (ImageMagick is not in the root): ask, wait for it.
shoot() { touch "/tmp/shoot/$1"; for _ in $(seq 100); do [ -f "/tmp/shoot/$1.done" ] && return; sleep 0.1; done; }
mkdir -p /tmp/shoot
t0=$(date +%s)
apt-get install -y -qq --no-install-recommends /tmp/utter.deb >/tmp/apt.log 2>&1 \
  || { tail -30 /tmp/apt.log; fail "apt could not install the package"; }
echo "installed with its dependencies in $(( $(date +%s) - t0 )) s ($(dpkg -l | grep -c '^ii') packages in the root)"

[ "$(command -v utter)" = /usr/bin/utter ] || fail "utter is not /usr/bin/utter on the PATH"
version=$(utter --version)
echo "utter --version: $version"
[ "$version" = "utter $EXPECTED_VERSION" ] || fail "expected 'utter $EXPECTED_VERSION'"
id=$(utter tasks add "Ship the installer" --priority high --json | sed -n 's/.*"id": *\([0-9]*\).*/\1/p' | head -1)
[ -n "$id" ] || fail "tasks add printed no id"
utter tasks list --json | grep -q '"Ship the installer"' || fail "the new task is not in tasks list"
echo "utter tasks add → #$id, listed"
data=$(dirname "$(utter where)")
# First-run setup would cover the board; the CLI can answer it as done.
utter settings set onboarding.done on

desktop=/usr/share/applications/Utter.desktop
[ -f "$desktop" ] || fail "no $desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
ls /usr/share/icons/hicolor/*/apps/"$icon".png >/dev/null || fail "no icon $icon in hicolor"
echo "desktop entry: Exec=$exec_line Icon=$icon"

# A release build would check the real release channel: not from a test (loopback only).
[ "$PROFILE" = release ] && export UTTER_UPDATES=off
: >/tmp/app.log
UTTER_LOG=info $exec_line >/tmp/app.log 2>&1 &
app=$!
for _ in $(seq 240); do
  grep -q "board painted" /tmp/app.log && break
  kill -0 $app 2>/dev/null || { cat /tmp/app.log; fail "the app exited"; }
  sleep 0.25
done
grep "board painted" /tmp/app.log || { tail -30 /tmp/app.log; fail "the board was not painted within 60 s"; }
grep -q "board painted.*cards=1" /tmp/app.log || fail "the board did not show the CLI's card"
shoot installed-app
kill $app; wait $app 2>/dev/null || true

# The updater of the installed app against the test release server (debug build: the env
# may point it there; a release build only ever trusts its configured endpoint and key).
update_check() { # NAME ENDPOINT → the app's log of one start, in /tmp/NAME.log
  : >/tmp/$1.log
  UTTER_LOG=info UTTER_UPDATE_ENDPOINT=$2 UTTER_UPDATE_PUBKEY=$UPDATE_PUBKEY $exec_line >/tmp/$1.log 2>&1 &
  local pid=$!
  for _ in $(seq 240); do
    grep -q "update check" /tmp/$1.log && break
    kill -0 $pid 2>/dev/null || { cat /tmp/$1.log; fail "the app exited"; }
    sleep 0.25
  done
  grep "update check\|update refused" /tmp/$1.log || { tail -30 /tmp/$1.log; fail "no update check within 60 s"; }
  sleep 1   # the UI gets the event
  shoot "$1"
  kill $pid; wait $pid 2>/dev/null || true
}
if [ "$PROFILE" = release ]; then
  echo "updater: skipped (a release build trusts only its own endpoint and key; see cargo test -p utter-desktop)"
else
update_check update-ready "$UPDATE_BASE/good/latest.json"
grep -q 'update check status=Ready { version: "0.2.0"' /tmp/update-ready.log \
  || fail "a correctly signed 0.2.0 was not offered"
update_check update-tampered "$UPDATE_BASE/tampered/latest.json"
grep -q 'update check status=Failed { reason: "update refused' /tmp/update-tampered.log \
  || fail "a tampered signature was not refused"
echo "updater: signed 0.2.0 offered, tampered signature refused"
fi

apt-get remove -y -qq utter >/tmp/apt-remove.log 2>&1 || fail "apt remove failed"
[ ! -e /usr/bin/utter ] && [ ! -e /usr/bin/utter-desktop ] || fail "binaries left after remove"
[ -f "$data/utter.db" ] || fail "remove deleted the user's data ($data)"
echo "apt remove: binaries gone, data kept in $data"
EOF

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
echo "==> installing $(basename "$DEB") into a clean Debian 12 root"
status=0
# The release server for the updater check: the test fixture, correctly signed and with one
# character of its signature changed, on 127.0.0.1 (the root shares this network).
FIX=$ROOT/tests/fixtures/update
for kind in good tampered; do
  mkdir -p "$WORK/releases/$kind"
  cp "$FIX/update-0.2.0.bin" "$WORK/releases/$kind/"
  sig=$FIX/update-0.2.0.bin.sig; [ $kind = tampered ] && sig=$FIX/update-0.2.0.bin.tampered.sig
  printf '{"version":"0.2.0","notes":"Faster transcription","pub_date":"2026-12-01T00:00:00Z","platforms":{"linux-x86_64":{"signature":"%s","url":"%s"}}}' \
    "$(cat "$sig")" "http://127.0.0.1:PORT/$kind/update-0.2.0.bin" >"$WORK/releases/$kind/latest.json"
done
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s/PORT/$PORT/" "$WORK"/releases/*/latest.json
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/releases" >"$WORK/http.log" 2>&1 &
HTTP_PID=$!
UPDATE_PUBKEY=$(cat "$FIX/TEST-ONLY-updater.key.pub")

# Screenshots on request from inside the root (see shoot() in check.sh).
(
  mkdir -p "$R/tmp/shoot"
  while [ ! -f "$R/tmp/shoot/stop" ]; do
    for req in "$R"/tmp/shoot/*; do
      name=$(basename "$req")
      case "$name" in *.done|stop|\*) continue ;; esac
      [ -f "$req.done" ] && continue
      sleep 1
      DISPLAY=":$DISP" import -window root "$ARTIFACTS/$name.png" 2>/dev/null || true
      touch "$req.done"
    done
    sleep 0.1
  done
) &
shooter=$!
unshare --mount --fork bash -c '
  set -e
  R=$1
  mount --rbind /dev "$R/dev"
  mount -t proc proc "$R/proc"
  mount --bind "$2" "$R/var/cache/apt/archives"
  mkdir -p "$R/tmp/.X11-unix"
  mount --bind /tmp/.X11-unix "$R/tmp/.X11-unix"
  exec chroot "$R" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DISPLAY=":$3" EXPECTED_VERSION="$4" UPDATE_BASE="$5" UPDATE_PUBKEY="$6" PROFILE="$7" bash /tmp/check.sh
' _ "$R" "$ARCHIVES" "$DISP" "$version" "http://127.0.0.1:$PORT" "$UPDATE_PUBKEY" "$PROFILE" || status=$?
touch "$R/tmp/shoot/stop"
kill $shooter 2>/dev/null || true
wait $shooter 2>/dev/null || true
for log in app update-ready update-tampered; do
  [ -f "$R/tmp/$log.log" ] && cp "$R/tmp/$log.log" "$ARTIFACTS/installed-$log.log"
done
((status == 0)) || { echo "package test FAILED"; exit $status; }

if [ -n "$RPM" ] && command -v rpm >/dev/null; then
  files=$(rpm -qlp "$RPM")
  for f in /usr/bin/utter /usr/bin/utter-desktop /usr/share/applications/Utter.desktop; do
    grep -qx "$f" <<<"$files" || { echo "FAIL: $f missing from $(basename "$RPM")"; exit 1; }
  done
  echo "rpm: $(basename "$RPM") carries both binaries and the desktop entry"
fi
echo "package test passed in $(( $(date +%s) - started )) s (screenshots: target/package-artifacts/)"

#!/usr/bin/env bash
# Builds the installers for this system with the Tauri bundler: the desktop app plus the
# `utter` CLI (an externalBin: /usr/bin/utter in deb/rpm, beside the app on macOS/Windows).
#   scripts/package.sh [--debug] [--bundles deb,rpm] [--no-build]
# --debug bundles target/debug (what `make test` already built; no second, release build).
# Installers land in target/<profile>/bundle/<kind>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
profile=release bundles="" build=1
while (($#)); do
  case "$1" in
    --debug) profile=debug ;;
    --bundles) bundles=$2; shift ;;
    --no-build) build=0 ;;
    *) echo "usage: $0 [--debug] [--bundles deb,rpm] [--no-build]" >&2; exit 2 ;;
  esac
  shift
done
CARGO=${CARGO:-cargo}
triple=$(rustc -vV | sed -n 's/^host: //p')
exe=""; case "$triple" in *windows*) exe=.exe ;; esac

[ -x ui/node_modules/.bin/tauri ] || npm ci --prefix ui --no-audit --no-fund --loglevel=error
if ((build)); then
  npm --prefix ui run build --silent
  # Plain cargo (not `tauri build`): the same build `make test` makes, so CI compiles once.
  # custom-protocol is always on in src-tauri/Cargo.toml, so this binary embeds ui/dist.
  flag=(); [ "$profile" = release ] && flag=(--release)
  $CARGO build "${flag[@]}" -p utter -p utter-desktop
fi

# The bundler wants externalBin files named for the target triple.
mkdir -p src-tauri/binaries
cp "target/$profile/utter$exe" "src-tauri/binaries/utter-$triple$exe"

args=(bundle --ci --config tauri.cli.conf.json)
[ "$profile" = debug ] && args+=(--debug)
# The AppImage's tools (linuxdeploy, AppRun) are downloaded from GitHub by the bundler, which
# no package registry ships: here Linux gets deb + rpm, the release workflow all three.
if [ -z "$bundles" ] && [ "$(uname)" = Linux ] && [ -z "${UTTER_APPIMAGE:-}" ]; then bundles=deb,rpm; fi
[ -n "$bundles" ] && args+=(--bundles "$bundles")
# Updater artifacts (.sig files) only when a release key is at hand (the release workflow).
if [ -n "${TAURI_SIGNING_PRIVATE_KEY:-}" ]; then
  args+=(--config tauri.release.conf.json)
fi
(cd src-tauri && "$ROOT/ui/node_modules/.bin/tauri" "${args[@]}")
find "target/$profile/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.AppImage' \
  -o -name '*.dmg' -o -name '*.msi' -o -name '*.exe' -o -name '*.sig' \) -newer "src-tauri/binaries/utter-$triple$exe" \
  -exec ls -la {} +

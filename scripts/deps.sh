#!/usr/bin/env bash
# Installs what building, running and testing Utter needs on Debian 12 (apt, npm, cargo).
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # build
  build-essential pkg-config cmake clang libclang-dev libssl-dev libdbus-1-dev
  libasound2-dev libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # headless desktop tests: X server, WebKit's WebDriver, Chromium, screenshots, dbus
  xvfb xauth imagemagick x11-apps webkit2gtk-driver dbus dbus-x11 at-spi2-core
  chromium chromium-driver xdotool
  # the real OS keychain (Secret Service) for the keychain tests
  gnome-keyring
  # remote MCP sign-in tests follow the authorization redirects with curl as the "browser"
  curl
  # voice tests: synthetic speech, audio conversion, a virtual microphone (PulseAudio null
  # sink, ALSA plugins), and a venv for converting the test Whisper model
  espeak-ng sox pulseaudio pulseaudio-utils libasound2-plugins python3-venv
  # a real notification daemon, and another app that owns a hotkey (xbindkeys)
  dunst xbindkeys
  # installers: a clean Debian root to install the .deb into, and rpm to read the .rpm
  debootstrap rpm
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> apt: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm: installing the UI's packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix ui --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> cargo: installing tauri-driver (WebDriver for the real app window)"
  cargo install tauri-driver --locked --quiet
fi

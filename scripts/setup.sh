#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: system packages (only when missing) and npm packages
# (only when package-lock.json changed since the last install). Called by `npm start` and `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need() { # need <command-or-lib-check> <debian package>
  if ! eval "$1" >/dev/null 2>&1; then missing+=("$2"); fi
}
# Every system tool the product or a test runs (test/support/required-tools.ts lists the tests' own).
need 'command -v socat' socat
need 'command -v openssl' openssl
need 'command -v systemd-analyze' systemd
need 'command -v setpriv' util-linux
need 'command -v chromium' chromium
need 'command -v udevadm' udev
need 'ldconfig -p | grep -q libusb-1.0.so.0' libusb-1.0-0
need 'ldconfig -p | grep -q libudev.so.1' libudev1

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=node_modules/.kiosk-setup-stamp
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "setup: installing npm packages (npm ci)"
  # Electron's binary is fetched by its own postinstall; where that host is unreachable the product
  # runs in browser mode and headless, so skip it when asked (CI does).
  ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}" npm ci --no-audit --no-fund
  echo "$lock_sum" > "$stamp"
fi

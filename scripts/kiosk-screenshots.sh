#!/usr/bin/env bash
# Builds and runs the kiosk's GUI test (offscreen, emulated card in process), then copies the
# screenshot of every screen, at 1920x1080 and 1366x768, to docs/screenshots/ for reviewers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" --target kiosk_ui_KioskUiTest
rm -rf "$build/kiosk-screenshots"
(cd "$build" && QT_QPA_PLATFORM=offscreen ./bin/kiosk_ui_KioskUiTest)
for size in 1920x1080 1366x768; do
    mkdir -p "$root/docs/screenshots/$size"
    cp "$build/kiosk-screenshots/$size/"*.png "$root/docs/screenshots/$size/"
done
echo "screenshots in docs/screenshots/"

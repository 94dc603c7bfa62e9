#!/usr/bin/env bash
# Builds and runs the kiosk's GUI tests, then copies the screenshot of every screen to
# docs/screenshots/ for reviewers: the in-process test (offscreen) at 1920x1080 and 1366x768,
# and the test over pcscd under Xvfb (a real X server) at 1366x768, docs/screenshots/pcscd-xvfb.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
export CCCD_STATE_DIR=$build/run
"$root/scripts/deps.sh"
"$root/scripts/build.sh" --target kiosk_ui_KioskUiTest kiosk_ui_KioskPcscE2ETest
rm -rf "$build/kiosk-screenshots"
(cd "$build" && QT_QPA_PLATFORM=offscreen ./bin/kiosk_ui_KioskUiTest)
trap '"$root/scripts/pcscd.sh" stop' EXIT
"$root/scripts/pcscd.sh" start
(cd "$build" && xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
    ./bin/kiosk_ui_KioskPcscE2ETest)
for size in 1920x1080 1366x768; do
    mkdir -p "$root/docs/screenshots/$size"
    cp "$build/kiosk-screenshots/$size/"*.png "$root/docs/screenshots/$size/"
done
mkdir -p "$root/docs/screenshots/pcscd-xvfb"
cp "$build/kiosk-screenshots/pcscd-xcb/"*.png "$root/docs/screenshots/pcscd-xvfb/"
echo "screenshots in docs/screenshots/"

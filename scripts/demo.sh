#!/usr/bin/env bash
# The main job on the built-in emulated card: install what is missing, build, start pcscd with
# vpcd and the emulated card, read the card with cccd-read through PC/SC, print the JSON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
persona=${1:-vn-basic}
export CCCD_STATE_DIR=$build/run

"$root/scripts/deps.sh"
"$root/scripts/build.sh" -DCCCD_BUILD_TESTS=OFF

cleanup() {
    [ -n "${emulator_pid:-}" ] && kill "$emulator_pid" 2>/dev/null || true
    "$root/scripts/pcscd.sh" stop
}
trap cleanup EXIT
"$root/scripts/pcscd.sh" start

profiles=$build/profiles
"$build/bin/cccd-emulator" --profile "$profiles/$persona.json" >"$CCCD_STATE_DIR/emulator.log" 2>&1 &
emulator_pid=$!

"$build/bin/cccd-read" --mrz-file "$profiles/$persona.mrz" --trust "$profiles/csca.pem" \
    --portrait "$CCCD_STATE_DIR/portrait.jpg" --wait 10 --progress
echo "Portrait saved to $CCCD_STATE_DIR/portrait.jpg" >&2

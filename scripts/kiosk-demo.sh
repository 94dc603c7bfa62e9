#!/usr/bin/env bash
# The counter application over PC/SC with the emulated card: pcscd with vpcd, cccd-emulator
# with a control socket, and cccd-kiosk trusting the emulated cards' CSCA. In the kiosk, F5 puts
# PERSONA's card on the reader (default vn-basic) and F6 takes it off; from another terminal:
#   build/bin/cccd-emulator --control build/run/emulator.sock --send "present vn-no-expiry"
#   build/bin/cccd-emulator --control build/run/emulator.sock --send remove
# Needs a display (or run it under xvfb-run). Further arguments go to cccd-kiosk.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
export CCCD_STATE_DIR=$build/run
persona=${1:-vn-basic}
shift || true

"$root/scripts/deps.sh"
"$root/scripts/build.sh" --target cccd-kiosk cccd-emulator cccd_emulator_profiles >&2

socket=$CCCD_STATE_DIR/emulator.sock
emulator=
stop() {
    [ -n "$emulator" ] && kill "$emulator" 2>/dev/null && wait "$emulator" 2>/dev/null
    "$root/scripts/pcscd.sh" stop
}
trap stop EXIT
"$root/scripts/pcscd.sh" start
mkdir -p "$CCCD_STATE_DIR"
rm -f "$socket"
"$build/bin/cccd-emulator" --control "$socket" >"$CCCD_STATE_DIR/emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 50); do
    [ -S "$socket" ] && break
    sleep 0.1
done
[ -S "$socket" ] || { echo "cccd-emulator did not start; see $CCCD_STATE_DIR/emulator.log" >&2; exit 1; }

echo "cccd-kiosk: F5 presents $persona's card, F6 removes it" >&2
"$build/bin/cccd-kiosk" --trust "$build/profiles/csca.pem" --emulator-control "$socket" \
    --demo-persona "$persona" "$@"

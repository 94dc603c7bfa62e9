#!/usr/bin/env bash
# The main job on the built-in emulated card: install what is missing, build, start pcscd with
# vpcd and the emulated card, read the card with cccd-read through PC/SC, print the JSON.
# Usage: scripts/demo.sh [PERSONA]   (default vn-basic; see drivers/emulator/personas/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
persona=${1:-vn-basic}
export CCCD_STATE_DIR=$build/run

case "$persona" in
-h | --help)
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac
if [ ! -f "$root/drivers/emulator/personas/$persona.json" ] && [ "$persona" != bsi-reference ]; then
    echo "demo: no persona '$persona'; choose one of:" \
        $(basename -s .json "$root"/drivers/emulator/personas/*.json) bsi-reference >&2
    exit 2
fi

# Setup and build logs go to standard error: standard output is the JSON alone.
"$root/scripts/deps.sh" >&2
"$root/scripts/build.sh" --target cccd-read cccd-emulator cccd_emulator_profiles >&2

cleanup() {
    if [ -n "${emulator_pid:-}" ]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    "$root/scripts/pcscd.sh" stop
}
trap cleanup EXIT
"$root/scripts/pcscd.sh" start

profiles=$build/profiles
"$build/bin/cccd-emulator" --profile "$profiles/$persona.json" \
    >"$CCCD_STATE_DIR/emulator.log" 2>&1 &
emulator_pid=$!

portrait="$CCCD_STATE_DIR/$persona-portrait.jpg"
status=0
# PACE with the CAN (the last 6 digits of the ID number) as the Vietnamese card prefers; the MRZ
# key opens cards that offer only BAC.
can=()
if [ -s "$profiles/$persona.can" ]; then
    can=(--can "$(cat "$profiles/$persona.can")")
fi
"$build/bin/cccd-read" "${can[@]}" --mrz-file "$profiles/$persona.mrz" \
    --trust "$profiles/csca.pem" --portrait "$portrait" --wait 10 --progress || status=$?
echo "Portrait saved to $portrait; cccd-read exited with $status (0: read and verified)" >&2
exit "$status"

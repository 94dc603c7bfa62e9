#!/usr/bin/env bash
# start|stop a pcscd that loads vsmartcard's vpcd driver (the emulated card's reader).
# If a pcscd is already running, start leaves it alone and stop does not touch it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${CCCD_STATE_DIR:-$root/build/run}
port=${CCCD_VPCD_PORT:-35963}
mkdir -p "$state"

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

case "${1:-}" in
start)
    if pgrep -x pcscd >/dev/null; then
        echo "pcscd is already running; using it"
        exit 0
    fi
    mkdir -p "$state/reader.conf.d"
    printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x%X\nLIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID 0x%X\n' \
        "$port" "$port" >"$state/reader.conf.d/vpcd"
    "${sudo_cmd[@]}" pcscd --foreground --config "$state/reader.conf.d" >"$state/pcscd.log" 2>&1 &
    echo $! >"$state/pcscd.pid"
    for _ in $(seq 50); do
        [ -S /run/pcscd/pcscd.comm ] && exit 0
        sleep 0.1
    done
    echo "pcscd did not start; see $state/pcscd.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$state/pcscd.pid" ]; then
        "${sudo_cmd[@]}" kill "$(cat "$state/pcscd.pid")" 2>/dev/null || true
        rm -f "$state/pcscd.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

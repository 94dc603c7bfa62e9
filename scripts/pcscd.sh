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

# A live pcscd: running or sleeping, not a zombie or a process on its way out.
running() {
    local pid
    for pid in $(pgrep -x pcscd || true); do
        case "$(ps -o stat= -p "$pid" 2>/dev/null)" in
        R* | S* | D*) return 0 ;;
        esac
    done
    return 1
}

case "${1:-}" in
start)
    if running; then
        echo "pcscd is already running; using it" >&2
        rm -f "$state/pcscd.pid" # not ours: stop must leave it alone
        exit 0
    fi
    mkdir -p "$state/reader.conf.d"
    printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x%X\nLIBPATH %s\nCHANNELID 0x%X\n' \
        "$port" /usr/lib/pcsc/drivers/serial/libifdvpcd.so "$port" >"$state/reader.conf.d/vpcd"
    # No pcscd runs, so a socket left behind is stale: remove it, then wait for our pcscd's.
    "${sudo_cmd[@]}" rm -f /run/pcscd/pcscd.comm
    "${sudo_cmd[@]}" pcscd --foreground --config "$state/reader.conf.d" >"$state/pcscd.log" 2>&1 &
    echo $! >"$state/pcscd.pid"
    for _ in $(seq 50); do
        running && [ -S /run/pcscd/pcscd.comm ] && exit 0
        sleep 0.1
    done
    echo "pcscd did not start; see $state/pcscd.log" >&2
    exit 1
    ;;
stop)
    [ -f "$state/pcscd.pid" ] || exit 0
    pid=$(cat "$state/pcscd.pid")
    rm -f "$state/pcscd.pid"
    "${sudo_cmd[@]}" kill "$pid" 2>/dev/null || true
    # Return only once it is gone, so that a start right after this one starts afresh.
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || exit 0
        sleep 0.1
    done
    "${sudo_cmd[@]}" kill -KILL "$pid" 2>/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

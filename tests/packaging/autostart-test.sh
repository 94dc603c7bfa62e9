#!/usr/bin/env bash
# cccd-kiosk-autostart (package cccd-kiosk) in a scratch directory instead of /etc/xdg/autostart:
# enable writes an XDG autostart entry that starts the kiosk full screen, disable removes it,
# status tells which, anything else is a usage error.
set -euo pipefail
script=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export CCCD_AUTOSTART_DIR=$dir/autostart
entry=$CCCD_AUTOSTART_DIR/cccd-kiosk.desktop
fail() {
    echo "autostart-test: $*" >&2
    exit 1
}

[ "$("$script" status)" = disabled ] || fail "status before enable"
"$script" enable >/dev/null
grep -qx 'Exec=cccd-kiosk --fullscreen' "$entry" || fail "no full screen Exec line in $entry"
grep -qx 'Type=Application' "$entry" || fail "no Type line"
[ "$("$script" status)" = "enabled ($entry)" ] || fail "status after enable"
"$script" disable >/dev/null
[ ! -e "$entry" ] || fail "disable left $entry"
[ "$("$script" status)" = disabled ] || fail "status after disable"
status=0
"$script" restart 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "an unknown command exited with $status, not 2"
echo "cccd-kiosk-autostart: enable, status, disable and usage behave"

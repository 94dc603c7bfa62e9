#!/usr/bin/env bash
# The Debian packages as a user gets them (packaging/README.md): builds them from build/ (or
# $CCCD_BUILD_DIR, configured by scripts/build.sh), installs them with apt, builds the installed
# C and C++ samples against /usr, reads the emulated card of the installed cccd-emulator through
# pcscd with /usr/bin/cccd-read (saving an evidence bundle), the C, C++ and Python samples,
# re-verifies the bundle with /usr/bin/cccd-verify and a trust directory of its own, builds
# tests/consumer against /usr with the CMake package and with pkg-config and runs it, checks
# the kiosk's programs, then purges every package it installed (dependencies
# apt pulled in included), so the machine is left as found.
# CCCD_VPCD_LOCK=FILE: hold this lock (flock) around the card read, for a pcscd shared by others.
# CCCD_PACKAGE_TEST_PERSONA=NAME: read this persona's card instead of vn-basic (it must verify).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
spec=${CCCD_SPEC_DIR:-$root/../shared/spec}
export CCCD_STATE_DIR=${CCCD_STATE_DIR:-$build/run}
work=$build/package-test
persona=${CCCD_PACKAGE_TEST_PERSONA:-vn-basic} # the card read (drivers/emulator/personas)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive

started=$(date +%s)
step() {
    echo "package-test: $* ($(($(date +%s) - started)) s)" >&2
}
skip() {
    echo "package-test: SKIPPED: $*" >&2
}

# --- build the packages ---------------------------------------------------------------------
step "building the Debian packages"
rm -rf "$build/packages" "$work"
mkdir -p "$work" "$CCCD_STATE_DIR"
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
debs=("$build"/packages/*.deb)
names=()
for deb in "${debs[@]}"; do
    names+=("$(dpkg-deb -f "$deb" Package)")
done
step "built ${names[*]}"

# The dependencies a user relies on (packaging/README.md): the reader service for the programs
# that read cards, and libcccd0 (trust anchor, address tables) for every user of the SDK.
depends_on() { # PACKAGE DEPENDENCY
    local deb
    deb=$(compgen -G "$build/packages/$1_*.deb") || return 0 # not built in this tree
    dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -q "^ *$2\b" ||
        { echo "package-test: $1 does not depend on $2" >&2; exit 1; }
}
for package in cccd-tools cccd-kiosk; do
    depends_on "$package" pcscd
    depends_on "$package" libcccd0
done
depends_on cccd-emulator vsmartcard-vpcd
depends_on libcccd-dev libcccd0
depends_on python3-cccd libcccd0

# --- install with apt; purge on every exit ----------------------------------------------------
dpkg-query -W -f='${Package}\n' | sort >"$work/before.txt"
emulator_pid=
cleanup() {
    local status=$?
    if [ -n "$emulator_pid" ]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    "$root/scripts/pcscd.sh" stop || true
    dpkg-query -W -f='${Package}\n' | sort >"$work/after.txt"
    printf '%s\n' "${names[@]}" | sort >"$work/ours.txt"
    mapfile -t added < <(comm -13 "$work/before.txt" "$work/after.txt" |
        comm -23 - "$work/ours.txt")
    step "purging ${names[*]} ${added[*]}"
    "${sudo_cmd[@]}" apt-get purge -y -qq "${names[@]}" "${added[@]}" >"$work/purge.log" 2>&1 ||
        { cat "$work/purge.log" >&2; status=1; }
    exit "$status"
}
trap cleanup EXIT
step "installing with apt"
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${debs[@]}" \
    >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# --- the samples of the installed packages, built against /usr as a developer would ---------
examples=/usr/share/doc/cccd/examples
for doc in getting-started.md bank-integration.md errors.md c-api.md evidence-bundle.md; do
    [ -f "/usr/share/doc/cccd/$doc" ] || { echo "package-test: $doc is not installed" >&2; exit 1; }
done
step "building the installed C and C++ samples against /usr"
for sample in kyc-check read-card; do
    if ! { cmake -S "$examples/$sample" -B "$work/$sample" -G Ninja -DCMAKE_BUILD_TYPE=Release &&
        cmake --build "$work/$sample"; } >"$work/$sample.log" 2>&1; then
        cat "$work/$sample.log" >&2
        exit 1
    fi
done

# --- the installed programs read the installed emulator's card through pcscd ---------------
profiles=/usr/share/cccd/emulator/profiles
can=$(cat "$profiles/$persona.can")
# Every read of the card: cccd-read (saving an evidence bundle without the portrait), the C
# sample's KYC decision, the C++ sample and the Python sample with the installed module.
read_card() {
    /usr/bin/cccd-emulator --profile "$profiles/$persona.json" \
        >"$work/emulator.log" 2>&1 &
    emulator_pid=$!
    /usr/bin/cccd-read --can "$can" --mrz-file "$profiles/$persona.mrz" \
        --trust "$profiles/csca.pem" --wait 10 --output "$work/read.json" \
        --bundle "$work/read.bundle" --bundle-groups 1,13,14,15 || true
    "$work/kyc-check/kyc-check" --trust "$profiles/csca.pem" --can "$can" \
        >"$work/kyc-check.txt" || true
    "$work/read-card/read-card" --trust "$profiles/csca.pem" --can "$can" \
        >"$work/read-card.json" || true
    if installed python3-cccd; then
        # Debian's python3, the one the package depends on (not one earlier on PATH).
        (cd / && /usr/bin/python3 "$examples/read_card.py" --trust "$profiles/csca.pem" \
            --can "$can") >"$work/read_card_py.json" || true
    fi
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
}
verified() { # FILE LABEL: the JSON's "verified" is true
    python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["verified"] is True
                else 1)' "$1" 2>/dev/null || {
        echo "package-test: $2 did not verify the card; emulator log:" >&2
        cat "$work/emulator.log" >&2
        exit 1
    }
}
if installed cccd-tools && installed cccd-emulator; then
    step "reading the emulated card with the installed programs"
    "$root/scripts/pcscd.sh" start
    if [ -n "${CCCD_VPCD_LOCK:-}" ]; then
        exec 9>>"$CCCD_VPCD_LOCK"
        flock 9
        step "holding $CCCD_VPCD_LOCK"
        read_card
        exec 9>&- # releases the lock
    else
        read_card
    fi
    "$root/scripts/pcscd.sh" stop
    verified "$work/read.json" "/usr/bin/cccd-read"
    grep -qx accept "$work/kyc-check.txt" || {
        echo "package-test: kyc-check did not accept:" >&2
        cat "$work/kyc-check.txt" >&2
        exit 1
    }
    verified "$work/read-card.json" "the C++ sample read-card"
    if installed python3-cccd; then
        verified "$work/read_card_py.json" "the Python sample read_card.py"
    else
        skip "python3-cccd is not built in this tree"
    fi
    step "read and verified by cccd-read, kyc-check, read-card and read_card.py"
else
    echo "package-test: cccd-tools or cccd-emulator was not built" >&2
    exit 1
fi

# --- the saved bundle re-verified without the card, as on a server with its own trust store ---
server=$work/server
mkdir -p "$server/trust"
cp "$profiles/csca.pem" "$server/trust/"
cp "$work/read.bundle" "$server/"
if python3 -c 'import json, sys; sys.exit("DG2" in json.load(open(sys.argv[1]))["files"])' \
    "$server/read.bundle"; then
    (cd "$server" && /usr/bin/cccd-verify read.bundle --trust trust >verify.json) ||
        { echo "package-test: cccd-verify did not verify the bundle" >&2; exit 1; }
    verified "$server/verify.json" "/usr/bin/cccd-verify"
    step "the bundle (without DG2) re-verified by /usr/bin/cccd-verify"
else
    echo "package-test: the bundle holds DG2, which --bundle-groups left out" >&2
    exit 1
fi

# --- the consumer project against /usr, both ways ---------------------------------------------
qr_image=()
if compgen -G "/usr/lib/*/libcccd_vision.a" >/dev/null &&
    [ -f "$build/qr-photos/clean-000.jpg" ]; then
    qr_image=("$build/qr-photos/clean-000.jpg") # the vision component too
fi
for mode in cmake pkg-config; do
    step "building tests/consumer against /usr with $mode"
    "$root/tests/consumer/run.sh" "$mode" /usr "$work/consumer-$mode" "$spec" "${qr_image[@]}" >&2
done

# --- the other packages' programs, where they are built -----------------------------------
if installed cccd-kiosk; then
    /usr/bin/cccd-kiosk --help >/dev/null
    autostart=$work/autostart
    CCCD_AUTOSTART_DIR=$autostart /usr/bin/cccd-kiosk-autostart enable >/dev/null
    grep -q '^Exec=cccd-kiosk --fullscreen$' "$autostart/cccd-kiosk.desktop"
    CCCD_AUTOSTART_DIR=$autostart /usr/bin/cccd-kiosk-autostart disable >/dev/null
    [ ! -e "$autostart/cccd-kiosk.desktop" ]
    step "cccd-kiosk and cccd-kiosk-autostart run"
else
    skip "cccd-kiosk is not built in this tree (no Qt 6)"
fi
step "done"

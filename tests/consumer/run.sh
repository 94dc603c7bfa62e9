#!/usr/bin/env bash
# Builds this consumer project against an installed SDK and runs its programs.
# Usage: run.sh cmake|pkg-config PREFIX WORK_DIR SPEC_DIR [QR_IMAGE]
#   PREFIX     where the SDK is installed: a staging tree (cmake --install --prefix) or /usr
#   WORK_DIR   scratch directory for the builds (emptied first)
#   SPEC_DIR   the shared card specification (samples read by sdk_verify)
#   QR_IMAGE   a card photo: also builds and runs vision_decode (component vision)
# Fails when a header, library or package file the programs need is not installed.
set -euo pipefail
mode=$1 prefix=$(realpath "$2") work=$3 spec=$4 qr_image=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
bsi=$spec/samples/bsi-tr03105-5-reference-dataset

rm -rf "$work"
mkdir -p "$work"

# The library directory as GNUInstallDirs names it: lib/<multiarch> under /usr, else lib.
libdir=
for dir in "$prefix/lib/$(gcc -print-multiarch)" "$prefix/lib" "$prefix/lib64"; do
    if [ -e "$dir/libcccd.so" ]; then
        libdir=$dir
        break
    fi
done
[ -n "$libdir" ] || { echo "run.sh: no libcccd.so under $prefix" >&2; exit 1; }

build_cmake() {
    local vision=OFF
    [ -z "$qr_image" ] || vision=ON
    # cccd_DIR: this install and no other (not one in /usr while a staging tree is tested).
    cmake -S "$here" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -Dcccd_DIR="$libdir/cmake/cccd" -DCONSUMER_VISION=$vision >"$work.log" 2>&1 ||
        { cat "$work.log" >&2; exit 1; }
    cmake --build "$work" >>"$work.log" 2>&1 || { cat "$work.log" >&2; exit 1; }
}

build_pkg_config() {
    local pcdir=$libdir/pkgconfig
    if [ "$prefix" != /usr ]; then
        # The files as installed, their prefix moved to the staging tree (pkg-config's
        # --define-variable would move the prefix of OpenSSL's and the others' files too).
        mkdir -p "$work/pkgconfig"
        for pc in cccd cccd-sdk; do
            sed "s|^prefix=.*|prefix=$prefix|" "$pcdir/$pc.pc" >"$work/pkgconfig/$pc.pc"
        done
        pcdir=$work/pkgconfig
    fi
    export PKG_CONFIG_PATH=$pcdir
    # shellcheck disable=SC2046 # pkg-config prints separate words
    cc -o "$work/capi_info" "$here/capi_info.c" $(pkg-config --cflags --libs cccd)
    # shellcheck disable=SC2046
    c++ -std=c++20 -o "$work/sdk_verify" "$here/sdk_verify.cpp" \
        $(pkg-config --static --cflags --libs cccd-sdk)
    export LD_LIBRARY_PATH=$libdir # no rpath in this build; harmless for /usr
}

case "$mode" in
cmake) build_cmake ;;
pkg-config) build_pkg_config ;;
*)
    echo "usage: $0 cmake|pkg-config PREFIX WORK_DIR SPEC_DIR [QR_IMAGE]" >&2
    exit 2
    ;;
esac

# The C API: version and the built-in trust anchor.
info=$("$work/capi_info")
echo "$info"
grep -q '"default_anchor": "ok"' <<<"$info" || { echo "run.sh: capi_info: $info" >&2; exit 1; }

# The C++ SDK: the MRZ of DG1, and DG1 and DG14 checked against the BSI reference SOD.
status=0
report=$("$work/sdk_verify" "$bsi/Datagroup1.bin" "$bsi/EF_SOD.bin" 14="$bsi/Datagroup14.bin") ||
    status=$?
if [ "$status" -ne 0 ] || ! grep -q '"passive_authentication"' <<<"$report"; then
    echo "run.sh: sdk_verify exited with $status:" >&2
    echo "$report" >&2
    exit 1
fi
echo "sdk_verify: MRZ parsed and every data group hash matches the SOD"

if [ -n "$qr_image" ] && [ "$mode" = cmake ]; then
    "$work/vision_decode" "$qr_image"
fi
echo "consumer ($mode, $prefix): OK"

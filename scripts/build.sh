#!/usr/bin/env bash
# Configures and builds into build/ (or $CCCD_BUILD_DIR) with the options CI uses, so that the
# demo and the tests share one build. Arguments are passed to `cmake --build` (e.g. --target X).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
# Ninja: both cores stay busy across targets (Make waits for a library's link before compiling
# what uses it). A tree configured with another generator is configured afresh.
if [ -f "$build/CMakeCache.txt" ] &&
    ! grep -qx "CMAKE_GENERATOR:INTERNAL=Ninja" "$build/CMakeCache.txt"; then
    rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
fi
# -O2 without debug information: a third less compile time than RelWithDebInfo, which the
# suite, built a second time with sanitizers (scripts/build-san.sh), cannot spare. Prefix /usr:
# the Debian packages are cut from this build (the library looks for its data there).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCCCD_BUILD_TESTS=ON -DCMAKE_INSTALL_PREFIX=/usr \
    -DCCCD_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" "$@"

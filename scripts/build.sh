#!/usr/bin/env bash
# Configures and builds into build/ (or $CCCD_BUILD_DIR) with the options CI uses, so that the
# demo and the tests share one build. Arguments are passed to `cmake --build` (e.g. --target X).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
# -O2 without debug information: a third less compile time than RelWithDebInfo, which the
# suite, built a second time with sanitizers (scripts/build-san.sh), cannot spare.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCCCD_BUILD_TESTS=ON \
    -DCCCD_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" "$@"

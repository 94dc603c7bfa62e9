#!/usr/bin/env bash
# Configures and builds build-san/ (or $CCCD_SAN_BUILD_DIR): every target, tests included, built
# with clang, AddressSanitizer (leak checking included) and UndefinedBehaviorSanitizer, plus the
# libFuzzer harnesses. scripts/sanitize.sh runs the suite from it and scripts/fuzz.sh its
# harnesses. Arguments are passed to `cmake --build` (e.g. --target cccd_fuzzers).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_SAN_BUILD_DIR:-$root/build-san}

# clang with its runtimes (libFuzzer, ASan, UBSan) and llvm-symbolizer for readable reports.
missing=()
for p in clang libclang-rt-14-dev llvm-14; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Ninja: both cores stay busy across targets (Make waits for a library's link before compiling
# what uses it). A tree configured with another generator is configured afresh.
if [ -f "$build/CMakeCache.txt" ] &&
    ! grep -qx "CMAKE_GENERATOR:INTERNAL=Ninja" "$build/CMakeCache.txt"; then
    rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
fi
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# -O1 and line tables only: the sanitizers' usual trade of speed, build time and readable stacks.
# No benchmarks: they measure, they test nothing.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
    -DCMAKE_C_FLAGS_SANITIZE="-O1 -gline-tables-only" \
    -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" \
    -DCCCD_SANITIZE=address,undefined -DCCCD_BUILD_TESTS=ON -DCCCD_BUILD_FUZZERS=ON \
    -DCCCD_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" "$@"

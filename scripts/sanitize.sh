#!/usr/bin/env bash
# The whole suite again, built with AddressSanitizer (leak checking included) and
# UndefinedBehaviorSanitizer by clang (build-san/, scripts/build-san.sh), then each fuzz harness
# for a short run from the same build (scripts/fuzz.sh). A sanitizer report ends the process it
# happens in, so the test that ran it fails. Usage: scripts/sanitize.sh [FUZZ_RUNS] (default 2000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_SAN_BUILD_DIR:-$root/build-san}
runs=${1:-2000}
export CCCD_STATE_DIR=$build/run

"$root/scripts/deps.sh"
"$root/scripts/build-san.sh"

# Reports name file and line (llvm-symbolizer); leaks inside system libraries that keep caches
# for the life of the process are listed, with the reason, in the suppressions file.
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

trap '"$root/scripts/pcscd.sh" stop' EXIT
"$root/scripts/pcscd.sh" start
(cd "$build" && ctest --output-on-failure -j"$(nproc)" --timeout 900)
CCCD_SAN_BUILD_DIR=$build "$root/scripts/fuzz.sh" "$runs"

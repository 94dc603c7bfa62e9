#!/usr/bin/env bash
# Every test: install what is missing, build with the tests, start pcscd with vpcd, run CTest,
# stop what was started; build, install, try and purge the Debian packages (package-test.sh);
# then the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer, and a short
# run of every fuzz harness (scripts/sanitize.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCCD_BUILD_DIR:-$root/build}
export CCCD_STATE_DIR=$build/run

"$root/scripts/deps.sh"
"$root/scripts/build.sh"

trap '"$root/scripts/pcscd.sh" stop' EXIT
"$root/scripts/pcscd.sh" start
(cd "$build" && ctest --output-on-failure -j"$(nproc)" --timeout 600)
"$root/scripts/pcscd.sh" stop

# The Debian packages: built, installed with apt, the installed tools run, purged again.
"$root/scripts/package-test.sh"

"$root/scripts/sanitize.sh"

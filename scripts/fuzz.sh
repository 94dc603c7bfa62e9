#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang in the sanitizer build (build-san/,
# scripts/build-san.sh) and runs each for RUNS inputs (default 2000) over its seed corpus; fails
# when any harness finds a crash, a leak or a sanitizer report. docs/fuzzing.md says how to run
# them for hours.
set -euo pipefail

runs="${1:-2000}"
cd "$(dirname "$0")/.."
root="$(pwd)"

build=${CCCD_SAN_BUILD_DIR:-$root/build-san}
CCCD_SAN_BUILD_DIR=$build "$root/scripts/build-san.sh" --target cccd_fuzzers >&2

# Each harness over its corpus (new inputs land there) and its regression inputs; the time cap
# only guards against a harness gone slow. Crashes are written to build-san/fuzz-crashes/.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
crashes="$build/fuzz-crashes"
mkdir -p "$crashes"
failed=()
for fuzzer in "$build"/bin/cccd-fuzz-*; do
    name="${fuzzer##*/cccd-fuzz-}"
    [ "$name" = "seeds" ] && continue
    corpus=("$build/fuzz-corpus/$name")
    [ -d "fuzz/regressions/$name" ] && corpus+=("fuzz/regressions/$name")
    log="$build/fuzz-logs/$name.log"
    mkdir -p "${log%/*}"
    start=$SECONDS
    if "$fuzzer" -runs="$runs" -max_total_time=60 -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$crashes/$name-" -print_final_stats=1 \
        "${corpus[@]}" >"$log" 2>&1; then
        executed=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$')
        echo "fuzz $name: ok, ${executed:-?} runs in $((SECONDS - start)) s" >&2
    else
        echo "fuzz $name: FAILED, see $log" >&2
        grep -E "^==[0-9]+==ERROR|runtime error|Test unit written" "$log" | head -5 >&2 || true
        failed+=("$name")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found crashes in: ${failed[*]} (inputs in $crashes)" >&2
    exit 1
fi
echo "fuzzing: every harness ran $runs inputs without a finding" >&2

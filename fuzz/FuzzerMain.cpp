// libFuzzer's entry point for one harness, chosen at compile time (CCCD_FUZZ_HARNESS is the
// harness function's name): one executable cccd-fuzz-<name> per harness.
#include <cstddef>
#include <cstdint>

#include "harness/Harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return cccd::fuzz::CCCD_FUZZ_HARNESS(data, size);
}

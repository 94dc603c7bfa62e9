#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cccd::fuzz {

// One entry point per parser that reads bytes an attacker controls (a card, a file, a QR code).
// Each feeds the bytes to the SDK the way the reader does and treats a cccd::Error as the
// expected answer to bad input; anything else that escapes (another exception, a crash, a
// sanitizer report) is a finding. All return 0, as libFuzzer wants.

int fuzzTlv(const std::uint8_t* data, std::size_t size);
int fuzzMrz(const std::uint8_t* data, std::size_t size);
int fuzzEfCom(const std::uint8_t* data, std::size_t size);
int fuzzDg1(const std::uint8_t* data, std::size_t size);
int fuzzDg2(const std::uint8_t* data, std::size_t size);
int fuzzDg13(const std::uint8_t* data, std::size_t size);
int fuzzDg14(const std::uint8_t* data, std::size_t size);
int fuzzDg15(const std::uint8_t* data, std::size_t size);
int fuzzCardAccess(const std::uint8_t* data, std::size_t size);
int fuzzCardSecurity(const std::uint8_t* data, std::size_t size);
int fuzzSod(const std::uint8_t* data, std::size_t size);
int fuzzMasterList(const std::uint8_t* data, std::size_t size);
int fuzzCertificate(const std::uint8_t* data, std::size_t size);
int fuzzQrPayload(const std::uint8_t* data, std::size_t size);
int fuzzSmTdes(const std::uint8_t* data, std::size_t size);
int fuzzSmAes(const std::uint8_t* data, std::size_t size);
int fuzzHostileCard(const std::uint8_t* data, std::size_t size);
int fuzzEvidenceBundle(const std::uint8_t* data, std::size_t size);

using HarnessFunction = int (*)(const std::uint8_t*, std::size_t);

/// A harness by its name: the `<name>` of the `cccd-fuzz-<name>` executable, of its seed
/// directory and of fuzz/regressions/<name>.
struct Harness {
    std::string_view name;
    HarnessFunction run;
};

/// Every harness, in a fixed order.
[[nodiscard]] std::span<const Harness> harnesses();

} // namespace cccd::fuzz

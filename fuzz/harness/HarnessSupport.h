#pragma once

#include <cstddef>
#include <cstdint>

#include "base/Bytes.h"
#include "base/Error.h"
#include "verify/TrustStore.h"

namespace cccd::fuzz {

/// Runs one parse of hostile bytes. A cccd::Error is the answer bad input should get; any other
/// exception is let through so that libFuzzer (or the replay test) reports it.
template <typename Parse> int expectError(Parse&& parse) {
    try {
        parse();
    } catch (const Error&) {
        // The typed refusal the SDK promises for malformed input.
    }
    return 0;
}

[[nodiscard]] inline ByteView bytesOf(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? ByteView() : ByteView(data, size);
}

/// The store the reader starts from: the built-in Vietnamese eID CSCA. Loaded once; the
/// harnesses only read it.
[[nodiscard]] const verify::TrustStore& defaultTrustStore();

} // namespace cccd::fuzz

#pragma once

#include <cstdint>

#include "apdu/StatusWord.h"
#include "base/Bytes.h"

namespace cccd::apdu {

/// A response APDU: data field and the trailer SW1 SW2.
struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;

    [[nodiscard]] bool isSuccess() const {
        return sw == static_cast<std::uint16_t>(StatusWord::Success);
    }

    [[nodiscard]] bool is(StatusWord expected) const {
        return sw == static_cast<std::uint16_t>(expected);
    }

    [[nodiscard]] Bytes encode() const;

    /// Throws Error(MalformedData) when shorter than the two status bytes.
    [[nodiscard]] static ResponseApdu decode(ByteView bytes);
};

} // namespace cccd::apdu

#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>

#include "transport/CardChannel.h"

namespace cccd::transport {

/// What a reader can carry, where it says so (PC/SC SCARD_ATTR_MAXINPUT) or the caller knows.
/// Some readers pass only short APDUs (a CCID reader at short-APDU level); some cannot deliver
/// a long response (their receive buffer is smaller than the card's answer).
struct ReaderLimits {
    /// Only short APDUs pass: Nc up to 255, Ne up to 256 (ISO/IEC 7816-4 §5.1).
    bool shortApdusOnly = false;
    /// The largest response APDU, data and SW1 SW2, the reader delivers; nullopt: not known.
    std::optional<std::size_t> maxResponseSize;

    [[nodiscard]] bool operator==(const ReaderLimits&) const = default;
};

/// Both limits at once: short-only if either says so, the smaller response size.
[[nodiscard]] inline ReaderLimits tighter(const ReaderLimits& a, const ReaderLimits& b) {
    ReaderLimits out;
    out.shortApdusOnly = a.shortApdusOnly || b.shortApdusOnly;
    out.maxResponseSize = a.maxResponseSize ? a.maxResponseSize : b.maxResponseSize;
    if (a.maxResponseSize && b.maxResponseSize) {
        out.maxResponseSize = std::min(*a.maxResponseSize, *b.maxResponseSize);
    }
    return out;
}

/// A channel's capabilities within a reader's limits. The response sizes are data bytes, so the
/// status word comes off the reader's response size.
[[nodiscard]] inline ChannelCapabilities limitedTo(ChannelCapabilities caps,
                                                   const ReaderLimits& limits) {
    constexpr std::size_t StatusWordSize = 2;
    constexpr std::size_t ShortNcMax = 255;
    constexpr std::size_t ShortNeMax = 256;
    if (limits.shortApdusOnly) {
        caps.extendedLength = false;
        caps.maxCommandDataSize = std::min(caps.maxCommandDataSize, ShortNcMax);
        caps.maxResponseDataSize = std::min(caps.maxResponseDataSize, ShortNeMax);
    }
    if (limits.maxResponseSize) {
        std::size_t data =
            *limits.maxResponseSize > StatusWordSize ? *limits.maxResponseSize - StatusWordSize : 0;
        caps.maxResponseDataSize = std::min(caps.maxResponseDataSize, data);
        caps.maxShortResponseDataSize = std::min(caps.maxShortResponseDataSize, data);
    }
    return caps;
}

} // namespace cccd::transport

#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/// Upper-case hex without separators, as the vectors in the specification are written.
[[nodiscard]] std::string toHex(ByteView bytes);

/// Parses hex, ignoring spaces; throws Error(InvalidArgument) on odd length or bad digits.
[[nodiscard]] Bytes fromHex(std::string_view hex);

[[nodiscard]] inline Bytes toBytes(std::string_view text) {
    return Bytes(text.begin(), text.end());
}

[[nodiscard]] inline std::string toString(ByteView bytes) {
    return std::string(bytes.begin(), bytes.end());
}

[[nodiscard]] inline Bytes concat(ByteView a, ByteView b) {
    Bytes out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

/// The parts one after another (the value of a SEQUENCE or SET being rebuilt, for instance).
[[nodiscard]] inline Bytes concat(const std::vector<Bytes>& parts) {
    Bytes out;
    for (const Bytes& part : parts) {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

inline void append(Bytes& out, ByteView more) {
    out.insert(out.end(), more.begin(), more.end());
}

/// Constant-time comparison for MACs and authentication tokens.
[[nodiscard]] bool equalConstantTime(ByteView a, ByteView b);

} // namespace cccd

#pragma once

#include <cstddef>
#include <optional>

#include "base/Bytes.h"

namespace cccd::emulator {

/// vsmartcard vpcd framing: every message is a 2-byte big-endian length, then that many bytes.
/// The length field caps one message at 65,535 bytes.
constexpr std::size_t MaxVpcdMessageSize = 0xFFFF;

/// Throws Error(InvalidArgument) when the payload does not fit the length field.
[[nodiscard]] Bytes encodeVpcdFrame(ByteView payload);

/// Reassembles frames from a byte stream that arrives in arbitrary pieces.
class VpcdFrameDecoder {
public:
    void feed(ByteView bytes);

    /// The next complete message, if one has arrived.
    [[nodiscard]] std::optional<Bytes> next();

private:
    Bytes m_buffer;
};

} // namespace cccd::emulator

#include "emulator/vpcd/VpcdFrame.h"

#include "base/Error.h"

namespace cccd::emulator {

Bytes encodeVpcdFrame(ByteView payload) {
    if (payload.size() > MaxVpcdMessageSize) {
        throw Error(ErrorCode::InvalidArgument, "message too long for vpcd framing");
    }
    Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8),
                static_cast<std::uint8_t>(payload.size() & 0xFF)};
    append(frame, payload);
    return frame;
}

void VpcdFrameDecoder::feed(ByteView bytes) {
    append(m_buffer, bytes);
}

std::optional<Bytes> VpcdFrameDecoder::next() {
    if (m_buffer.size() < 2) {
        return std::nullopt;
    }
    std::size_t length = (static_cast<std::size_t>(m_buffer[0]) << 8) | m_buffer[1];
    if (m_buffer.size() < 2 + length) {
        return std::nullopt;
    }
    Bytes message(m_buffer.begin() + 2, m_buffer.begin() + 2 + static_cast<long>(length));
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + 2 + static_cast<long>(length));
    return message;
}

} // namespace cccd::emulator

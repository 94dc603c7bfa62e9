#pragma once

#include "apdu/Exchange.h"
#include "transport/CardChannel.h"

namespace cccd::transport {

/// Sends a command on a channel with the 61XX/6CXX handling of apdu::exchange.
[[nodiscard]] inline apdu::ResponseApdu send(CardChannel& channel,
                                             const apdu::CommandApdu& command) {
    return apdu::exchange([&channel](ByteView raw) { return channel.transmit(raw); }, command);
}

} // namespace cccd::transport

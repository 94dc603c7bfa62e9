#pragma once

#include "apdu/Exchange.h"
#include "base/Error.h"
#include "transport/CardChannel.h"

namespace cccd::transport {

/// Throws Error(NotSupported) when the command needs an extended-length APDU (ISO/IEC 7816-4
/// §5.1: Nc over 255 or Ne over 256) and the channel offers short ones only. A reader limited to
/// short APDUs fails such an exchange with a transport error that does not say why; this says.
inline void requireSupportedLength(const CardChannel& channel, const apdu::CommandApdu& command) {
    if (command.isExtended() && !channel.capabilities().extendedLength) {
        throw Error(ErrorCode::NotSupported,
                    "the command needs an extended-length APDU, which the reader or card cannot "
                    "exchange");
    }
}

/// Sends a command on a channel with the 61XX/6CXX handling of apdu::exchange.
[[nodiscard]] inline apdu::ResponseApdu send(CardChannel& channel,
                                             const apdu::CommandApdu& command) {
    requireSupportedLength(channel, command);
    return apdu::exchange([&channel](ByteView raw) { return channel.transmit(raw); }, command);
}

} // namespace cccd::transport

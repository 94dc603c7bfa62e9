#pragma once

#include <functional>

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"

namespace cccd::apdu {

/// Sends raw command bytes and returns raw response bytes (a CardChannel's transmit).
using RawTransmit = std::function<Bytes(ByteView)>;

/// Sends a command and resolves the T=0 transport status words of ISO/IEC 7816-4 §5.3.4:
/// 61XX is followed by GET RESPONSE until the data is complete, 6CXX re-sends the command with
/// Le = XX. Any other status word is returned to the caller.
///
/// Below secure messaging `resendOnWrongLe` is false: a plain 6CXX there is the card's refusal
/// of a protected command, which cannot be re-sent with another Le (its MAC covers DO97).
[[nodiscard]] ResponseApdu exchange(const RawTransmit& transmit, const CommandApdu& command,
                                    bool resendOnWrongLe = true);

} // namespace cccd::apdu

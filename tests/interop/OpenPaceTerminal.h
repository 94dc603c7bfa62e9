#pragma once

#include <cstdint>
#include <string>

#include "access/PacePassword.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::test {

/// PACE as the terminal, every step done by libeac, over APDUs (ICAO 9303-11 §4.4.4). It checks
/// the OpenPACE chip channel on its own, also for the variants our terminal does not run yet, so
/// that an interop failure points at one of the two implementations, not at the test's channel.
/// secret is the CAN, or the whole printed MRZ. A refused step throws Error(CardStatus), a step
/// libeac rejects Error(Crypto).
[[nodiscard]] sm::SessionKeys openPaceTerminalPace(transport::CardChannel& channel,
                                                   const std::string& protocol,
                                                   std::uint64_t parameterId,
                                                   access::PacePasswordType passwordType,
                                                   const std::string& secret);

} // namespace cccd::test

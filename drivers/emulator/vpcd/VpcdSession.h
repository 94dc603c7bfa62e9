#pragma once

#include <cstddef>
#include <optional>

#include "base/Bytes.h"
#include "emulator/vpcd/CardSlot.h"

namespace cccd::emulator {

/// vpcd control messages: a 1-byte message (vsmartcard's vpcd protocol).
enum class VpcdControl : std::uint8_t {
    PowerOff = 0,
    PowerOn = 1,
    Reset = 2,
    GetAtr = 4, ///< answered with the ATR
};

/// What to send back for one vpcd message.
struct VpcdReply {
    std::optional<Bytes> payload; ///< nothing for power and reset controls
    bool cardGone = false;        ///< the slot is empty or the card was pulled: hang up
    std::size_t commandBytes = 0; ///< for the link model: APDU sizes of this exchange
};

/// Handles one vpcd message against the card in the slot: controls act on the card, anything
/// longer is a command APDU answered with its response APDU.
[[nodiscard]] VpcdReply handleVpcdMessage(CardSlot& slot, ByteView message);

} // namespace cccd::emulator

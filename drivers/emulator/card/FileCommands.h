#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/FaultPlan.h"
#include "emulator/card/FileSystem.h"

namespace cccd::emulator {

/// What a command handler answers before secure messaging wraps it.
struct CardResponse {
    Bytes data;
    std::uint16_t statusWord = 0x9000;
    bool cardRemoved = false; ///< a removal fault fired: the reader gets no answer at all
};

/// SELECT (ISO/IEC 7816-4 §11.1.1): by DF name (P1 04), EF under the current DF (P1 02), MF or
/// by FID (P1 00). selectMfStatus: the status word a card without an addressable MF answers.
[[nodiscard]] CardResponse selectCommand(FileSystem& files, const CommandApdu& command,
                                         std::optional<std::uint16_t> selectMfStatus);

/// READ BINARY with even INS (ISO/IEC 7816-4 §11.2.3): 15-bit offset in P1-P2, or an SFI in P1
/// and the offset in P2. secureMessaging: the command came protected under a BAC session.
[[nodiscard]] CardResponse readBinaryCommand(FileSystem& files, const CommandApdu& command,
                                             bool secureMessaging,
                                             std::optional<FaultPlan::Removal>& removal);

} // namespace cccd::emulator

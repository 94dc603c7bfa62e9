#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "emulator/card/CardResponse.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/FaultPlan.h"
#include "emulator/card/FileSystem.h"

namespace cccd::emulator {

/// SELECT (ISO/IEC 7816-4 §11.1.1): by DF name (P1 04), EF under the current DF (P1 02), MF or
/// by FID (P1 00). selectMfStatus: the status word a card without an addressable MF answers.
[[nodiscard]] CardResponse selectCommand(FileSystem& files, const CommandApdu& command,
                                         std::optional<std::uint16_t> selectMfStatus);

/// READ BINARY with even INS (ISO/IEC 7816-4 §11.2.3): 15-bit offset in P1-P2, or an SFI in P1
/// and the offset in P2. secureMessaging: the command came protected (a BAC or PACE session).
[[nodiscard]] CardResponse readBinaryCommand(FileSystem& files, const CommandApdu& command,
                                             bool secureMessaging,
                                             std::optional<FaultPlan::Removal>& removal);

} // namespace cccd::emulator

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

/// How READ BINARY answers a read past the end of the file.
struct ReadBinaryRules {
    bool secureMessaging = false; ///< the command came protected (a BAC or PACE session)
    /// Set: a read whose Ne reaches past the end answers this status word without data
    /// (CardProfile::readBeyondEndStatus); else the bytes up to the end with 6282.
    std::optional<std::uint16_t> beyondEndStatus;
};

/// READ BINARY with even INS (ISO/IEC 7816-4 §11.2.3): 15-bit offset in P1-P2, or an SFI in P1
/// and the offset in P2.
[[nodiscard]] CardResponse readBinaryCommand(FileSystem& files, const CommandApdu& command,
                                             const ReadBinaryRules& rules,
                                             std::optional<FaultPlan::Removal>& removal);

/// READ BINARY with odd INS B1 (ISO/IEC 7816-4 §11.2.3): the file in P1-P2 (0000 the current
/// EF, 00 with an SFI in P2 bits 5-1, else a FID), the offset in DO'54' of the data field, so
/// offsets past 32,767; the bytes come back in DO'53', which counts towards Ne.
[[nodiscard]] CardResponse readBinaryOddCommand(FileSystem& files, const CommandApdu& command,
                                                const ReadBinaryRules& rules,
                                                std::optional<FaultPlan::Removal>& removal);

} // namespace cccd::emulator

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "emulator/card/ChipAuthenticityFaults.h"
#include "emulator/card/PaceFaults.h"
#include "emulator/card/SecureMessagingSession.h"

namespace cccd::emulator {

/// Faults the card injects into its next answers (conformance.md §6, "APDU-level faults").
/// One-shot faults clear themselves once used; file corruption is applied directly to the
/// card's files (EmulatedCard::corruptFile) and lasts as long as the card.
struct FaultPlan {
    /// The card leaves the field when a READ BINARY of this file would deliver a byte at or past
    /// offset `afterBytes`: the reader sees the removal instead of that response.
    struct Removal {
        std::uint16_t fid = 0;
        std::size_t afterBytes = 0;
    };

    std::optional<Removal> removal;

    /// Applied to the next protected response only.
    ResponseFaults nextResponse;

    /// The next command is answered with this status word in plain, whatever it was; an SM
    /// session ends (BSI TR-03105-5.1 ISO7816_B_04 answers 6987/6988).
    std::optional<std::uint16_t> nextStatusWord;

    /// How the chip's side of PACE misbehaves (PaceFaults.h); holds for every run until cleared.
    PaceFaults pace;
    /// Chip and Active Authentication faults; they last until cleared.
    ChipAuthenticityFaults chipAuthenticity;

    void clear() { *this = FaultPlan{}; }
};

} // namespace cccd::emulator

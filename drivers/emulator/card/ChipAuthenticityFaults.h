#pragma once

#include <cstdint>
#include <optional>

namespace cccd::emulator {

/// How the card misbehaves in Chip and Active Authentication (ICAO 9303-11 §6.1, §6.2), for the
/// reader cases of BSI TR-03105-5.1 units ISO7816_D and ISO7816_F (conformance.md §2.5, §2.6).
/// Unlike the one-shot faults of FaultPlan these last until cleared: a reader meets them on
/// every run of the protocol.
struct ChipAuthenticityFaults {
    /// The status word of an MSE:Set KAT or MSE:Set AT whose key reference (DO 84) names no Chip
    /// Authentication key of the card; the card answers 6A80 when unset (ISO7816_D_15 varies
    /// it: 6A88, 6982, ...).
    std::optional<std::uint16_t> unknownKeyReferenceStatus;

    /// The card refuses (as an unknown key reference) an MSE:Set without DO 84 even when it
    /// holds a single key: ICAO 9303-11 §6.2 requires the reference only for several keys, so
    /// this shows whether a reader names the key DG14 names (ISO7816_D_03).
    bool requireKeyReference = false;

    /// After Chip Authentication the card goes on with the BAC or PACE session keys instead of
    /// the new ones (the converse of ISO7816_D_09): a reader that switched cannot talk to it.
    bool keepOldKeysAfterChipAuthentication = false;

    /// The last byte of the ISO/IEC 9796-2 trailer of Active Authentication signatures: BC
    /// (SHA-1) or CC (explicit hash identifier) is replaced by it (ISO7816_F_08). RSA only.
    std::optional<std::uint8_t> activeAuthenticationTrailer;
};

} // namespace cccd::emulator

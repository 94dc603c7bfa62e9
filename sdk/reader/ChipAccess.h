#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crypto/Random.h"
#include "lds/SecurityInfos.h"
#include "reader/AccessKey.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// How the chip was opened: for the result, the JSON and the evidence of a read.
struct AccessOutcome {
    std::string protocol;     ///< "PACE" or "BAC"
    std::string password;     ///< "CAN" or "MRZ"
    std::string paceProtocol; ///< the PACEInfo's dotted OID; empty for BAC
    std::optional<std::uint64_t> paceParameterId;
    Bytes chipEphemeralPublicKey; ///< PACE's PK_IC (Chip Authentication binds to it)
    /// With AccessPolicy::PaceThenBac only: why PACE failed before BAC opened the chip
    /// (an ErrorCode name, e.g. "access_denied"); empty when PACE was not tried or succeeded.
    std::string paceFailure;
};

struct OpenedChip {
    sm::SessionKeys keys;
    AccessOutcome outcome;
};

/// Opens the chip with PACE or BAC by the caller's policy (ICAO 9303-11 §4.2: PACE when the
/// chip offers it, BAC otherwise). cardAccess holds EF.CardAccess's SecurityInfos, nullopt when
/// the card has none. Throws Error(AccessDenied) when the key does not open the card,
/// Error(NotSupported) when the policy and the card have no protocol in common, and the typed
/// errors of the protocols.
[[nodiscard]] OpenedChip openChip(transport::CardChannel& channel,
                                  const std::optional<lds::SecurityInfos>& cardAccess,
                                  const AccessKey& key, AccessPolicy policy,
                                  const crypto::RandomSource& random);

/// The PACEInfo this SDK prefers among those the card offers: the first ECDH one it
/// implements, else the first DH one; nullopt when none is usable.
[[nodiscard]] std::optional<lds::PaceInfo> choosePaceInfo(const lds::SecurityInfos& infos);

} // namespace cccd::reader

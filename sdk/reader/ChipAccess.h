#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "access/Pace.h"
#include "crypto/Random.h"
#include "lds/SecurityInfos.h"
#include "reader/AccessKey.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// How the chip was opened: for the result, the JSON and the evidence of a read.
struct AccessOutcome {
    std::string protocol;     ///< "PACE", "BAC", or "none" for a chip without access control
    std::string password;     ///< "CAN", "MRZ", or "none"
    std::string paceProtocol; ///< the PACEInfo's dotted OID; empty for BAC
    /// The PACEInfo's parameterId: standardized domain parameters (0-31, ICAO 9303-11 §9.5.1),
    /// or the proprietary ID (32 or more) of explicit ones; nullopt for BAC, and for a PACEInfo
    /// that names none (explicit domain parameters of the card's only PACEDomainParameterInfo).
    std::optional<std::uint64_t> paceParameterId;
    /// PACE ran on explicit domain parameters from a PACEDomainParameterInfo (§9.2.2).
    bool paceExplicitDomainParameters = false;
    Bytes chipEphemeralPublicKey; ///< PACE's PK_IC (Chip Authentication binds to it)
    /// With AccessPolicy::PaceThenBac only: why PACE failed before BAC opened the chip
    /// (an ErrorCode name, e.g. "access_denied"); empty when PACE was not tried or succeeded.
    std::string paceFailure;
    /// BAC only: how many MRZ keys were tried, the last one opened the chip (QR candidates).
    std::size_t bacAttempts = 0;
};

struct OpenedChip {
    sm::SessionKeys keys;
    AccessOutcome outcome;
    /// Set after PACE with Chip Authentication Mapping: the run's result (its session keys moved
    /// to keys), for the chip-key check once EF.CardSecurity is read (ICAO 9303-11 §4.4.3.5.2).
    std::optional<access::PaceResult> chipAuthenticationMapping;
};

/// Opens the chip with PACE or BAC by the caller's policy (ICAO 9303-11 §4.2: PACE when the
/// chip offers it, BAC otherwise). A chip without EF.CardAccess that does not implement BAC
/// has no access control: unless the policy is BacOnly, the outcome is then "none" and the
/// keys are empty (secure messaging passes commands in plain). cardAccess holds EF.CardAccess's
/// SecurityInfos, nullopt when the card has none. Throws Error(AccessDenied) when the key does not
/// open the card, Error(NotSupported) when the policy and the card have no protocol in common, and
/// the typed errors of the protocols.
[[nodiscard]] OpenedChip openChip(transport::CardChannel& channel,
                                  const std::optional<lds::SecurityInfos>& cardAccess,
                                  const AccessKey& key, AccessPolicy policy,
                                  const crypto::RandomSource& random);

/// The PACEInfo this SDK prefers among those the card offers: the first ECDH one it
/// implements, else the first DH one; nullopt when none is usable. A PACEInfo on explicit domain
/// parameters is usable when its PACEDomainParameterInfo is found (paceDomainParameters).
[[nodiscard]] std::optional<lds::PaceInfo> choosePaceInfo(const lds::SecurityInfos& infos);

/// The PACEDomainParameterInfo a PACEInfo refers to (ICAO 9303-11 §9.2.1-9.2.2): none for a
/// parameterId below 32 (standardized domain parameters); for a proprietary parameterId (32 or
/// more) the one with that parameterId, or the card's only one when it names none; for a
/// PACEInfo without parameterId the card's only one. nullptr when none matches, the match is
/// ambiguous, or its key agreement is not the PACEInfo's.
[[nodiscard]] const lds::PaceDomainParameterInfo*
paceDomainParameters(const lds::PaceInfo& info, const lds::SecurityInfos& infos);

/// True when the PACEInfo's parameterId is absent or proprietary (32 or more): its domain
/// parameters are explicit, in a PACEDomainParameterInfo (ICAO 9303-11 §9.2.1).
[[nodiscard]] bool usesExplicitDomainParameters(const lds::PaceInfo& info);

} // namespace cccd::reader

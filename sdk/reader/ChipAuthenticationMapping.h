#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "access/Pace.h"
#include "base/Bytes.h"
#include "reader/CardSecurityFile.h"

namespace cccd::reader {

/// Outcome of the terminal's check of PACE with Chip Authentication Mapping (ICAO 9303-11
/// §4.4.3.5.2): the chip's PACE answer must be explained by the static Chip Authentication key
/// that EF.CardSecurity publishes. Whether the Document Signer vouches for that key is the
/// separate signature check of EF.CardSecurity (Document::cardSecurity).
enum class ChipAuthenticationMappingStatus {
    Passed, ///< CA_IC * PK_IC = PK_map,IC for a key of EF.CardSecurity
    /// The equation fails, or the card has no EF.CardSecurity or it publishes no key: what a
    /// copy of the files on another chip would show (see reason)
    Failed,
    NotCheckable, ///< EF.CardSecurity out of reach or unparsable, or no key this SDK can use
};

/// Why the check did not pass.
enum class ChipAuthenticationMappingReason {
    None,
    NoCardSecurity, ///< Failed: the card has no EF.CardSecurity, required with CAM (§9.2.1)
    CardSecurityUnreadable, ///< NotCheckable: the MF out of reach, or the file refused
    CardSecurityMalformed,  ///< NotCheckable: EF.CardSecurity or its SecurityInfos do not parse
    NoPublicKey,            ///< Failed: EF.CardSecurity has no ChipAuthenticationPublicKeyInfo
    KeyUnusable,            ///< NotCheckable: its keys are not ECDH keys (CAM is ECDH only)
    EquationFails,          ///< Failed: no published key satisfies the equation
};

/// What the check found; no secret and no personal data.
struct ChipAuthenticationMappingResult {
    ChipAuthenticationMappingStatus status = ChipAuthenticationMappingStatus::NotCheckable;
    ChipAuthenticationMappingReason reason = ChipAuthenticationMappingReason::NoCardSecurity;
    /// The keyId of the ChipAuthenticationPublicKeyInfo that passed, or of the one key checked;
    /// nullopt when it has none or several were tried.
    std::optional<std::uint64_t> keyId;

    [[nodiscard]] bool passed() const { return status == ChipAuthenticationMappingStatus::Passed; }
};

/// Checks a PACE-CAM run against EF.CardSecurity as readCardSecurity found it. The key is the
/// ChipAuthenticationPublicKeyInfo whose keyId is the PACE parameterId (BSI TR-03110-3
/// §A.1.1.2); when none has that keyId, every key is tried (a card with one key, or a key
/// without keyId). Never throws for card data. Throws Error(InvalidArgument) when pace does not
/// come from a CAM run.
[[nodiscard]] ChipAuthenticationMappingResult
checkChipAuthenticationMapping(const access::PaceResult& pace,
                               std::optional<std::uint64_t> paceParameterId,
                               const CardSecurityRead& cardSecurity);

/// "passed", "failed", "not_checkable" for JSON output.
[[nodiscard]] std::string_view
chipAuthenticationMappingStatusName(ChipAuthenticationMappingStatus status);

/// "none", "no_card_security", ... for JSON output.
[[nodiscard]] std::string_view
chipAuthenticationMappingReasonName(ChipAuthenticationMappingReason reason);

} // namespace cccd::reader

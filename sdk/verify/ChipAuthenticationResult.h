#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::verify {

/// Outcome of Chip Authentication (ICAO 9303-11 §6.2). A failure is a result: only a lost card
/// or a broken link throws.
enum class ChipAuthenticationStatus {
    Passed,     ///< the chip answered under keys only the holder of the DG14 private key derives
    Failed,     ///< the chip refused the key agreement or did not prove the key (see reason)
    NotOffered, ///< DG14 lists no Chip Authentication public key
    Error,      ///< DG14's offer cannot be used, or the chip's answer is malformed (see reason)
};

/// Why Chip Authentication did not pass.
enum class ChipAuthenticationReason {
    None,
    KeyAgreementRefused, ///< Failed: MSE:Set or GENERAL AUTHENTICATE got an error status word
    AnswerNotVerified,   ///< Failed: an answer failed secure messaging, or the check under the
                         ///< new keys did not return 9000
    TokenInvalid,        ///< Failed: version 2, the chip's authentication token does not verify
    /// Error: DG14 announces Chip Authentication but no ChipAuthenticationInfo pairs with a key
    /// (keyId, no key at all), an entry lacks a required element, or no version is defined
    InconsistentSecurityInfos,
    UnsupportedProtocol, ///< Error: a version, cipher or group this SDK does not implement
    InvalidPublicKey,    ///< Error: the DG14 key or its domain parameters are not valid
    MalformedAnswer,     ///< Error: the GENERAL AUTHENTICATE answer does not parse
};

/// How the terminal's ephemeral key reached the chip (ICAO 9303-11 §6.2, BSI TR-03110-3
/// Appendix B).
enum class ChipAuthenticationCommand {
    MseSetKat,                   ///< MSE:Set KAT with DO 91: 3DES only, DG14 without CA info
    MseSetAtGeneralAuthenticate, ///< MSE:Set AT with DO 80, then GENERAL AUTHENTICATE 7C{80}
};

/// What happened, with the transcript an evidence bundle keeps. No secret is in it.
struct ChipAuthenticationResult {
    ChipAuthenticationStatus status = ChipAuthenticationStatus::Error;
    ChipAuthenticationReason reason = ChipAuthenticationReason::None;
    std::uint16_t statusWord = 0; ///< the status word behind KeyAgreementRefused / the check

    std::string protocol;          ///< dotted id-CA OID; empty when nothing was chosen
    bool protocolInferred = false; ///< DG14 had no ChipAuthenticationInfo: 3DES was assumed
    std::uint64_t version = 0;
    std::optional<std::uint64_t> keyId;
    std::optional<ChipAuthenticationCommand> command;

    Bytes chipPublicKey;              ///< PK_IC as DG14 stores it (EC point or DH value y)
    Bytes terminalEphemeralPublicKey; ///< PK_IFD as sent
    /// Comp(PK_IFD): what Terminal Authentication would sign (BSI TR-03110-3 Appendix A.2).
    Bytes terminalEphemeralPublicKeyCompressed;

    [[nodiscard]] bool passed() const { return status == ChipAuthenticationStatus::Passed; }
};

/// "passed", "failed", "not_offered", "error" for JSON output.
[[nodiscard]] std::string_view chipAuthenticationStatusName(ChipAuthenticationStatus status);

/// "none", "key_agreement_refused", ... for JSON output.
[[nodiscard]] std::string_view chipAuthenticationReasonName(ChipAuthenticationReason reason);

/// "mse_set_kat", "mse_set_at_general_authenticate" for JSON output.
[[nodiscard]] std::string_view chipAuthenticationCommandName(ChipAuthenticationCommand command);

} // namespace cccd::verify

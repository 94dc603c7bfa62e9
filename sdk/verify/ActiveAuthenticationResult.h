#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/Bytes.h"
#include "crypto/Hash.h"

namespace cccd::verify {

/// Outcome of Active Authentication (ICAO 9303-11 §6.1). A failure is a result: only a lost
/// card or a broken link throws.
enum class ActiveAuthenticationStatus {
    Passed,     ///< the chip signed the challenge with the private key of DG15
    Failed,     ///< the chip refused, or its signature does not verify (see reason)
    NotOffered, ///< no DG15
    Error,      ///< DG15's key or DG14's signature algorithm cannot be used (see reason)
};

enum class ActiveAuthenticationReason {
    None,
    SignatureInvalid,     ///< Failed: the signature does not verify over the challenge
    ChipRefused,          ///< Failed: INTERNAL AUTHENTICATE answered with an error status word
    AnswerNotVerified,    ///< Failed: the answer failed secure messaging
    UnsupportedKey,       ///< Error: DG15 holds neither an RSA nor an EC key
    UnsupportedAlgorithm, ///< Error: ActiveAuthenticationInfo names an ECDSA variant this SDK
                          ///< does not implement (e.g. with SHA-3)
    /// Error: ActiveAuthenticationInfo names no ECDSA algorithm at all for the EC key of DG15
    /// (ICAO 9303-11 §9.2.8 allows only those): DG14 contradicts DG15
    InvalidAlgorithm,
    /// Failed: a re-verification without the card was given the challenge the server issued,
    /// and the recorded signature is over another one (a replayed read)
    ChallengeMismatch,
};

enum class ActiveAuthenticationAlgorithm {
    RsaIso9796_2, ///< ISO/IEC 9796-2 scheme 1, hash from the trailer
    Ecdsa,        ///< ECDSA, hash from ActiveAuthenticationInfo or the key size
};

/// What happened, with what an evidence bundle keeps.
struct ActiveAuthenticationResult {
    ActiveAuthenticationStatus status = ActiveAuthenticationStatus::Error;
    ActiveAuthenticationReason reason = ActiveAuthenticationReason::None;
    std::uint16_t statusWord = 0; ///< the answer's status word, 0 when nothing was sent
    std::optional<ActiveAuthenticationAlgorithm> algorithm;
    std::optional<crypto::HashAlgorithm> hash; ///< known once the signature was read (RSA)
    bool plainEcdsaSignature = false;          ///< ECDSA r || s (BSI TR-03111) rather than DER
    Bytes challenge;                           ///< RND.IFD, 8 bytes
    Bytes signature;                           ///< as the chip returned it

    [[nodiscard]] bool passed() const { return status == ActiveAuthenticationStatus::Passed; }
};

/// "passed", "failed", "not_offered", "error".
[[nodiscard]] std::string_view activeAuthenticationStatusName(ActiveAuthenticationStatus status);

/// "none", "signature_invalid", "chip_refused", ...
[[nodiscard]] std::string_view activeAuthenticationReasonName(ActiveAuthenticationReason reason);

/// "rsa_iso9796_2", "ecdsa".
[[nodiscard]] std::string_view
activeAuthenticationAlgorithmName(ActiveAuthenticationAlgorithm algorithm);

} // namespace cccd::verify

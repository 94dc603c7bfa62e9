#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "evidence/EvidenceBundle.h"
#include "reader/Document.h"
#include "verify/TrustStore.h"

namespace cccd::evidence {

/// How a chip check of the read was re-done without the card.
enum class ReverificationMethod {
    Recomputed,      ///< done again from the bundle's bytes (Active Authentication's signature)
    Recorded,        ///< an interactive proof that cannot be replayed: taken as recorded, after
                     ///< a consistency check against the signed files
    NotReverifiable, ///< the bundle lacks what the check needs (DG15 left out): not counted
    NotRun,          ///< the read did not run it
};

/// Whether the chip key a recorded Chip Authentication or PACE-CAM used is the one the signed
/// files publish (DG14, EF.CardSecurity).
enum class RecordedKeyCheck {
    Consistent,   ///< the signed file holds that key
    Inconsistent, ///< it does not, or the file is absent: the chip was not the issuer's
    NotCheckable, ///< the file was left out of the bundle or does not parse
    NotNeeded,    ///< the recorded check did not pass: nothing to confirm
};

/// The server-bound anti-replay check: the challenge the server issued for the read against
/// the one Active Authentication signed.
enum class ChallengeCheck {
    NotGiven, ///< no expected challenge was given
    /// The recorded challenge is the expected one, and the chip's signature over it verified
    /// again (or Active Authentication failed, which fails the chip anyway)
    Matches,
    Mismatch, ///< it is another one: the chip check fails ("challenge_mismatch")
    /// No Active Authentication in the bundle, or none whose signature was verified again (a
    /// refusal, an error, DG15 left out): nothing binds the read to the challenge, and the chip
    /// check fails the same way
    NotRecorded,
};

struct ReverifyOptions {
    /// The 8-byte Active Authentication challenge the server issued for this read; empty: not
    /// checked.
    Bytes expectedChallenge;
};

/// A read re-verified from its bundle: the document as a live read gives it, and how each chip
/// check was re-done. Holds personal data: never log it.
struct Reverification {
    reader::Document document;
    std::string readTime;
    std::string sdkVersion; ///< of the SDK that read the card
    std::vector<int> notRequested;

    ReverificationMethod activeAuthentication = ReverificationMethod::NotRun;
    /// As the bundle recorded it; never used for the verdict.
    std::optional<verify::ActiveAuthenticationStatus> recordedActiveAuthentication;
    ChallengeCheck challenge = ChallengeCheck::NotGiven;

    ReverificationMethod chipAuthentication = ReverificationMethod::NotRun;
    RecordedKeyCheck chipAuthenticationKey = RecordedKeyCheck::NotNeeded;

    ReverificationMethod chipAuthenticationMapping = ReverificationMethod::NotRun;
    RecordedKeyCheck chipAuthenticationMappingKey = RecordedKeyCheck::NotNeeded;

    /// The document verifies; a challenge that does not match has already failed its chip check.
    [[nodiscard]] bool verified() const;
};

/// Re-verifies a bundle without the card against the caller's trust store: reader::interpret
/// on the bundle's files (Passive Authentication recomputed); Active Authentication's signature
/// verified again over the recorded challenge with DG15's key, the recorded outcome never
/// trusted; Chip Authentication and PACE-CAM taken as recorded when their chip key is the one
/// DG14 or EF.CardSecurity holds, else failed (a possible clone). Data groups the caller left
/// out of the bundle are reported as not requested. Throws Error(InvalidArgument) for an
/// expected challenge that is neither empty nor 8 bytes; never for the bundle's content.
[[nodiscard]] Reverification reverify(const EvidenceBundle& bundle,
                                      const verify::TrustStore& trustStore,
                                      const ReverifyOptions& options = {});

/// "recomputed", "recorded", "not_reverifiable", "not_run".
[[nodiscard]] std::string_view reverificationMethodName(ReverificationMethod method);

/// "consistent", "inconsistent", "not_checkable", "not_needed".
[[nodiscard]] std::string_view recordedKeyCheckName(RecordedKeyCheck check);

/// "not_given", "matches", "mismatch", "not_recorded".
[[nodiscard]] std::string_view challengeCheckName(ChallengeCheck check);

} // namespace cccd::evidence

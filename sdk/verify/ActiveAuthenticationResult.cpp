#include "verify/ActiveAuthenticationResult.h"

namespace cccd::verify {

std::string_view activeAuthenticationStatusName(ActiveAuthenticationStatus status) {
    switch (status) {
    case ActiveAuthenticationStatus::Passed:
        return "passed";
    case ActiveAuthenticationStatus::Failed:
        return "failed";
    case ActiveAuthenticationStatus::NotOffered:
        return "not_offered";
    case ActiveAuthenticationStatus::Error:
        return "error";
    }
    return "error";
}

std::string_view activeAuthenticationReasonName(ActiveAuthenticationReason reason) {
    switch (reason) {
    case ActiveAuthenticationReason::None:
        return "none";
    case ActiveAuthenticationReason::SignatureInvalid:
        return "signature_invalid";
    case ActiveAuthenticationReason::ChipRefused:
        return "chip_refused";
    case ActiveAuthenticationReason::AnswerNotVerified:
        return "answer_not_verified";
    case ActiveAuthenticationReason::UnsupportedKey:
        return "unsupported_key";
    case ActiveAuthenticationReason::UnsupportedAlgorithm:
        return "unsupported_algorithm";
    case ActiveAuthenticationReason::InvalidAlgorithm:
        return "invalid_algorithm";
    case ActiveAuthenticationReason::ChallengeMismatch:
        return "challenge_mismatch";
    }
    return "none";
}

std::string_view activeAuthenticationAlgorithmName(ActiveAuthenticationAlgorithm algorithm) {
    switch (algorithm) {
    case ActiveAuthenticationAlgorithm::RsaIso9796_2:
        return "rsa_iso9796_2";
    case ActiveAuthenticationAlgorithm::Ecdsa:
        return "ecdsa";
    }
    return "ecdsa";
}

} // namespace cccd::verify

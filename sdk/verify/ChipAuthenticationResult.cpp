#include "verify/ChipAuthenticationResult.h"

namespace cccd::verify {

std::string_view chipAuthenticationStatusName(ChipAuthenticationStatus status) {
    switch (status) {
    case ChipAuthenticationStatus::Passed:
        return "passed";
    case ChipAuthenticationStatus::Failed:
        return "failed";
    case ChipAuthenticationStatus::NotOffered:
        return "not_offered";
    case ChipAuthenticationStatus::Error:
        return "error";
    }
    return "error";
}

std::string_view chipAuthenticationReasonName(ChipAuthenticationReason reason) {
    switch (reason) {
    case ChipAuthenticationReason::None:
        return "none";
    case ChipAuthenticationReason::KeyAgreementRefused:
        return "key_agreement_refused";
    case ChipAuthenticationReason::AnswerNotVerified:
        return "answer_not_verified";
    case ChipAuthenticationReason::TokenInvalid:
        return "token_invalid";
    case ChipAuthenticationReason::InconsistentSecurityInfos:
        return "inconsistent_security_infos";
    case ChipAuthenticationReason::UnsupportedProtocol:
        return "unsupported_protocol";
    case ChipAuthenticationReason::InvalidPublicKey:
        return "invalid_public_key";
    case ChipAuthenticationReason::MalformedAnswer:
        return "malformed_answer";
    }
    return "none";
}

std::string_view chipAuthenticationCommandName(ChipAuthenticationCommand command) {
    switch (command) {
    case ChipAuthenticationCommand::MseSetKat:
        return "mse_set_kat";
    case ChipAuthenticationCommand::MseSetAtGeneralAuthenticate:
        return "mse_set_at_general_authenticate";
    }
    return "mse_set_at_general_authenticate";
}

} // namespace cccd::verify

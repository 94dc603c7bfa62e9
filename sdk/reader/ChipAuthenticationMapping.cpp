#include "reader/ChipAuthenticationMapping.h"

#include <memory>
#include <vector>

#include "base/Error.h"
#include "crypto/KeyAgreementGroup.h"
#include "lds/SecurityInfos.h"
#include "lds/Sod.h"

namespace cccd::reader {

namespace {

using Status = ChipAuthenticationMappingStatus;
using Reason = ChipAuthenticationMappingReason;

ChipAuthenticationMappingResult outcome(Status status, Reason reason,
                                        std::optional<std::uint64_t> keyId = std::nullopt) {
    return {status, reason, keyId};
}

std::optional<lds::SecurityInfos> securityInfosOf(ByteView efCardSecurity) {
    try {
        return lds::SecurityInfos::parse(lds::CardSecurity::parse(efCardSecurity).securityInfos());
    } catch (const Error&) {
        return std::nullopt;
    }
}

// BSI TR-03110-3 §A.1.1.2: for PACE-CAM the key's keyId is the PACE parameterId. Without such a
// key every published one is a candidate: each is signed, and only the chip's own satisfies the
// equation.
std::vector<const lds::ChipAuthenticationPublicKeyInfo*>
candidates(const lds::SecurityInfos& infos, std::optional<std::uint64_t> parameterId) {
    std::vector<const lds::ChipAuthenticationPublicKeyInfo*> out;
    for (const auto& key : infos.chipAuthenticationPublicKeyInfos) {
        if (parameterId && key.keyId == parameterId) {
            out.push_back(&key);
        }
    }
    if (out.empty()) {
        for (const auto& key : infos.chipAuthenticationPublicKeyInfos) {
            out.push_back(&key);
        }
    }
    return out;
}

// The key as the equation takes it, an uncompressed point of D_IC; a value that is no point of
// D_IC stays as it is and fails the equation.
Bytes pointOf(const crypto::KeyAgreementGroup& group,
              const lds::ChipAuthenticationPublicKeyInfo& key) {
    try {
        return group.importPublicKey(key.publicKey.publicKey);
    } catch (const Error&) {
        return key.publicKey.publicKey;
    }
}

std::unique_ptr<crypto::KeyAgreementGroup> staticGroup(const access::PaceResult& pace) {
    return pace.explicitDomainParameters.empty()
               ? crypto::KeyAgreementGroup::standardized(pace.parameterId)
               : crypto::KeyAgreementGroup::fromDomainParameters(pace.explicitDomainParameters);
}

} // namespace

ChipAuthenticationMappingResult
checkChipAuthenticationMapping(const access::PaceResult& pace,
                               std::optional<std::uint64_t> paceParameterId,
                               const CardSecurityRead& cardSecurity) {
    if (pace.mapping != access::PaceMapping::ChipAuthentication) {
        throw Error(ErrorCode::InvalidArgument, "not the result of a PACE-CAM run");
    }
    switch (cardSecurity.outcome) {
    case CardSecurityRead::Outcome::Read:
        break;
    case CardSecurityRead::Outcome::NotFound:
        // ICAO 9303-11 §9.2.1: a chip supporting CAM has EF.CardSecurity. A copy of a CAM card's
        // files on another chip would hide it rather than show a key it does not hold.
        return outcome(Status::Failed, Reason::NoCardSecurity);
    case CardSecurityRead::Outcome::Unreachable:
        return outcome(Status::NotCheckable, Reason::CardSecurityUnreadable);
    }
    std::optional<lds::SecurityInfos> infos = securityInfosOf(cardSecurity.file);
    if (!infos) {
        return outcome(Status::NotCheckable, Reason::CardSecurityMalformed);
    }
    if (infos->chipAuthenticationPublicKeyInfos.empty()) {
        return outcome(Status::Failed, Reason::NoPublicKey); // ICAO 9303-11 §9.2.1
    }

    // The same domain parameters PACE ran on: performPace accepted them.
    std::unique_ptr<crypto::KeyAgreementGroup> group = staticGroup(pace);
    std::vector<const lds::ChipAuthenticationPublicKeyInfo*> keys =
        candidates(*infos, paceParameterId);
    std::optional<std::uint64_t> onlyKeyId = keys.size() == 1 ? keys.front()->keyId : std::nullopt;
    bool anyUsable = false;
    for (const lds::ChipAuthenticationPublicKeyInfo* key : keys) {
        // §4.4.3.5: CAM runs on ECDH only; a DH key cannot explain the answer.
        if (key->keyAgreement != lds::KeyAgreement::Ecdh) {
            continue;
        }
        anyUsable = true;
        if (access::verifyChipAuthenticationMapping(pace, pointOf(*group, *key))) {
            return outcome(Status::Passed, Reason::None, key->keyId);
        }
    }
    if (!anyUsable) {
        return outcome(Status::NotCheckable, Reason::KeyUnusable, onlyKeyId);
    }
    return outcome(Status::Failed, Reason::EquationFails, onlyKeyId);
}

std::string_view chipAuthenticationMappingStatusName(ChipAuthenticationMappingStatus status) {
    switch (status) {
    case Status::Passed:
        return "passed";
    case Status::Failed:
        return "failed";
    case Status::NotCheckable:
        return "not_checkable";
    }
    return "unknown";
}

std::string_view chipAuthenticationMappingReasonName(ChipAuthenticationMappingReason reason) {
    switch (reason) {
    case Reason::None:
        return "none";
    case Reason::NoCardSecurity:
        return "no_card_security";
    case Reason::CardSecurityUnreadable:
        return "card_security_unreadable";
    case Reason::CardSecurityMalformed:
        return "card_security_malformed";
    case Reason::NoPublicKey:
        return "no_public_key";
    case Reason::KeyUnusable:
        return "key_unusable";
    case Reason::EquationFails:
        return "equation_fails";
    }
    return "unknown";
}

} // namespace cccd::reader

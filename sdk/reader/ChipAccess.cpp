#include "reader/ChipAccess.h"

#include <algorithm>

#include "access/Bac.h"
#include "access/Pace.h"
#include "access/PaceCipherSuite.h"
#include "base/Error.h"
#include "base/Log.h"
#include "qr/QrAccessKey.h"
#include "reader/Application.h"

namespace cccd::reader {

namespace {

constexpr std::string_view LogCategory = "reader";

// ICAO 9303-11 §9.5.1: IDs 0-31 are the standardized domain parameters and their reserved
// neighbours; a higher one is the card's own name for explicit parameters.
constexpr std::uint64_t FirstProprietaryParameterId = 32;

bool implemented(const lds::PaceInfo& info, const lds::SecurityInfos& infos) {
    if (usesExplicitDomainParameters(info) && paceDomainParameters(info, infos) == nullptr) {
        return false;
    }
    try {
        (void)access::PaceCipherSuite::fromProtocol(info.protocol);
        return true;
    } catch (const Error&) {
        return false;
    }
}

// A document without access control (BSI TR-03105-5.1 configuration CFG.DFLT.PLAIN, case
// ISO7816_A_01): a chip that offers no PACE and answers GET CHALLENGE with "not supported" is
// read in plain (no keys). Whether its files really are readable the first file tells.
OpenedChip unprotectedChip() {
    log(LogLevel::Info, LogCategory, "the chip offers neither PACE nor BAC: reading in plain");
    OpenedChip out;
    out.outcome.protocol = "none";
    out.outcome.password = "none";
    return out;
}

// BAC with the MRZ key, else the QR's candidates in order: at most qr::MaxBacAttemptsPerTap, each
// on a fresh SELECT of the application (cccd.md §2.6: the chip's throttling is unknown).
// mayBeUnprotected: the card offers no PACE and the policy did not insist on BAC, so a chip
// without BAC is one without access control.
OpenedChip openWithBac(transport::CardChannel& channel, const AccessKey& key,
                       const crypto::RandomSource& random, bool mayBeUnprotected) {
    if (!key.hasMrz()) {
        throw Error(ErrorCode::NotSupported,
                    "the card offers only BAC, which needs the MRZ key (document number, "
                    "birth and expiry dates), not the CAN");
    }
    std::vector<const mrz::MrzKey*> keys;
    if (key.mrz) {
        keys.push_back(&*key.mrz);
    }
    for (const mrz::MrzKey& candidate : key.bacCandidates) {
        keys.push_back(&candidate);
    }
    keys.resize(std::min(keys.size(), qr::MaxBacAttemptsPerTap));
    OpenedChip out;
    out.outcome.protocol = "BAC";
    out.outcome.password = "MRZ";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) {
            reselectApplication(channel);
        }
        out.outcome.bacAttempts = i + 1;
        try {
            out.keys = access::performBac(channel, keys[i]->mrzInformationBytes(), random);
            log(LogLevel::Info, LogCategory, "access granted with BAC");
            return out;
        } catch (const Error& e) {
            if (e.code() == ErrorCode::NotSupported && mayBeUnprotected) {
                return unprotectedChip();
            }
            if (e.code() != ErrorCode::AccessDenied || i + 1 == keys.size()) {
                throw;
            }
            log(LogLevel::Info, LogCategory, "BAC key refused; the next candidate");
        }
    }
    throw Error(ErrorCode::AccessDenied, "no BAC key to try");
}

OpenedChip openWithPace(transport::CardChannel& channel, const lds::SecurityInfos& cardAccess,
                        const lds::PaceInfo& info, const AccessKey& key,
                        const crypto::RandomSource& random) {
    access::PaceParameters parameters;
    parameters.protocol = info.protocol;
    parameters.parameterId = info.parameterId.value_or(0);
    // ICAO 9303-11 §4.4.4.1: the parameter reference (DO 84, the PACEInfo's parameterId, for
    // explicit parameters the proprietary ID of their PACEDomainParameterInfo) is required when
    // the chip offers more than one set of domain parameters, and allowed always. It goes out
    // whenever the PACEInfo has one: some chips with a single PACEInfo refuse MSE:Set AT
    // without it (6A87), and a chip told nothing picks its default, which need not be the
    // PACEInfo whose group the terminal then uses. A PACEInfo without parameterId leaves
    // nothing to send.
    parameters.referenceParameterId = info.parameterId.has_value();
    // §9.2.2: explicit domain parameters come from EF.CardAccess, unsigned; the crypto layer
    // checks them before use.
    if (usesExplicitDomainParameters(info)) {
        parameters.explicitDomainParameters =
            paceDomainParameters(info, cardAccess)->domainParameter;
    }

    OpenedChip out;
    out.outcome.protocol = "PACE";
    out.outcome.paceProtocol = info.protocol;
    out.outcome.paceParameterId = info.parameterId;
    out.outcome.paceExplicitDomainParameters = !parameters.explicitDomainParameters.empty();
    access::PaceResult result;
    if (key.hasCan()) {
        out.outcome.password = "CAN";
        result = access::performPace(channel, parameters, access::PacePasswordType::Can,
                                     key.can.view(), random);
    } else {
        out.outcome.password = "MRZ";
        SecureBytes password = key.mrz->mrzInformationBytes();
        result = access::performPace(channel, parameters, access::PacePasswordType::Mrz,
                                     password.view(), random);
    }
    out.keys = std::move(result.sessionKeys);
    out.outcome.chipEphemeralPublicKey = result.chipEphemeralPublicKey;
    if (result.mapping == access::PaceMapping::ChipAuthentication) {
        out.chipAuthenticationMapping = std::move(result);
    }
    log(LogLevel::Info, LogCategory, "access granted with PACE");
    return out;
}

} // namespace

bool usesExplicitDomainParameters(const lds::PaceInfo& info) {
    return !info.parameterId || *info.parameterId >= FirstProprietaryParameterId;
}

const lds::PaceDomainParameterInfo* paceDomainParameters(const lds::PaceInfo& info,
                                                         const lds::SecurityInfos& infos) {
    if (!usesExplicitDomainParameters(info)) {
        return nullptr;
    }
    const auto& domains = infos.paceDomainParameterInfos;
    const lds::PaceDomainParameterInfo* found = nullptr;
    if (info.parameterId) {
        for (const lds::PaceDomainParameterInfo& domain : domains) {
            if (domain.parameterId == info.parameterId) {
                if (found != nullptr) {
                    return nullptr; // two sets under one ID
                }
                found = &domain;
            }
        }
    }
    // §9.2.2: IDs are needed only when there are several sets; a lone set may go without.
    if (found == nullptr && domains.size() == 1 &&
        (!info.parameterId || !domains.front().parameterId)) {
        found = &domains.front();
    }
    if (found != nullptr && found->keyAgreement != info.keyAgreement) {
        return nullptr;
    }
    return found;
}

std::optional<lds::PaceInfo> choosePaceInfo(const lds::SecurityInfos& infos) {
    for (lds::KeyAgreement agreement : {lds::KeyAgreement::Ecdh, lds::KeyAgreement::Dh}) {
        for (const lds::PaceInfo& info : infos.paceInfos) {
            if (info.keyAgreement == agreement && implemented(info, infos)) {
                return info;
            }
        }
    }
    return std::nullopt;
}

OpenedChip openChip(transport::CardChannel& channel,
                    const std::optional<lds::SecurityInfos>& cardAccess, const AccessKey& key,
                    AccessPolicy policy, const crypto::RandomSource& random) {
    if (!key.hasMrz() && !key.hasCan()) {
        throw Error(ErrorCode::InvalidArgument, "no access key: give the MRZ key or the CAN");
    }
    if (policy == AccessPolicy::BacOnly) {
        return openWithBac(channel, key, random, false);
    }

    bool offersPace = cardAccess && !cardAccess->paceInfos.empty();
    std::optional<lds::PaceInfo> info = cardAccess ? choosePaceInfo(*cardAccess) : std::nullopt;
    if (!offersPace) {
        if (policy == AccessPolicy::PaceOnly) {
            throw Error(ErrorCode::NotSupported, "the card offers no PACE (no EF.CardAccess)");
        }
        return openWithBac(channel, key, random, !cardAccess);
    }
    if (!info) {
        throw Error(ErrorCode::NotSupported, "this SDK supports none of the card's PACE options");
    }
    if (policy != AccessPolicy::PaceThenBac || !key.hasMrz()) {
        return openWithPace(channel, *cardAccess, *info, key, random);
    }
    try {
        return openWithPace(channel, *cardAccess, *info, key, random);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::CardRemoved || e.code() == ErrorCode::ReaderUnplugged ||
            e.code() == ErrorCode::Cancelled) {
            throw;
        }
        log(LogLevel::Warning, LogCategory, "PACE failed; BAC as the caller's policy allows");
        reselectApplication(channel);
        OpenedChip out = openWithBac(channel, key, random, false);
        out.outcome.paceFailure = std::string(errorCodeName(e.code()));
        return out;
    }
}

} // namespace cccd::reader

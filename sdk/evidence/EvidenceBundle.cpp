#include "evidence/EvidenceBundle.h"

#include <algorithm>
#include <ctime>

#include "base/Error.h"

namespace cccd::evidence {

std::string_view sdkVersion() {
    return CCCD_VERSION_STRING;
}

std::string isoUtc(std::chrono::system_clock::time_point time) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    if (gmtime_r(&seconds, &utc) == nullptr) {
        throw Error(ErrorCode::InvalidArgument, "the time of the read is out of range");
    }
    char text[32];
    std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text, length);
}

namespace {

// How the chip was opened, by name: a re-verification checks the PACEInfo against DG14's signed
// copy. The password is named ("CAN", "MRZ"), never given; PK_IC and the failure text are not
// needed later.
reader::AccessOutcome accessNames(const reader::AccessOutcome& access) {
    reader::AccessOutcome out;
    out.protocol = access.protocol;
    out.password = access.password;
    out.paceProtocol = access.paceProtocol;
    out.paceParameterId = access.paceParameterId;
    out.paceExplicitDomainParameters = access.paceExplicitDomainParameters;
    return out;
}

bool chosen(const std::optional<std::vector<int>>& choice, int dg) {
    return !choice || std::find(choice->begin(), choice->end(), dg) != choice->end();
}

} // namespace

EvidenceBundle makeBundle(const reader::CardReadout& readout, const BundleOptions& options) {
    EvidenceBundle bundle;
    bundle.readTime = isoUtc(options.readTime);
    bundle.sdkVersion = std::string(sdkVersion());

    reader::CardReadout& out = bundle.readout;
    out.access = accessNames(readout.access);
    out.atr = readout.atr;
    out.efAtrInfo = readout.efAtrInfo;
    out.efCardAccess = readout.efCardAccess;
    out.efCardSecurity = readout.efCardSecurity;
    out.efCom = readout.efCom;
    out.efSod = readout.efSod;
    for (const auto& [dg, bytes] : readout.dataGroups) {
        if (chosen(options.dataGroups, dg)) {
            out.dataGroups.emplace(dg, bytes);
        } else {
            bundle.leftOut.push_back(dg);
        }
    }
    out.skipped = readout.skipped;
    out.chipAuthenticationMapping = readout.chipAuthenticationMapping;
    out.chipAuthentication = readout.chipAuthentication;
    out.activeAuthentication = readout.activeAuthentication;
    return bundle;
}

} // namespace cccd::evidence

#include "verify/PassiveAuthentication.h"

#include <algorithm>

#include "base/Error.h"
#include "crypto/Hash.h"
#include "lds/Sod.h"

namespace cccd::verify {

namespace {

ParseStatus parseStatusOf(const Error& error) {
    return error.code() == ErrorCode::NotSupported ? ParseStatus::Unsupported
                                                   : ParseStatus::Malformed;
}

// The verdict collapses the checks (TR-03105-5.1 asks for "successful"/"failed"): any failed
// step is Invalid; an unknown CSCA with everything else passing is ValidIssuerUnknown.
Verdict deriveVerdict(bool contentPassed, const DocumentSignerReport& signer) {
    if (!contentPassed || !signer.passed()) {
        return Verdict::Invalid;
    }
    return signer.chain == ChainStatus::Trusted ? Verdict::Valid : Verdict::ValidIssuerUnknown;
}

// ICAO 9303-11 §5.1.1 step 4: hash each data group as read and compare with the SOD.
void checkDataGroups(const lds::LdsSecurityObject& lds, const std::map<int, Bytes>& dataGroups,
                     PassiveAuthenticationReport& report) {
    for (const auto& [number, bytes] : dataGroups) {
        auto expected = lds.dataGroupHashes.find(number);
        DgHashStatus status = DgHashStatus::NotInSod;
        if (expected != lds.dataGroupHashes.end()) {
            status = crypto::digest(lds.hashAlgorithm, bytes) == expected->second
                         ? DgHashStatus::Match
                         : DgHashStatus::Mismatch;
        }
        report.dataGroups.push_back(DgHashResult{number, status});
    }
    for (const auto& [number, hash] : lds.dataGroupHashes) {
        if (!dataGroups.contains(number)) {
            report.notRead.push_back(number);
        }
    }
}

} // namespace

PassiveAuthenticationReport passiveAuthentication(ByteView efSod,
                                                  const std::map<int, Bytes>& dataGroups,
                                                  const TrustStore& trustStore,
                                                  std::optional<crypto::Time> now) {
    PassiveAuthenticationReport report;
    std::optional<lds::Sod> sod;
    try {
        sod = lds::Sod::parse(efSod);
        report.sodParse = ParseStatus::Ok;
    } catch (const Error& error) {
        report.sodParse = parseStatusOf(error);
        report.sodParseError = error.what();
        return report;
    }

    checkDataGroups(sod->ldsSecurityObject(), dataGroups, report);
    report.signer =
        checkDocumentSigner(sod->signedData(), sod->documentSigner(), trustStore.certificates(),
                            now.value_or(crypto::currentTime()));
    bool hashesPassed =
        std::all_of(report.dataGroups.begin(), report.dataGroups.end(),
                    [](const DgHashResult& r) { return r.status == DgHashStatus::Match; });
    report.verdict = deriveVerdict(hashesPassed, report.signer);
    return report;
}

CardSecurityReport verifyCardSecurity(ByteView efCardSecurity, const TrustStore& trustStore,
                                      std::optional<crypto::Time> now) {
    CardSecurityReport report;
    std::optional<lds::CardSecurity> cardSecurity;
    try {
        cardSecurity = lds::CardSecurity::parse(efCardSecurity);
        report.parse = ParseStatus::Ok;
    } catch (const Error& error) {
        report.parse = parseStatusOf(error);
        report.parseError = error.what();
        return report;
    }
    report.signer =
        checkDocumentSigner(cardSecurity->signedData(), cardSecurity->documentSigner(),
                            trustStore.certificates(), now.value_or(crypto::currentTime()));
    report.verdict = deriveVerdict(true, report.signer);
    return report;
}

} // namespace cccd::verify

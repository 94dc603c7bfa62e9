#include "json/VerificationJson.h"

#include "base/Error.h"
#include "crypto/Asn1Time.h"
#include "lds/Sod.h"

namespace cccd::json {

namespace {

using nlohmann::json;

json hexOrNull(const std::optional<Bytes>& bytes) {
    return bytes ? json(toHex(*bytes)) : json(nullptr);
}

json timeOrNull(const std::optional<crypto::Time>& time) {
    return time ? json(crypto::formatTime(*time)) : json(nullptr);
}

json keyUsagePeriod(const crypto::Certificate& certificate) {
    const auto& period = certificate.privateKeyUsagePeriod();
    if (!period) {
        return nullptr;
    }
    return {{"not_before", timeOrNull(period->notBefore)},
            {"not_after", timeOrNull(period->notAfter)}};
}

json parseError(verify::ParseStatus status, const std::string& error) {
    return status == verify::ParseStatus::Ok ? json(nullptr) : json(error);
}

} // namespace

json certificateSummary(const crypto::Certificate& certificate) {
    return {
        {"subject", certificate.subject().toString()},
        {"issuer", certificate.issuer().toString()},
        {"serial_number", toHex(certificate.serialNumber())},
        {"not_before", crypto::formatTime(certificate.notBefore())},
        {"not_after", crypto::formatTime(certificate.notAfter())},
        {"private_key_usage_period", keyUsagePeriod(certificate)},
        {"subject_key_identifier", hexOrNull(certificate.subjectKeyIdentifier())},
        {"authority_key_identifier", hexOrNull(certificate.authorityKeyIdentifier())},
    };
}

json toJson(const verify::DocumentSignerReport& signer) {
    json out;
    out["signer_certificate"] = verify::signerCertificateStatusName(signer.certificate);
    out["certificate_profile"] = verify::certificateProfileStatusName(signer.certificateProfile);
    out["signature"] = verify::signatureStatusName(signer.signature);
    out["chain"] = verify::chainStatusName(signer.chain);

    // Without a DS certificate no time was chosen: the report's zero time would read as 1970.
    const bool timed = signer.documentSignerCertificate.has_value();
    out["reference_time"] = timed ? json(crypto::formatTime(signer.referenceTime)) : json(nullptr);
    out["reference_time_source"] =
        timed ? json(verify::referenceTimeSourceName(signer.referenceTimeSource)) : json(nullptr);

    out["document_signer_validity"] = verify::validityStatusName(signer.documentSignerAtSigning);
    out["document_signer_validity_now"] = verify::validityStatusName(signer.documentSignerNow);
    out["csca_validity"] = verify::validityStatusName(signer.cscaAtSigning);
    out["csca_key_usage_at_issue"] = verify::validityStatusName(signer.cscaKeyUsageAtIssue);

    out["document_signer_certificate"] = signer.documentSignerCertificate
                                             ? certificateSummary(*signer.documentSignerCertificate)
                                             : json(nullptr);
    out["csca"] = signer.csca ? certificateSummary(*signer.csca) : json(nullptr);
    return out;
}

json toJson(const verify::PassiveAuthenticationReport& report,
            std::optional<crypto::HashAlgorithm> dgHashAlgorithm) {
    const json algorithm =
        dgHashAlgorithm ? json(crypto::hashAlgorithmName(*dgHashAlgorithm)) : json(nullptr);
    json dataGroups = json::array();
    for (const verify::DgHashResult& result : report.dataGroups) {
        dataGroups.push_back({{"dg", result.dataGroup},
                              {"status", verify::dgHashStatusName(result.status)},
                              {"hash_algorithm", algorithm}});
    }

    json out;
    out["verdict"] = verify::verdictName(report.verdict);
    out["parse"] = verify::parseStatusName(report.sodParse);
    out["parse_error"] = parseError(report.sodParse, report.sodParseError);
    out["data_groups"] = dataGroups;
    out["not_read"] = report.notRead;
    out["signer"] = toJson(report.signer);
    return out;
}

json toJson(const verify::CardSecurityReport& report) {
    json out;
    out["verdict"] = verify::verdictName(report.verdict);
    out["parse"] = verify::parseStatusName(report.parse);
    out["parse_error"] = parseError(report.parse, report.parseError);
    out["signer"] = toJson(report.signer);
    return out;
}

verify::Verdict masterListVerdict(const verify::MasterListReport& report) {
    if (!report.signer.passed()) {
        return verify::Verdict::Invalid;
    }
    return report.signer.chain == verify::ChainStatus::Trusted
               ? verify::Verdict::Valid
               : verify::Verdict::ValidIssuerUnknown;
}

json toJson(const verify::MasterListReport& report) {
    json out;
    out["verdict"] = verify::verdictName(masterListVerdict(report));
    out["certificate_count"] = report.certificateCount;
    out["rejected_count"] = report.rejectedCount;
    out["added_count"] = report.addedCount;
    out["signer"] = toJson(report.signer);
    return out;
}

std::optional<crypto::HashAlgorithm> sodHashAlgorithm(ByteView efSod) {
    try {
        return lds::Sod::parse(efSod).ldsSecurityObject().hashAlgorithm;
    } catch (const Error&) {
        return std::nullopt;
    }
}

} // namespace cccd::json

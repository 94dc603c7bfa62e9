#include "verify/CertificateProfile.h"

#include <algorithm>
#include <chrono>

#include "crypto/Oid.h"

namespace cccd::verify {

namespace {

constexpr std::string_view CountryName = "2.5.4.6"; // X.520 id-at-countryName
constexpr std::uint32_t UtcTimeTag = 0x17;

// Both encodings of "no parameters" (absent, NULL) are one (RFC 5754 §2, RFC 8017 App. C).
bool sameAlgorithm(const crypto::AlgorithmIdentifier& a, const crypto::AlgorithmIdentifier& b) {
    if (a.oid != b.oid) {
        return false;
    }
    return (a.hasNoParameters() && b.hasNoParameters()) || a.parameters == b.parameters;
}

// RFC 5280 §4.1.2.5: dates through 2049 are UTCTime, from 2050 on GeneralizedTime.
bool conformingTimeEncoding(crypto::Time time, std::uint32_t tag) {
    using namespace std::chrono;
    const auto from2050 = sys_days(year(2050) / January / 1);
    return (time < from2050) == (tag == UtcTimeTag);
}

bool hasCountry(const crypto::DistinguishedName& name) {
    const auto& attributes = name.attributes();
    return std::any_of(attributes.begin(), attributes.end(),
                       [](const auto& attribute) { return attribute.type == CountryName; });
}

} // namespace

CertificateProfileStatus checkSignerProfile(const crypto::Certificate& certificate) {
    if (certificate.version() != 3) {
        return CertificateProfileStatus::NotVersion3;
    }
    if (!sameAlgorithm(certificate.tbsSignatureAlgorithm(), certificate.signatureAlgorithm())) {
        return CertificateProfileStatus::SignatureAlgorithmMismatch;
    }
    if (!hasCountry(certificate.issuer())) {
        return CertificateProfileStatus::IssuerWithoutCountry;
    }
    if (!conformingTimeEncoding(certificate.notBefore(), certificate.notBeforeTag()) ||
        !conformingTimeEncoding(certificate.notAfter(), certificate.notAfterTag())) {
        return CertificateProfileStatus::ValidityNotUtcTime;
    }
    // ICAO 9303-12 §7.1.1, table of extensions: authorityKeyIdentifier with keyIdentifier and
    // a critical keyUsage are mandatory in a Document Signer certificate.
    if (!certificate.hasAuthorityKeyIdentifierExtension() ||
        !certificate.authorityKeyIdentifier()) {
        return CertificateProfileStatus::AuthorityKeyIdentifierMissing;
    }
    const auto& keyUsage = certificate.keyUsage();
    if (!keyUsage) {
        return CertificateProfileStatus::KeyUsageMissing;
    }
    if (!keyUsage->critical) {
        return CertificateProfileStatus::KeyUsageNotCritical;
    }
    return keyUsage->digitalSignature() ? CertificateProfileStatus::Conforming
                                        : CertificateProfileStatus::KeyUsageWithoutDigitalSignature;
}

} // namespace cccd::verify

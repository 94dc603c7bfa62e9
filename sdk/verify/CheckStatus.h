#pragma once

#include <string_view>

namespace cccd::verify {

/// Each check of Passive Authentication (ICAO 9303-11 §5.1) reports one of these; the names
/// returned by the *Name functions are stable identifiers for JSON.

/// Parsing of the signed object (EF.SOD, EF.CardSecurity, master list).
enum class ParseStatus {
    Ok,
    Malformed,   ///< the bytes do not form the expected structure
    Unsupported, ///< well formed, but uses an algorithm this SDK does not accept
};

/// One data group's hash against the LDSSecurityObject (ICAO 9303-11 §5.1.1 step 4).
enum class DgHashStatus {
    Match,
    Mismatch,
    NotInSod, ///< the DG was read but the SOD has no hash for it: its content is not signed
};

/// The SignerInfo signature (RFC 5652 §5.6).
enum class SignatureStatus {
    Valid,
    Invalid,
    MessageDigestMissing,
    MessageDigestMismatch,
    ContentTypeMismatch,
    UnsupportedAlgorithm,
    NotChecked, ///< an earlier step failed (no parse, no signer certificate)
};

/// Finding the Document Signer certificate named by the SignerInfo sid.
enum class SignerCertificateStatus {
    FoundByIssuerAndSerialNumber,
    FoundBySubjectKeyIdentifier,
    FoundInTrustStore, ///< not in the signed object; the trust store holds it
    NotFound,
    NotChecked,
};

/// The signer's certificate against the certificate profile of ICAO 9303-12 §7.1 and RFC 5280
/// §4.1 (BSI TR-03105-5.1 LDS_H_48-64): the first rule it breaks.
enum class CertificateProfileStatus {
    Conforming,
    NotVersion3,                ///< version v1 (field absent) or v2, where v3 is required
    SignatureAlgorithmMismatch, ///< tbsCertificate.signature differs from signatureAlgorithm
    IssuerWithoutCountry,       ///< the issuer DN holds no countryName (ICAO 9303-12 §7.1.1)
    ValidityNotUtcTime,         ///< a date before 2050 not encoded as UTCTime (RFC 5280 §4.1.2.5)
    AuthorityKeyIdentifierMissing, ///< no authorityKeyIdentifier, or one without keyIdentifier
    KeyUsageMissing,
    KeyUsageNotCritical,
    KeyUsageWithoutDigitalSignature,
    NotChecked, ///< no signer certificate, or a master list signer's
};

/// Document Signer -> CSCA (ICAO 9303-11 §5.1.1 step 2, ICAO 9303-12 §7).
enum class ChainStatus {
    Trusted,       ///< a CSCA of the trust store signed the DS certificate
    IssuerUnknown, ///< no CSCA of the trust store is the issuer: "signature valid, issuer unknown"
    SignatureInvalid, ///< the issuing CSCA is known but its signature on the DS does not verify
    NotChecked,
};

/// A certificate or private key usage period judged at a point in time.
enum class ValidityStatus { Valid, NotYetValid, Expired, NotChecked };

/// Where the time that validity is judged at comes from.
enum class ReferenceTimeSource {
    SigningTime,                  ///< the signingTime signed attribute
    DocumentSignerKeyUsagePeriod, ///< no signingTime: the end of the DS private key usage period
    Now,                          ///< neither: the time of verification
};

/// The overall outcome, derived from the checks.
enum class Verdict {
    Valid,              ///< every check passed and the chain ends at a trusted CSCA
    ValidIssuerUnknown, ///< everything verifies, but the CSCA is not in the trust store
    Invalid,            ///< at least one check failed
};

[[nodiscard]] std::string_view parseStatusName(ParseStatus status);
[[nodiscard]] std::string_view dgHashStatusName(DgHashStatus status);
[[nodiscard]] std::string_view signatureStatusName(SignatureStatus status);
[[nodiscard]] std::string_view signerCertificateStatusName(SignerCertificateStatus status);
[[nodiscard]] std::string_view certificateProfileStatusName(CertificateProfileStatus status);
[[nodiscard]] std::string_view chainStatusName(ChainStatus status);
[[nodiscard]] std::string_view validityStatusName(ValidityStatus status);
[[nodiscard]] std::string_view referenceTimeSourceName(ReferenceTimeSource source);
[[nodiscard]] std::string_view verdictName(Verdict verdict);

} // namespace cccd::verify

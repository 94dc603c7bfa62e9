#include "verify/CheckStatus.h"

namespace cccd::verify {

std::string_view parseStatusName(ParseStatus status) {
    switch (status) {
    case ParseStatus::Ok:
        return "ok";
    case ParseStatus::Malformed:
        return "malformed";
    case ParseStatus::Unsupported:
        return "unsupported";
    }
    return "unknown";
}

std::string_view dgHashStatusName(DgHashStatus status) {
    switch (status) {
    case DgHashStatus::Match:
        return "match";
    case DgHashStatus::Mismatch:
        return "mismatch";
    case DgHashStatus::NotInSod:
        return "not_in_sod";
    }
    return "unknown";
}

std::string_view signatureStatusName(SignatureStatus status) {
    switch (status) {
    case SignatureStatus::Valid:
        return "valid";
    case SignatureStatus::Invalid:
        return "invalid";
    case SignatureStatus::MessageDigestMissing:
        return "message_digest_missing";
    case SignatureStatus::MessageDigestMismatch:
        return "message_digest_mismatch";
    case SignatureStatus::ContentTypeMismatch:
        return "content_type_mismatch";
    case SignatureStatus::UnsupportedAlgorithm:
        return "unsupported_algorithm";
    case SignatureStatus::NotChecked:
        return "not_checked";
    }
    return "unknown";
}

std::string_view signerCertificateStatusName(SignerCertificateStatus status) {
    switch (status) {
    case SignerCertificateStatus::FoundByIssuerAndSerialNumber:
        return "found_by_issuer_and_serial_number";
    case SignerCertificateStatus::FoundBySubjectKeyIdentifier:
        return "found_by_subject_key_identifier";
    case SignerCertificateStatus::FoundInTrustStore:
        return "found_in_trust_store";
    case SignerCertificateStatus::NotFound:
        return "not_found";
    case SignerCertificateStatus::NotChecked:
        return "not_checked";
    }
    return "unknown";
}

std::string_view certificateProfileStatusName(CertificateProfileStatus status) {
    switch (status) {
    case CertificateProfileStatus::Conforming:
        return "conforming";
    case CertificateProfileStatus::NotVersion3:
        return "not_version_3";
    case CertificateProfileStatus::SignatureAlgorithmMismatch:
        return "signature_algorithm_mismatch";
    case CertificateProfileStatus::IssuerWithoutCountry:
        return "issuer_without_country";
    case CertificateProfileStatus::ValidityNotUtcTime:
        return "validity_not_utc_time";
    case CertificateProfileStatus::AuthorityKeyIdentifierMissing:
        return "authority_key_identifier_missing";
    case CertificateProfileStatus::KeyUsageMissing:
        return "key_usage_missing";
    case CertificateProfileStatus::KeyUsageNotCritical:
        return "key_usage_not_critical";
    case CertificateProfileStatus::KeyUsageWithoutDigitalSignature:
        return "key_usage_without_digital_signature";
    case CertificateProfileStatus::NotChecked:
        return "not_checked";
    }
    return "unknown";
}

std::string_view chainStatusName(ChainStatus status) {
    switch (status) {
    case ChainStatus::Trusted:
        return "trusted";
    case ChainStatus::IssuerUnknown:
        return "issuer_unknown";
    case ChainStatus::SignatureInvalid:
        return "signature_invalid";
    case ChainStatus::NotChecked:
        return "not_checked";
    }
    return "unknown";
}

std::string_view validityStatusName(ValidityStatus status) {
    switch (status) {
    case ValidityStatus::Valid:
        return "valid";
    case ValidityStatus::NotYetValid:
        return "not_yet_valid";
    case ValidityStatus::Expired:
        return "expired";
    case ValidityStatus::NotChecked:
        return "not_checked";
    }
    return "unknown";
}

std::string_view referenceTimeSourceName(ReferenceTimeSource source) {
    switch (source) {
    case ReferenceTimeSource::SigningTime:
        return "signing_time";
    case ReferenceTimeSource::DocumentSignerKeyUsagePeriod:
        return "document_signer_key_usage_period";
    case ReferenceTimeSource::Now:
        return "now";
    }
    return "unknown";
}

std::string_view verdictName(Verdict verdict) {
    switch (verdict) {
    case Verdict::Valid:
        return "valid";
    case Verdict::ValidIssuerUnknown:
        return "valid_issuer_unknown";
    case Verdict::Invalid:
        return "invalid";
    }
    return "unknown";
}

} // namespace cccd::verify

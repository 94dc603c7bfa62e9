#include "verify/CertificateChain.h"

namespace cccd::verify {

namespace {

enum class Candidate { No, ByName, ByKeyIdentifier };

// RFC 5280 §6.1.3 (a)(4): the issuer name must be the anchor's subject; a key identifier that
// matches does not make up for another name (BSI TR-03105-5.1 LDS_H_54). Under one name, the
// key identifiers tell the CSCA keys of a rollover apart.
Candidate candidateKind(const crypto::Certificate& certificate, const crypto::Certificate& anchor) {
    if (!(anchor.subject() == certificate.issuer())) {
        return Candidate::No;
    }
    const auto& aki = certificate.authorityKeyIdentifier();
    const auto& ski = anchor.subjectKeyIdentifier();
    // Without key identifiers on both sides the name is all there is to go by.
    return aki && ski && *aki != *ski ? Candidate::ByName : Candidate::ByKeyIdentifier;
}

} // namespace

ChainResult validateChain(const crypto::Certificate& certificate,
                          std::span<const crypto::Certificate> anchors) {
    bool keyIdentifiedCandidate = false;
    for (const crypto::Certificate& anchor : anchors) {
        Candidate kind = candidateKind(certificate, anchor);
        if (kind == Candidate::No) {
            continue;
        }
        if (certificate.verifySignedBy(anchor)) {
            return ChainResult{ChainStatus::Trusted, anchor};
        }
        keyIdentifiedCandidate = keyIdentifiedCandidate || kind == Candidate::ByKeyIdentifier;
    }
    return ChainResult{keyIdentifiedCandidate ? ChainStatus::SignatureInvalid
                                              : ChainStatus::IssuerUnknown,
                       std::nullopt};
}

ValidityStatus validityAt(const crypto::Certificate& certificate, crypto::Time time) {
    if (time < certificate.notBefore()) {
        return ValidityStatus::NotYetValid;
    }
    return time > certificate.notAfter() ? ValidityStatus::Expired : ValidityStatus::Valid;
}

ValidityStatus privateKeyUsageAt(const crypto::Certificate& certificate, crypto::Time time) {
    const auto& period = certificate.privateKeyUsagePeriod();
    if (!period) {
        return ValidityStatus::NotChecked;
    }
    if (period->notBefore && time < *period->notBefore) {
        return ValidityStatus::NotYetValid;
    }
    if (period->notAfter && time > *period->notAfter) {
        return ValidityStatus::Expired;
    }
    return ValidityStatus::Valid;
}

} // namespace cccd::verify

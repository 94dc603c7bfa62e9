#include "verify/DocumentSignerCheck.h"

#include <algorithm>

#include "verify/CertificateChain.h"
#include "verify/CertificateProfile.h"

namespace cccd::verify {

namespace {

SignatureStatus toSignatureStatus(crypto::SignerInfoStatus status) {
    switch (status) {
    case crypto::SignerInfoStatus::Valid:
        return SignatureStatus::Valid;
    case crypto::SignerInfoStatus::MessageDigestMissing:
        return SignatureStatus::MessageDigestMissing;
    case crypto::SignerInfoStatus::MessageDigestMismatch:
        return SignatureStatus::MessageDigestMismatch;
    case crypto::SignerInfoStatus::ContentTypeMismatch:
        return SignatureStatus::ContentTypeMismatch;
    case crypto::SignerInfoStatus::UnsupportedAlgorithm:
        return SignatureStatus::UnsupportedAlgorithm;
    case crypto::SignerInfoStatus::SignatureInvalid:
        return SignatureStatus::Invalid;
    }
    return SignatureStatus::Invalid;
}

SignerCertificateStatus toCertificateStatus(crypto::SignerMatch match) {
    switch (match) {
    case crypto::SignerMatch::IssuerAndSerialNumber:
        return SignerCertificateStatus::FoundByIssuerAndSerialNumber;
    case crypto::SignerMatch::SubjectKeyIdentifier:
        return SignerCertificateStatus::FoundBySubjectKeyIdentifier;
    case crypto::SignerMatch::None:
        return SignerCertificateStatus::NotFound;
    }
    return SignerCertificateStatus::NotFound;
}

void chooseReferenceTime(DocumentSignerReport& report, const lds::DocumentSignerInfo& signer,
                         crypto::Time now) {
    report.referenceTime = now;
    report.referenceTimeSource = ReferenceTimeSource::Now;
    if (signer.signerInfo.signingTime) {
        report.referenceTime = *signer.signerInfo.signingTime;
        report.referenceTimeSource = ReferenceTimeSource::SigningTime;
        return;
    }
    const auto& period = signer.certificate->privateKeyUsagePeriod();
    if (period && period->notAfter) {
        report.referenceTime = std::min(*period->notAfter, now);
        report.referenceTimeSource = ReferenceTimeSource::DocumentSignerKeyUsagePeriod;
    }
}

// A signed object may leave its signer's certificate out, for the verifier to have it from
// elsewhere (BSI TR-03105-5.1 LDS_H_15): then a certificate of the trust store the sid names.
lds::DocumentSignerInfo withCertificateFromAnchors(lds::DocumentSignerInfo signer,
                                                   std::span<const crypto::Certificate> anchors,
                                                   SignerCertificateStatus& status) {
    if (signer.certificate) {
        return signer;
    }
    for (const crypto::Certificate& certificate : anchors) {
        if (crypto::matchSigner(signer.signerInfo.sid, certificate) != crypto::SignerMatch::None) {
            signer.certificate = certificate;
            status = SignerCertificateStatus::FoundInTrustStore;
            break;
        }
    }
    return signer;
}

} // namespace

bool DocumentSignerReport::passed() const {
    return signature == SignatureStatus::Valid &&
           (certificateProfile == CertificateProfileStatus::Conforming ||
            certificateProfile == CertificateProfileStatus::NotChecked) &&
           (chain == ChainStatus::Trusted || chain == ChainStatus::IssuerUnknown) &&
           documentSignerAtSigning == ValidityStatus::Valid &&
           (cscaAtSigning == ValidityStatus::Valid || chain == ChainStatus::IssuerUnknown);
}

DocumentSignerReport checkDocumentSigner(const crypto::SignedData& signedData,
                                         const lds::DocumentSignerInfo& embedded,
                                         std::span<const crypto::Certificate> anchors,
                                         crypto::Time now, SignerKind kind) {
    DocumentSignerReport report;
    report.certificate = toCertificateStatus(embedded.match);
    const lds::DocumentSignerInfo signer =
        withCertificateFromAnchors(embedded, anchors, report.certificate);
    if (!signer.certificate) {
        return report;
    }
    const crypto::Certificate& ds = *signer.certificate;
    report.documentSignerCertificate = ds;
    if (kind == SignerKind::DocumentSigner) {
        report.certificateProfile = checkSignerProfile(ds);
    }

    // Step 1 (RFC 5652 §5.6): the SignerInfo signature with the DS public key.
    report.signature = toSignatureStatus(
        crypto::verifySignerInfo(signer.signerInfo, signedData.eContentType,
                                 signedData.eContent.value_or(Bytes{}), ds.publicKey()));

    // Step 2: the DS certificate against the trusted CSCAs.
    ChainResult chain = validateChain(ds, anchors);
    report.chain = chain.status;
    report.csca = chain.csca;

    // Step 3: validity at signing time, and separately now.
    chooseReferenceTime(report, signer, now);
    report.documentSignerAtSigning = validityAt(ds, report.referenceTime);
    report.documentSignerNow = validityAt(ds, now);
    if (chain.csca) {
        report.cscaAtSigning = validityAt(*chain.csca, report.referenceTime);
        report.cscaKeyUsageAtIssue = privateKeyUsageAt(*chain.csca, ds.notBefore());
    }
    return report;
}

} // namespace cccd::verify

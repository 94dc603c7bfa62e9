#pragma once

#include <optional>
#include <span>

#include "crypto/Asn1Time.h"
#include "crypto/Certificate.h"
#include "crypto/SignedData.h"
#include "lds/Sod.h"
#include "verify/CheckStatus.h"

namespace cccd::verify {

/// The signature part of Passive Authentication (ICAO 9303-11 §5.1.1 steps 1-3), shared by
/// EF.SOD, EF.CardSecurity and master lists: each step has its own status.
struct DocumentSignerReport {
    SignerCertificateStatus certificate = SignerCertificateStatus::NotChecked;
    /// The signer certificate against the profile of ICAO 9303-12 §7.1.1; NotChecked for a
    /// master list signer.
    CertificateProfileStatus certificateProfile = CertificateProfileStatus::NotChecked;
    SignatureStatus signature = SignatureStatus::NotChecked;
    ChainStatus chain = ChainStatus::NotChecked;

    /// Validity is judged at the reference time: when the document was signed, as far as known.
    ReferenceTimeSource referenceTimeSource = ReferenceTimeSource::Now;
    crypto::Time referenceTime{};
    ValidityStatus documentSignerAtSigning = ValidityStatus::NotChecked;
    ValidityStatus documentSignerNow = ValidityStatus::NotChecked; ///< informative: "expired now"
    ValidityStatus cscaAtSigning = ValidityStatus::NotChecked;
    /// Informative: the CSCA private key usage period at the DS certificate's notBefore.
    ValidityStatus cscaKeyUsageAtIssue = ValidityStatus::NotChecked;

    std::optional<crypto::Certificate> documentSignerCertificate;
    std::optional<crypto::Certificate> csca;

    /// True when no step failed; the chain may still be IssuerUnknown.
    [[nodiscard]] bool passed() const;
};

/// Whose signature it is: a Document Signer's certificate is held to the profile of ICAO
/// 9303-12 §7.1.1 (BSI TR-03105-5.1 tests it); a master list signer's is not checked.
enum class SignerKind { DocumentSigner, MasterListSigner };

/// Runs the steps for the signer found by lds::locateDocumentSigner; when the signed object does
/// not carry the signer's certificate, the anchor the sid names is taken. The reference time is
/// the signingTime attribute; without it the end of the DS private key usage period (the key
/// cannot have signed later, ICAO 9303-12 §7.1.1), capped at now; else now.
[[nodiscard]] DocumentSignerReport
checkDocumentSigner(const crypto::SignedData& signedData, const lds::DocumentSignerInfo& signer,
                    std::span<const crypto::Certificate> anchors, crypto::Time now,
                    SignerKind kind = SignerKind::DocumentSigner);

} // namespace cccd::verify

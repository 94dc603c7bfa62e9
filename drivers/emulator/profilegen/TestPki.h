#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"
#include "crypto/OpenSslPtr.h"
#include "emulator/profilegen/Keys.h"

namespace cccd::emulator {

/// A test PKI shaped like the Vietnamese one (cccd.md §1.6-1.7): a self-signed CSCA on P-384
/// signing with ECDSA-SHA384, and a Document Signer on brainpoolP384r1 that signs EF.SOD.
/// Certificates carry SKI/AKI, key usage and validity; names say "Test" so they never pass
/// for real ones.
struct TestPki {
    crypto::EvpPkeyPtr cscaKey;
    crypto::X509Ptr csca;
    crypto::EvpPkeyPtr documentSignerKey;
    crypto::X509Ptr documentSigner;

    [[nodiscard]] static TestPki generate();

    [[nodiscard]] std::string cscaPem() const;
    [[nodiscard]] std::string documentSignerPem() const;
};

/// Distinguished name attributes in order, by OpenSSL's short names ("C", "O", "CN", ...).
using NameEntries = std::vector<std::pair<std::string, std::string>>;

/// A CSCA or Document Signer certificate as a test document wants it (BSI TR-03105-5.1 §6.8:
/// certificates with one chosen defect). The defaults make an ICAO 9303-12 §7.1 Document Signer
/// certificate.
struct CertificateSpec {
    NameEntries subject;
    /// The issuer DN written into the certificate; empty: the issuer's subject (or the subject
    /// when self-signed).
    NameEntries issuerName;
    std::string notBefore = "20200601000000Z"; ///< UTCTime before 2050, as RFC 5280 wants
    std::string notAfter = "20401231235959Z";
    bool certificateAuthority = false;                  ///< basicConstraints CA, critical
    std::string keyUsage = "critical,digitalSignature"; ///< OpenSSL's syntax; empty: none
    bool authorityKeyIdentifier = true;
    SignatureSpec signature; ///< how the issuer signs it

    /// Changes the fields of tbsCertificate before it is signed: version [0], serialNumber,
    /// signature, issuer, validity, subject, subjectPublicKeyInfo, extensions [3], encoded.
    std::function<void(std::vector<Bytes>&)> editTbsCertificate;
    /// Changes the extensions (each an encoded Extension) before the fields are edited.
    std::function<void(std::vector<Bytes>&)> editExtensions;
    /// Changes the signed certificate's fields: tbsCertificate, signatureAlgorithm,
    /// signatureValue.
    std::function<void(std::vector<Bytes>&)> editCertificate;
};

/// A certificate built from a CertificateSpec, with what a SignerInfo needs to name it.
struct IssuedCertificate {
    Bytes der;
    Bytes issuerAndSerialNumber; ///< RFC 5652 §10.2.4, DER, from the fields before the edits
    Bytes subjectKeyIdentifier;  ///< the keyIdentifier of the certificate's SKI extension
};

/// Issues a certificate for subjectKey, signed by issuerKey under the issuer certificate, or
/// self-signed when issuer is null (then issuerKey is the subject's own key).
[[nodiscard]] IssuedCertificate issueCertificate(const CertificateSpec& spec, EVP_PKEY* subjectKey,
                                                 const IssuedCertificate* issuer,
                                                 EVP_PKEY* issuerKey);

} // namespace cccd::emulator

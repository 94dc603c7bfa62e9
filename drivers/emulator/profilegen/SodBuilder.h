#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "base/Bytes.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/TestPki.h"

namespace cccd::emulator {

/// A data group number and its file, to be hashed into EF.SOD.
using DataGroupFile = std::pair<int, ByteView>;

/// LDSSecurityObject version 0 with SHA-256 (or `digest`, by OpenSSL's name) hashes of the
/// files (ICAO 9303-10 §4.6.2.2).
[[nodiscard]] Bytes buildLdsSecurityObject(const std::vector<DataGroupFile>& dataGroups,
                                           const std::string& digest = "sha256");

/// A ContentInfo around a CMS SignedData v3 (RFC 5652) that carries the content with the given
/// eContentType, the Document Signer certificate, and one SignerInfo identified by issuer and
/// serial number, SHA-256, with signed attributes contentType, signingTime and messageDigest,
/// signed ecdsa-with-SHA256 (cccd.md §1.6).
[[nodiscard]] Bytes buildSignedData(std::string_view eContentType, ByteView content,
                                    X509* documentSigner, EVP_PKEY* documentSignerKey,
                                    std::chrono::sys_seconds signingTime);

/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around the SignedData of the LDSSecurityObject.
[[nodiscard]] Bytes buildSod(ByteView ldsSecurityObject, X509* documentSigner,
                             EVP_PKEY* documentSignerKey, std::chrono::sys_seconds signingTime);

/// EF.CardSecurity (BSI TR-03110-3 §A.1.2): the bare SignedData of a SET
/// of SecurityInfos, eContentType id-SecurityObject (0.4.0.127.0.7.3.2.1).
[[nodiscard]] Bytes buildCardSecurity(ByteView securityInfos, X509* documentSigner,
                                      EVP_PKEY* documentSignerKey,
                                      std::chrono::sys_seconds signingTime);

/// How a Document Signer signs a SignedData in a document that tests a reader (BSI TR-03105-5.1
/// §6.8): algorithms, how the signer is named, and edits of each encoded part, made before the
/// step that depends on it so that only the chosen defect remains.
struct SignedDataSpec {
    std::string digest = "sha256"; ///< SignerInfo digestAlgorithm and messageDigest
    SignatureSpec signature;       ///< SignerInfo signatureAlgorithm
    /// sid subjectKeyIdentifier with SignerInfo version 3; else issuerAndSerialNumber and 1.
    bool subjectKeyIdentifier = false;
    bool includeCertificate = true; ///< the Document Signer certificate in `certificates`
    std::chrono::sys_seconds signingTime{};

    /// The signed attributes (contentType, signingTime, messageDigest; each an encoded
    /// Attribute), before they are signed.
    std::function<void(std::vector<Bytes>&)> editSignedAttributes;
    /// SignerInfo's fields after signing: version, sid, digestAlgorithm, signedAttrs [0],
    /// signatureAlgorithm, signature.
    std::function<void(std::vector<Bytes>&)> editSignerInfo;
    /// SignedData's fields: version, digestAlgorithms, encapContentInfo, certificates [0],
    /// signerInfos (without certificates when includeCertificate is false).
    std::function<void(std::vector<Bytes>&)> editSignedData;
};

/// The fields of a SignerInfo (RFC 5652 §5.3) in SignedDataSpec::editSignerInfo.
enum SignerInfoField : std::size_t {
    SignerInfoVersion,
    SignerInfoSid,
    SignerInfoDigestAlgorithm,
    SignerInfoSignedAttributes,
    SignerInfoSignatureAlgorithm,
    SignerInfoSignature,
};

/// The fields of a SignedData (RFC 5652 §5.1) in SignedDataSpec::editSignedData.
enum SignedDataField : std::size_t {
    SignedDataVersion,
    SignedDataDigestAlgorithms,
    SignedDataEncapsulatedContent,
    SignedDataCertificates,
    SignedDataSignerInfos,
};

/// A ContentInfo around a CMS SignedData v3 (RFC 5652) built field by field as `spec` says,
/// signed by the key of `documentSigner`.
[[nodiscard]] Bytes buildSignedData(std::string_view eContentType, ByteView content,
                                    const IssuedCertificate& documentSigner,
                                    EVP_PKEY* documentSignerKey, const SignedDataSpec& spec);

} // namespace cccd::emulator

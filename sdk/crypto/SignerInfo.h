#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/Bytes.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Asn1Time.h"
#include "crypto/Certificate.h"
#include "crypto/DistinguishedName.h"
#include "crypto/PublicKey.h"

namespace cccd::crypto {

/// IssuerAndSerialNumber (RFC 5652 §10.2.4).
struct IssuerAndSerialNumber {
    DistinguishedName issuer;
    Bytes serialNumber; ///< contents octets of the INTEGER
};

/// SignerIdentifier (RFC 5652 §5.3): exactly one of the two is set.
struct SignerIdentifier {
    std::optional<IssuerAndSerialNumber> issuerAndSerialNumber; ///< SignerInfo version 1
    std::optional<Bytes> subjectKeyIdentifier;                  ///< [0], SignerInfo version 3
};

/// SignerInfo (RFC 5652 §5.3) with the signed attributes ICAO 9303-10 §4.6.2 relies on.
struct SignerInfo {
    int version = 0;
    SignerIdentifier sid;
    AlgorithmIdentifier digestAlgorithm;
    std::optional<Bytes> signedAttributes;  ///< the encoded [0] IMPLICIT SET, tag A0 as received
    std::optional<std::string> contentType; ///< signed attribute contentType (dotted OID)
    std::optional<Bytes> messageDigest;     ///< signed attribute messageDigest
    std::optional<Time> signingTime;        ///< signed attribute signingTime
    AlgorithmIdentifier signatureAlgorithm;
    Bytes signature;
};

/// Parses one SignerInfo SEQUENCE. Throws Error(MalformedData).
[[nodiscard]] SignerInfo parseSignerInfo(const tlv::Tlv& sequence);

/// How a certificate matches a SignerIdentifier.
enum class SignerMatch {
    None,
    IssuerAndSerialNumber, ///< issuer DN (attribute order and case tolerated) and serial equal
    SubjectKeyIdentifier,  ///< the certificate's subjectKeyIdentifier equals the sid
};

[[nodiscard]] SignerMatch matchSigner(const SignerIdentifier& sid, const Certificate& certificate);

/// Outcome of checking a SignerInfo (RFC 5652 §5.4 and §5.6).
enum class SignerInfoStatus {
    Valid,
    MessageDigestMissing,  ///< signed attributes present without messageDigest
    MessageDigestMismatch, ///< messageDigest differs from the digest of eContent
    ContentTypeMismatch,   ///< the contentType attribute differs from eContentType
    UnsupportedAlgorithm,  ///< digest or signature algorithm not accepted
    SignatureInvalid,      ///< the signature does not verify with the key
};

[[nodiscard]] std::string_view signerInfoStatusName(SignerInfoStatus status);

/// Checks messageDigest == digest(eContent), the contentType attribute, then the signature over
/// the DER of the signed attributes re-tagged as SET (0x31, RFC 5652 §5.4); without signed
/// attributes the signature covers eContent itself.
[[nodiscard]] SignerInfoStatus verifySignerInfo(const SignerInfo& signerInfo,
                                                std::string_view eContentType, ByteView eContent,
                                                const PublicKey& key);

} // namespace cccd::crypto

#pragma once

#include <cstdint>
#include <string>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::emulator {

/// A fresh EC key on a named curve ("P-384", "brainpoolP384r1", ...).
[[nodiscard]] crypto::EvpPkeyPtr generateEcKey(const std::string& curve);

/// A fresh key on standardized domain parameters (ICAO 9303-11 §9.5.1): 0-2 the DH groups of
/// RFC 5114 §2.1-2.3, 8-18 the elliptic curves. Throws Error(InvalidArgument) for other IDs.
[[nodiscard]] crypto::EvpPkeyPtr generateStandardizedKey(std::uint64_t parameterId);

/// A fresh RSA key with e = 65537.
[[nodiscard]] crypto::EvpPkeyPtr generateRsaKey(unsigned bits);

/// A fresh DSA key on the domain parameters (p, q, g) of an RFC 5114 group with a prime order
/// subgroup, by its ICAO 9303-11 §9.5.1 ID: 0 (1024/160), 1 (2048/224), 2 (2048/256). Generating
/// parameters of that size would take seconds per key.
[[nodiscard]] crypto::EvpPkeyPtr generateDsaKey(std::uint64_t parameterId);

/// A signature algorithm of BSI TR-03105-5.1 §7 (Passive Authentication), as a test document
/// signs with it and names it.
struct SignatureSpec {
    enum class Scheme { RsaPkcs1v15, RsaPss, Ecdsa, EcdsaPlain, Dsa };

    Scheme scheme = Scheme::Ecdsa;
    std::string digest = "sha256"; ///< OpenSSL's name: md5, sha1, sha224, sha256, sha384, sha512
    /// RSASSA-PKCS1-v1_5 named by rsaEncryption instead of the OID of hash and scheme, as some
    /// issuers do (BSI TR-03105-5.1 LDS_H_79-83).
    bool rsaEncryptionOid = false;
};

/// The digest's AlgorithmIdentifier, without parameters (RFC 5754 §2), DER.
[[nodiscard]] Bytes digestAlgorithmIdentifier(const std::string& digest);

/// The signature AlgorithmIdentifier, DER: RFC 8017 Appendix C (NULL parameters), RFC 4055 §3.1
/// (RSASSA-PSS with MGF1 on the same hash and a salt of the hash's length), RFC 5758 §3 (ECDSA,
/// DSA), BSI TR-03111 §5.2.1 (ECDSA with r || s). Throws Error(InvalidArgument) for a digest the
/// scheme has no OID for.
[[nodiscard]] Bytes signatureAlgorithmIdentifier(const SignatureSpec& spec);

/// The signature over message, encoded as the scheme wants it (DER for ECDSA and DSA, r || s
/// for plain ECDSA).
[[nodiscard]] Bytes signMessage(EVP_PKEY* key, const SignatureSpec& spec, ByteView message);

/// The digest of message by OpenSSL's name of the digest.
[[nodiscard]] Bytes digestOf(const std::string& digest, ByteView message);

/// SubjectPublicKeyInfo, DER. explicitParameters: EC domain parameters written out instead of
/// a curve OID, as the CCCD's DG14 has them (cccd.md §1.5).
[[nodiscard]] Bytes subjectPublicKeyInfo(EVP_PKEY* key, bool explicitParameters = false);

/// The AlgorithmIdentifier of standardized domain parameters (ICAO 9303-11 §9.5.1) written out
/// (§9.5.2): id-ecPublicKey with explicit ECParameters for a curve, dhpublicnumber with X9.42
/// DomainParameters (p, g, q) for a MODP group. DER, as a PACEDomainParameterInfo carries it.
[[nodiscard]] Bytes explicitDomainParameters(std::uint64_t parameterId);

/// Unencrypted PKCS#8 PEM of the private key: test keys only.
[[nodiscard]] SecureBytes privateKeyPem(EVP_PKEY* key);

} // namespace cccd::emulator

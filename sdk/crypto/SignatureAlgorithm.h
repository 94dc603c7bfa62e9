#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Hash.h"

namespace cccd::crypto {

enum class SignatureScheme {
    RsaPkcs1v15, ///< RSASSA-PKCS1-v1_5 (RFC 8017 §8.2)
    RsaPss,      ///< RSASSA-PSS (RFC 8017 §8.1) with parameters from RFC 4055 §3.1
    Ecdsa,       ///< ECDSA, signature as DER Ecdsa-Sig-Value (RFC 3279 §2.2.3)
    EcdsaPlain,  ///< ECDSA, signature as plain r || s (BSI TR-03111 §5.2.1)
    Dsa,         ///< DSA, signature as DER Dss-Sig-Value (RFC 3279 §2.2.2)
};

/// RSASSA-PSS-params (RFC 4055 §3.1); the defaults are SHA-1, MGF1-SHA-1, salt 20.
struct PssParameters {
    HashAlgorithm hash = HashAlgorithm::Sha1;
    HashAlgorithm mgf1Hash = HashAlgorithm::Sha1;
    std::size_t saltLength = 20;
};

struct SignatureAlgorithm {
    SignatureScheme scheme = SignatureScheme::RsaPkcs1v15;
    HashAlgorithm hash = HashAlgorithm::Sha256;
    std::optional<PssParameters> pss; ///< set for RsaPss only
};

/// The signature algorithm named by a signature AlgorithmIdentifier (of a certificate or a
/// SignerInfo). Some signers name only the key algorithm (rsaEncryption, id-ecPublicKey, as
/// ICAO 9303-12 §4 and RFC 5754 §3 tolerate); then the hash comes from digestAlgorithm. Returns
/// nullopt for algorithms this SDK does not accept (e.g. MD5) or unusable parameters.
[[nodiscard]] std::optional<SignatureAlgorithm>
signatureAlgorithmFromIdentifier(const AlgorithmIdentifier& id,
                                 std::optional<HashAlgorithm> digestAlgorithm = std::nullopt);

/// "rsa_pkcs1_v1_5", "rsa_pss", "ecdsa", "ecdsa_plain", "dsa" for JSON output.
[[nodiscard]] std::string_view signatureSchemeName(SignatureScheme scheme);

} // namespace cccd::crypto

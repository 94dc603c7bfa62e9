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

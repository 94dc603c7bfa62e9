#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/Random.h"

namespace cccd::access {

/// An ephemeral key pair of one PACE step: the private key in wiped memory, the public key as
/// an uncompressed point 04 || x || y (ICAO 9303-11 §9.4, BSI TR-03111 §3.2.1).
struct PaceKeyPair {
    SecureBytes privateKey;
    Bytes publicKey;
};

/// The elliptic-curve group PACE with ECDH runs on: a curve and its current generator, the
/// standard one or the one Generic Mapping produced (ICAO 9303-11 §4.4.3). Points from the chip
/// that are not on the curve, or are the point at infinity, throw Error(MalformedData).
class PaceEcdhGroup {
public:
    /// Standardized domain parameters 8-18 (ICAO 9303-11 §9.5.1); any other ID, including the
    /// MODP groups 0-2 of PACE with DH, throws Error(NotSupported).
    [[nodiscard]] static PaceEcdhGroup standardized(std::uint64_t parameterId);

    PaceEcdhGroup(const PaceEcdhGroup& other);
    PaceEcdhGroup(PaceEcdhGroup&& other) noexcept = default;
    PaceEcdhGroup& operator=(const PaceEcdhGroup& other) = delete;
    PaceEcdhGroup& operator=(PaceEcdhGroup&& other) noexcept = default;
    ~PaceEcdhGroup() = default;

    /// A private key in [1, n-1] drawn from random, with its public key on this generator.
    [[nodiscard]] PaceKeyPair generateKeyPair(const crypto::RandomSource& random) const;

    /// privateKey * point, uncompressed (e.g. H of Generic Mapping).
    [[nodiscard]] SecureBytes multiply(ByteView privateKey, ByteView point) const;

    /// The x-coordinate of privateKey * point, padded to the field size: the shared secret K
    /// of the key agreement step (ICAO 9303-11 §4.4.3, BSI TR-03111 ECKA).
    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey, ByteView point) const;

    /// Generic Mapping (ICAO 9303-11 §4.4.3): the group with generator G~ = s*G + H, where
    /// H = mappingPrivateKey * chipMappingPublicKey.
    [[nodiscard]] PaceEcdhGroup mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                           ByteView chipMappingPublicKey) const;

    /// The current generator, uncompressed.
    [[nodiscard]] Bytes generator() const;

private:
    PaceEcdhGroup(crypto::EcGroupPtr group, crypto::EcPointPtr generator);

    [[nodiscard]] crypto::EcPointPtr decodePoint(ByteView encoded) const;
    [[nodiscard]] Bytes encodePoint(const EC_POINT* point) const;
    [[nodiscard]] crypto::EcPointPtr multiplyPoint(ByteView scalar, const EC_POINT* point) const;

    crypto::EcGroupPtr m_group;
    crypto::EcPointPtr m_generator;
};

} // namespace cccd::access

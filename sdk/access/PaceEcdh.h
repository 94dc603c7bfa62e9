#pragma once

#include "access/PaceGroup.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::access {

/// PACE with ECDH (ICAO 9303-11 §4.4.3.2): a prime curve and its current generator, the curve's
/// own or the one a mapping produced. Only uncompressed points travel (§9.4.1).
class PaceEcdhGroup final : public PaceGroup {
public:
    /// A named curve of OpenSSL (NID_brainpoolP256r1, ...), with its standard generator.
    [[nodiscard]] static std::unique_ptr<PaceEcdhGroup> fromCurve(int nid);

    /// A curve from explicit parameters; takes ownership. The caller has checked the group.
    explicit PaceEcdhGroup(crypto::EcGroupPtr group);

    PaceEcdhGroup(crypto::EcGroupPtr group, crypto::EcPointPtr generator);

    [[nodiscard]] PaceKeyAgreement keyAgreement() const override { return PaceKeyAgreement::Ecdh; }

    [[nodiscard]] std::size_t primeBits() const override;

    [[nodiscard]] std::size_t orderSize() const override;

    [[nodiscard]] PaceKeyPair generateKeyPair(const crypto::RandomSource& random) const override;

    void checkPublicKey(ByteView publicKey) const override;

    [[nodiscard]] SecureBytes multiply(ByteView scalar, ByteView element) const override;

    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey, ByteView publicKey) const override;

    [[nodiscard]] std::unique_ptr<PaceGroup>
    mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
               ByteView chipMappingPublicKey) const override;

    [[nodiscard]] std::unique_ptr<PaceGroup> mapIntegrated(ByteView pseudoRandom) const override;

    [[nodiscard]] Bytes generator() const override;

private:
    [[nodiscard]] crypto::EcPointPtr decodePoint(ByteView encoded) const;
    [[nodiscard]] Bytes encodePoint(const EC_POINT* point) const;
    [[nodiscard]] crypto::EcPointPtr multiplyPoint(ByteView scalar, const EC_POINT* point) const;
    [[nodiscard]] std::unique_ptr<PaceGroup> withGenerator(crypto::EcPointPtr generator) const;

    crypto::EcGroupPtr m_group;
    crypto::EcPointPtr m_generator;
};

} // namespace cccd::access

#pragma once

#include "crypto/KeyAgreementGroup.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

/// ECDH over a prime curve (BSI TR-03111 §4.3.1 ECKA; ICAO 9303-11 §4.4.3.2, §6.2): the curve
/// and its current generator, the curve's own or the one a PACE mapping produced. Only
/// uncompressed points travel (§9.4.1).
class EcdhGroup final : public KeyAgreementGroup {
public:
    /// A named curve of OpenSSL (NID_brainpoolP256r1, ...), with its standard generator.
    [[nodiscard]] static std::unique_ptr<EcdhGroup> fromCurve(int nid);

    /// From the DER of ECParameters (RFC 3279 §2.3.5): a named curve OID, or explicit parameters
    /// as EF.CardAccess and DG14 may carry them, checked as KeyAgreementGroup::fromAlgorithm
    /// says.
    [[nodiscard]] static std::unique_ptr<EcdhGroup> fromParameters(ByteView ecParameters);

    /// A curve from explicit parameters; takes ownership. The caller has checked the group.
    explicit EcdhGroup(EcGroupPtr group);

    EcdhGroup(EcGroupPtr group, EcPointPtr generator);

    [[nodiscard]] KeyAgreementAlgorithm keyAgreement() const override {
        return KeyAgreementAlgorithm::Ecdh;
    }

    [[nodiscard]] std::size_t primeBits() const override;

    [[nodiscard]] std::size_t orderSize() const override;

    [[nodiscard]] EphemeralKeyPair generateKeyPair(const RandomSource& random) const override;

    [[nodiscard]] Bytes publicKeyOf(ByteView privateKey) const override;

    void checkPublicKey(ByteView publicKey) const override;

    [[nodiscard]] Bytes importPublicKey(ByteView encoded) const override;

    [[nodiscard]] SecureBytes multiply(ByteView scalar, ByteView element) const override;

    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey, ByteView publicKey) const override;

    [[nodiscard]] Bytes compress(ByteView publicKey) const override;

    [[nodiscard]] std::unique_ptr<KeyAgreementGroup>
    mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
               ByteView chipMappingPublicKey) const override;

    [[nodiscard]] std::unique_ptr<KeyAgreementGroup>
    mapIntegrated(ByteView pseudoRandom) const override;

    [[nodiscard]] Bytes generator() const override;

private:
    [[nodiscard]] EcPointPtr decodePoint(ByteView encoded) const;
    [[nodiscard]] EcPointPtr decodeAnyPoint(ByteView encoded) const;
    [[nodiscard]] Bytes encodePoint(const EC_POINT* point) const;
    [[nodiscard]] Bytes xCoordinate(const EC_POINT* point) const;
    [[nodiscard]] EcPointPtr multiplyPoint(ByteView scalar, const EC_POINT* point) const;
    [[nodiscard]] std::size_t fieldSize() const;
    [[nodiscard]] std::unique_ptr<KeyAgreementGroup> withGenerator(EcPointPtr generator) const;

    EcGroupPtr m_group;
    EcPointPtr m_generator;
};

} // namespace cccd::crypto

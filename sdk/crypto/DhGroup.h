#pragma once

#include <string>

#include "crypto/KeyAgreementGroup.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

/// Diffie-Hellman over a MODP group (PKCS#3, ANSI X9.42; ICAO 9303-11 §4.4.3.1, §6.2): the
/// prime p, the order q of its prime-order subgroup when known, and the current generator, the
/// group's own or the one a PACE mapping produced.
class DhGroup final : public KeyAgreementGroup {
public:
    /// One of OpenSSL's named FFC groups, e.g. "dh_1024_160" for RFC 5114 §2.1.
    [[nodiscard]] static std::unique_ptr<DhGroup> fromName(const std::string& name);

    /// From the group elements, unsigned big-endian; an empty q is unknown (PKCS#3). Checked as
    /// KeyAgreementGroup::fromAlgorithm says.
    [[nodiscard]] static std::unique_ptr<DhGroup> fromGroup(ByteView p, ByteView g, ByteView q);

    /// Takes ownership; q may be null (PKCS#3 parameters). The caller has checked the group.
    DhGroup(BignumPtr p, BignumPtr q, BignumPtr g);

    [[nodiscard]] KeyAgreementAlgorithm keyAgreement() const override {
        return KeyAgreementAlgorithm::Dh;
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

    /// The order q of the subgroup, big-endian; empty when unknown.
    [[nodiscard]] Bytes subgroupOrder() const;

private:
    [[nodiscard]] BignumPtr decodeElement(ByteView encoded) const;
    [[nodiscard]] SecretBignumPtr power(const BIGNUM* base, ByteView exponent) const;
    [[nodiscard]] std::size_t primeSize() const;
    [[nodiscard]] std::unique_ptr<KeyAgreementGroup> withGenerator(BignumPtr generator) const;

    BignumPtr m_p;
    BignumPtr m_q; ///< null when the parameters do not give it
    BignumPtr m_g;
};

} // namespace cccd::crypto

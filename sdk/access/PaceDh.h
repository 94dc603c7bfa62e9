#pragma once

#include <string>

#include "access/PaceGroup.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::access {

/// PACE with DH (ICAO 9303-11 §4.4.3.1, PKCS#3 key agreement): a MODP group p, the order q of
/// its prime-order subgroup when known, and the current generator, the group's own or the one a
/// mapping produced.
class PaceDhGroup final : public PaceGroup {
public:
    /// One of OpenSSL's named FFC groups, e.g. "dh_1024_160" for RFC 5114 §2.1.
    [[nodiscard]] static std::unique_ptr<PaceDhGroup> fromName(const std::string& name);

    /// Takes ownership; q may be null (PKCS#3 parameters). The caller has checked the group.
    PaceDhGroup(crypto::BignumPtr p, crypto::BignumPtr q, crypto::BignumPtr g);

    [[nodiscard]] PaceKeyAgreement keyAgreement() const override { return PaceKeyAgreement::Dh; }

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

    /// The order q of the subgroup, big-endian; empty when unknown.
    [[nodiscard]] Bytes subgroupOrder() const;

private:
    [[nodiscard]] crypto::BignumPtr decodeElement(ByteView encoded) const;
    [[nodiscard]] crypto::SecretBignumPtr power(const BIGNUM* base, ByteView exponent) const;
    [[nodiscard]] std::size_t primeSize() const;
    [[nodiscard]] std::unique_ptr<PaceGroup> withGenerator(crypto::BignumPtr generator) const;

    crypto::BignumPtr m_p;
    crypto::BignumPtr m_q; ///< null when the parameters do not give it
    crypto::BignumPtr m_g;
};

} // namespace cccd::access

#pragma once

#include <memory>

#include "crypto/KeyAgreement.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

/// Diffie-Hellman in the order-q subgroup of Z_p* (PKCS #3, ANSI X9.42): public keys are
/// g^x mod p written in as many bytes as p.
class DhKeyAgreement final : public KeyAgreement {
public:
    /// From the DER of X9.42 DomainParameters (RFC 3279 §2.3.3: SEQUENCE { p, g, q, j OPTIONAL,
    /// validationParms OPTIONAL }), as id-PK-DH keys carry them (BSI TR-03110-3 Appendix A). Throws
    /// Error(MalformedData) unless p is odd, 1 < g < p - 1 and g^q = 1 mod p.
    [[nodiscard]] static std::unique_ptr<DhKeyAgreement> fromParameters(ByteView parameters);

    /// From the group elements themselves, big-endian.
    [[nodiscard]] static std::unique_ptr<DhKeyAgreement> fromGroup(ByteView p, ByteView g,
                                                                   ByteView q);

    [[nodiscard]] KeyAgreementKeyPair generateKeyPair(const RandomSource& random) const override;
    [[nodiscard]] Bytes publicKeyOf(ByteView privateKey) const override;
    void checkPeerKey(ByteView peerPublicKey) const override;
    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey,
                                           ByteView peerPublicKey) const override;
    [[nodiscard]] Bytes compress(ByteView publicKey) const override;

    /// Bytes of p (and of public keys and K).
    [[nodiscard]] std::size_t modulusSize() const;

private:
    DhKeyAgreement(BignumPtr p, BignumPtr g, BignumPtr q)
        : m_p(std::move(p)), m_g(std::move(g)), m_q(std::move(q)) {}

    [[nodiscard]] BignumPtr checkedPeer(ByteView peerPublicKey) const;
    [[nodiscard]] Bytes power(const BIGNUM* base, ByteView exponent) const;

    BignumPtr m_p;
    BignumPtr m_g;
    BignumPtr m_q;
};

} // namespace cccd::crypto

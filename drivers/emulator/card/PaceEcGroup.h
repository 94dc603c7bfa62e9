#pragma once

#include <optional>

#include "crypto/OpenSslPtr.h"
#include "emulator/card/PaceGroup.h"

namespace cccd::emulator {

/// PACE over an elliptic curve of prime order (ICAO 9303-11 §4.4.3, BSI TR-03111 ECKA).
class PaceEcGroup final : public PaceGroup {
public:
    /// curveNid: the OpenSSL NID of a named curve. Throws Error(Crypto) when unknown.
    explicit PaceEcGroup(int curveNid);

    [[nodiscard]] PaceAgreement agreement() const override { return PaceAgreement::Ecdh; }

    [[nodiscard]] Bytes publicKey(ByteView privateKey) const override;
    [[nodiscard]] bool isValidPublicKey(ByteView publicKey) const override;
    [[nodiscard]] SecureBytes agree(ByteView privateKey, ByteView publicKey) const override;
    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey, ByteView publicKey) const override;
    void mapGeneric(ByteView nonce, ByteView mappingSecret) override;
    [[nodiscard]] bool mapIntegrated(ByteView prfOutput) override;
    [[nodiscard]] bool supportsIntegratedMapping() const override;
    [[nodiscard]] std::size_t fieldBits() const override;
    [[nodiscard]] Bytes order() const override;
    [[nodiscard]] Bytes generator() const override;
    [[nodiscard]] Bytes prime() const override;

    /// The private scalar of an unencrypted PKCS#8 PEM key when it is an EC key on this curve
    /// (the chip's static Chip Authentication key for PACE-CAM); nullopt otherwise.
    [[nodiscard]] std::optional<SecureBytes> privateKeyFromPem(ByteView pem) const;

private:
    [[nodiscard]] crypto::EcPointPtr decode(ByteView encoded) const;
    [[nodiscard]] Bytes encode(const EC_POINT* point) const;
    [[nodiscard]] crypto::EcPointPtr multiply(ByteView scalar, const EC_POINT* point) const;
    [[nodiscard]] crypto::EcPointPtr encodeOnCurve(const BIGNUM* t) const;

    int m_curveNid;
    crypto::EcGroupPtr m_group;
    crypto::EcPointPtr m_generator;
    crypto::BignumPtr m_p;
    crypto::BignumPtr m_a;
    crypto::BignumPtr m_b;
    std::size_t m_fieldBytes = 0;
};

} // namespace cccd::emulator

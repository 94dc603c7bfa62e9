#pragma once

#include "crypto/OpenSslPtr.h"
#include "emulator/card/PaceGroup.h"

namespace cccd::emulator {

/// PACE over a MODP group with a prime-order subgroup (ICAO 9303-11 §4.4.3, the RFC 5114
/// groups of §9.5.1). Elements are unsigned big-endian values of the length of p.
class PaceDhGroup final : public PaceGroup {
public:
    /// groupName: OpenSSL's name of the group ("dh_1024_160", "dh_2048_224", "dh_2048_256").
    /// Throws Error(Crypto) when OpenSSL does not know it.
    explicit PaceDhGroup(const char* groupName);

    [[nodiscard]] PaceAgreement agreement() const override { return PaceAgreement::Dh; }

    [[nodiscard]] Bytes publicKey(ByteView privateKey) const override;
    [[nodiscard]] bool isValidPublicKey(ByteView publicKey) const override;
    [[nodiscard]] SecureBytes agree(ByteView privateKey, ByteView publicKey) const override;
    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey, ByteView publicKey) const override;
    void mapGeneric(ByteView nonce, ByteView mappingSecret) override;
    [[nodiscard]] bool mapIntegrated(ByteView prfOutput) override;

    [[nodiscard]] bool supportsIntegratedMapping() const override { return true; }

    [[nodiscard]] std::size_t fieldBits() const override;
    [[nodiscard]] Bytes order() const override;
    [[nodiscard]] Bytes generator() const override;
    [[nodiscard]] Bytes prime() const override;

private:
    [[nodiscard]] crypto::BignumPtr power(const BIGNUM* base, const BIGNUM* exponent) const;

    crypto::BignumPtr m_p;
    crypto::BignumPtr m_q;
    crypto::BignumPtr m_generator;
    std::size_t m_size = 0;
};

} // namespace cccd::emulator

#pragma once

#include <memory>

#include "crypto/KeyAgreement.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

/// ECDH over a prime field (BSI TR-03111 §4.3.1 ECKA-DH with cofactor 1): public keys are
/// uncompressed points 04 || x || y; peer points may also come compressed (02/03 || x).
class EcdhKeyAgreement final : public KeyAgreement {
public:
    /// From the DER of ECParameters (RFC 3279 §2.3.5): a named curve OID or the explicit
    /// parameters a DG14 key carries (cccd.md §1.5). Explicit parameters are checked (the
    /// discriminant, the generator on the curve, the order of the generator): bad ones throw
    /// Error(MalformedData); binary-field curves and a cofactor other than 1 throw
    /// Error(NotSupported).
    [[nodiscard]] static std::unique_ptr<EcdhKeyAgreement> fromParameters(ByteView ecParameters);

    [[nodiscard]] KeyAgreementKeyPair generateKeyPair(const RandomSource& random) const override;
    [[nodiscard]] Bytes publicKeyOf(ByteView privateKey) const override;
    void checkPeerKey(ByteView peerPublicKey) const override;
    [[nodiscard]] SecureBytes sharedSecret(ByteView privateKey,
                                           ByteView peerPublicKey) const override;
    [[nodiscard]] Bytes compress(ByteView publicKey) const override;

    /// Bytes of a field element (and of K).
    [[nodiscard]] std::size_t fieldSize() const;

private:
    explicit EcdhKeyAgreement(EcGroupPtr group) : m_group(std::move(group)) {}

    [[nodiscard]] EcPointPtr decodePoint(ByteView encoded) const;
    [[nodiscard]] EcPointPtr multiply(ByteView scalar, const EC_POINT* point) const;
    [[nodiscard]] Bytes encodePoint(const EC_POINT* point) const;
    [[nodiscard]] Bytes xCoordinate(const EC_POINT* point) const;

    EcGroupPtr m_group;
};

} // namespace cccd::crypto

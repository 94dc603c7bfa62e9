#pragma once

#include <optional>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"
#include "emulator/card/ChipAuthenticationProtocol.h"

namespace cccd::emulator {

/// The chip's static Chip Authentication key pair (SK_IC, PK_IC; ICAO 9303-11 §6.2.1) and the
/// key agreement with a terminal's ephemeral public key.
class ChipAuthenticationKey {
public:
    /// Unencrypted PKCS#8 PEM: an EC key (named or explicit curve, brainpool included) or a DH
    /// key (PKCS #3 or X9.42). Throws Error(InvalidArgument) for anything else.
    explicit ChipAuthenticationKey(ByteView privateKeyPem);

    [[nodiscard]] ChipAuthenticationProtocol::KeyAgreement keyAgreement() const;

    /// The shared secret K (ICAO 9303-11 §6.2.1; ECKA of BSI TR-03111 §4.3, PKCS #3 for DH): for
    /// ECDH the x-coordinate of SK_IC * PK_PCD, for DH PK_PCD^SK_IC mod p, each as long as the
    /// field or the modulus. PK_PCD is an uncompressed point 04 || x || y or an unsigned integer
    /// (BSI TR-03110-3 §B.2.1). nullopt when it is not a point of the chip's curve or not an
    /// element of its group.
    [[nodiscard]] std::optional<SecureBytes> sharedSecret(ByteView terminalPublicKey) const;

private:
    [[nodiscard]] crypto::EvpPkeyPtr terminalKey(ByteView publicKey) const;

    crypto::EvpPkeyPtr m_key;
};

} // namespace cccd::emulator

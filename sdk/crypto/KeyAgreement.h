#pragma once

#include <cstddef>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Random.h"

namespace cccd::crypto {

/// An ephemeral key pair: the private key in wiped memory, the public key encoded as it travels
/// in a command (ICAO 9303-11 §9.4: an uncompressed point for ECDH, the value g^x mod p for DH).
struct KeyAgreementKeyPair {
    SecureBytes privateKey;
    Bytes publicKey;
};

/// Static-ephemeral Diffie-Hellman on the domain parameters of a peer's static key, as Chip
/// Authentication uses it (ICAO 9303-11 §6.2, §9.6; BSI TR-03111 §4.3.1 ECKA-DH, PKCS #3 DH).
/// Keys from the peer that are not elements of the group throw Error(MalformedData).
class KeyAgreement {
public:
    KeyAgreement() = default;
    KeyAgreement(const KeyAgreement&) = delete;
    KeyAgreement& operator=(const KeyAgreement&) = delete;
    virtual ~KeyAgreement() = default;

    /// A private key in [1, n-1] (n the order of the generator) drawn from random by rejection
    /// sampling, with its public key.
    [[nodiscard]] virtual KeyAgreementKeyPair generateKeyPair(const RandomSource& random) const = 0;

    /// The public key of a private key, encoded as generateKeyPair encodes it.
    [[nodiscard]] virtual Bytes publicKeyOf(ByteView privateKey) const = 0;

    /// Throws Error(MalformedData) unless the peer key is a valid element of the group.
    virtual void checkPeerKey(ByteView peerPublicKey) const = 0;

    /// The shared secret K as a byte string of the field (ECDH: the x-coordinate) or modulus
    /// (DH) size, with leading zeros (ICAO 9303-11 §9.6).
    [[nodiscard]] virtual SecureBytes sharedSecret(ByteView privateKey,
                                                   ByteView peerPublicKey) const = 0;

    /// Comp(PK): the x-coordinate for ECDH, SHA-1 of the public key for DH (BSI TR-03110-3
    /// Appendix A.2). Terminal Authentication signs Comp of the Chip Authentication ephemeral
    /// key, so a terminal that goes on to TA needs it.
    [[nodiscard]] virtual Bytes compress(ByteView publicKey) const = 0;
};

} // namespace cccd::crypto

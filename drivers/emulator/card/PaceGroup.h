#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Random.h"
#include "emulator/card/PaceProtocol.h"

namespace cccd::emulator {

/// The group one PACE run works in, seen from the chip: a MODP group (DH) or an elliptic curve
/// (ECDH) with its current generator, the standard one until a mapping replaces it (ICAO 9303-11
/// §4.4.3.3). Public keys are encoded as on the wire: an uncompressed point 04 || x || y, or the
/// unsigned value padded to the length of p (BSI TR-03111 §3.2.1, ICAO 9303-11 §9.4).
class PaceGroup {
public:
    PaceGroup() = default;
    PaceGroup(const PaceGroup&) = delete;
    PaceGroup& operator=(const PaceGroup&) = delete;
    virtual ~PaceGroup() = default;

    /// The standardized domain parameters of ICAO 9303-11 §9.5.1: 0-2 the MODP groups of
    /// RFC 5114 §2.1-2.3, 8-18 the curves. nullptr for any other ID.
    [[nodiscard]] static std::unique_ptr<PaceGroup> standardized(std::uint64_t parameterId);

    [[nodiscard]] virtual PaceAgreement agreement() const = 0;

    /// A private key in [1, order - 1]: as many bytes from random as the order has, the bits
    /// above its length cleared; drawn again while out of range.
    [[nodiscard]] virtual SecureBytes generatePrivateKey(const crypto::RandomSource& random) const;

    /// The public key of privateKey on the current generator.
    [[nodiscard]] virtual Bytes publicKey(ByteView privateKey) const = 0;

    /// A public key the terminal sent: a point on the curve other than infinity, or a value in
    /// (1, p - 1) of the prime-order subgroup.
    [[nodiscard]] virtual bool isValidPublicKey(ByteView publicKey) const = 0;

    /// privateKey applied to the other side's public key, encoded as a public key (H or h of
    /// Generic Mapping).
    [[nodiscard]] virtual SecureBytes agree(ByteView privateKey, ByteView publicKey) const = 0;

    /// The shared secret K of the key agreement step (ICAO 9303-11 §4.4.3.4): the x-coordinate
    /// of the product point, or the DH value, padded to the length of p.
    [[nodiscard]] virtual SecureBytes sharedSecret(ByteView privateKey,
                                                   ByteView publicKey) const = 0;

    /// Generic Mapping (ICAO 9303-11 §4.4.3.3.1): the generator becomes s*G + H, or g^s * h.
    virtual void mapGeneric(ByteView nonce, ByteView mappingSecret) = 0;

    /// Integrated Mapping (ICAO 9303-11 §4.4.3.3.2): the generator becomes the encoding of
    /// R(s,t) mod p on the curve (Appendix B), or (R(s,t) mod p)^((p-1)/q). False when the group
    /// has no encoding this card implements.
    [[nodiscard]] virtual bool mapIntegrated(ByteView prfOutput) = 0;

    /// Whether mapIntegrated can work in this group.
    [[nodiscard]] virtual bool supportsIntegratedMapping() const = 0;

    /// The bit length of p: how much output the pseudo-random function R(s,t) must give.
    [[nodiscard]] virtual std::size_t fieldBits() const = 0;

    /// The order of the generator (n or q), big-endian.
    [[nodiscard]] virtual Bytes order() const = 0;

    /// The prime p of the field or of the MODP group, big-endian, as long as a coordinate or
    /// a DH value.
    [[nodiscard]] virtual Bytes prime() const = 0;

    /// The current generator, encoded as a public key.
    [[nodiscard]] virtual Bytes generator() const = 0;

    /// The tag of a public key inside the public key data object 7F49 (BSI TR-03110-3 D.3):
    /// 84 for DH, 86 for an EC point.
    [[nodiscard]] std::uint32_t publicKeyTag() const {
        return agreement() == PaceAgreement::Dh ? 0x84 : 0x86;
    }
};

} // namespace cccd::emulator

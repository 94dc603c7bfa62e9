#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/KeyAgreementAlgorithm.h"
#include "crypto/Random.h"

namespace cccd::crypto {

/// An ephemeral key pair of one key agreement: the private key in wiped memory, the public key
/// as it travels (ICAO 9303-11 §9.4.5): an uncompressed point 04 || x || y for ECDH, the public
/// value y as an unsigned big-endian integer in the fewest bytes for DH (§9.4.1, §9.4.3 note).
struct EphemeralKeyPair {
    SecureBytes privateKey;
    Bytes publicKey;
};

/// The group a Diffie-Hellman key agreement works in: static domain parameters with their
/// generator, or the ephemeral ones a PACE mapping produced (ICAO 9303-11 §4.4.1). One interface
/// for a MODP group (DhGroup) and a prime curve (EcdhGroup), so that PACE and Chip
/// Authentication (§6.2) do not care which.
///
/// A public key from the chip that is not a valid element of the group throws
/// Error(MalformedData): for ECDH a point that is not on the curve, not uncompressed, the point
/// at infinity or (cofactor > 1) outside the prime-order subgroup; for DH a value outside
/// [2, p-2] or, when q is known, with y^q != 1 mod p (RFC 2631 §2.1.5).
class KeyAgreementGroup {
public:
    /// Standardized domain parameters (ICAO 9303-11 §9.5.1, Table 12): 0-2 the MODP groups of
    /// RFC 5114 §2.1-2.3, 8-18 the NIST and brainpool curves. The RFU IDs 3-7 and 19-31, and any
    /// other, throw Error(NotSupported).
    [[nodiscard]] static std::unique_ptr<KeyAgreementGroup> standardized(std::uint64_t parameterId);

    /// Explicit domain parameters: the DER AlgorithmIdentifier of a PACEDomainParameterInfo
    /// (ICAO 9303-11 §9.2.2, §9.5.2) or of a SubjectPublicKeyInfo. See fromAlgorithm.
    [[nodiscard]] static std::unique_ptr<KeyAgreementGroup>
    fromDomainParameters(ByteView algorithmId);

    /// The domain parameters of an algorithm OID (dotted) and its DER parameters, e.g. the
    /// algorithm and parameters of a DG14 ChipAuthenticationPublicKeyInfo (§9.2.6). Accepted:
    /// id-ecPublicKey or id-PK-ECDH with ECParameters, dhpublicnumber or id-PK-DH with X9.42
    /// DomainParameters (p, g, q), dhKeyAgreement with a PKCS#3 DHParameter (p, g; q unknown),
    /// and standardizedDomainParameters with an ID. Parameters that fail their checks
    /// (EC_GROUP_check; p and q prime, q | p-1, g of order q; fewer than 192 bits for a curve or
    /// 1024 for p) throw Error(MalformedData); curves over binary fields and other algorithms
    /// Error(NotSupported).
    [[nodiscard]] static std::unique_ptr<KeyAgreementGroup>
    fromAlgorithm(std::string_view algorithm, ByteView parameters);

    KeyAgreementGroup() = default;
    KeyAgreementGroup(const KeyAgreementGroup&) = delete;
    KeyAgreementGroup& operator=(const KeyAgreementGroup&) = delete;
    virtual ~KeyAgreementGroup() = default;

    [[nodiscard]] virtual KeyAgreementAlgorithm keyAgreement() const = 0;

    /// Bit length of the prime p of the field (ECDH) or of the MODP group (DH): the log2 p of the
    /// PACE Integrated Mapping's pseudo-random function (§4.4.3.3.2).
    [[nodiscard]] virtual std::size_t primeBits() const = 0;

    /// Byte length of the group order (n, or q when known, else p): the FE2OS length of the
    /// PACE-CAM Chip Authentication Data CA_IC (§4.4.5.6).
    [[nodiscard]] virtual std::size_t orderSize() const = 0;

    /// A private key drawn from random with one call per try (rejection sampling, the excess
    /// high bits of the order's byte length cleared): in [1, n-1] for ECDH, in [1, q-1] for DH
    /// with known q, else in [1, p-2]. Its public key is on the current generator.
    [[nodiscard]] virtual EphemeralKeyPair generateKeyPair(const RandomSource& random) const = 0;

    /// The public key of privateKey on the current generator, encoded as generateKeyPair
    /// encodes it.
    [[nodiscard]] virtual Bytes publicKeyOf(ByteView privateKey) const = 0;

    /// Throws Error(MalformedData) unless publicKey is a valid element (see the class comment).
    virtual void checkPublicKey(ByteView publicKey) const = 0;

    /// A static public key as a SubjectPublicKeyInfo stores it, in the form the other operations
    /// take: for ECDH any point form of SEC 1 §2.3.4 (compressed, uncompressed, hybrid; RFC 5480
    /// §2.2) becomes the uncompressed point, for DH the value loses its leading zeros. Throws
    /// Error(MalformedData) unless it is a valid element once decoded.
    [[nodiscard]] virtual Bytes importPublicKey(ByteView encoded) const = 0;

    /// scalar * P (ECDH, uncompressed) or element^scalar mod p (DH, padded to the byte length of
    /// p): H of Generic Mapping, and the right-hand side of the CAM check (§4.4.3.5.2).
    [[nodiscard]] virtual SecureBytes multiply(ByteView scalar, ByteView element) const = 0;

    /// The shared secret K of the key agreement step (§9.6, §9.7.1): the x-coordinate of
    /// privateKey * P padded to the field size (ECKA), or y^x mod p padded to the byte length of
    /// p (PKCS#3).
    [[nodiscard]] virtual SecureBytes sharedSecret(ByteView privateKey,
                                                   ByteView publicKey) const = 0;

    /// Comp(PK) of BSI TR-03110-3 Appendix A.2: the x-coordinate of the point padded to the field
    /// size (ECDH), SHA-1 of the public value as encoded (DH). Terminal Authentication signs
    /// Comp of the terminal's Chip Authentication key.
    [[nodiscard]] virtual Bytes compress(ByteView publicKey) const = 0;

    /// PACE Generic Mapping (§4.4.3.3.1): the group with generator s*G + H (ECDH) or g^s * h
    /// (DH), where H = mappingPrivateKey * chipMappingPublicKey. A mapped generator at infinity
    /// or equal to 1 throws Error(MalformedData).
    [[nodiscard]] virtual std::unique_ptr<KeyAgreementGroup>
    mapGeneric(ByteView nonce, ByteView mappingPrivateKey, ByteView chipMappingPublicKey) const = 0;

    /// PACE Integrated Mapping (§4.4.3.3.2): the group with generator f_G(R mod p), where R is
    /// the output of the pseudo-random function R(s,t), which the PACE cipher suite defines. ECDH
    /// uses the point encoding of Appendix B and needs p = 3 mod 4 (NIST P-224 does not qualify:
    /// Error(NotSupported)); DH raises to (p-1)/q and needs q (Error(NotSupported) without).
    [[nodiscard]] virtual std::unique_ptr<KeyAgreementGroup>
    mapIntegrated(ByteView pseudoRandom) const = 0;

    /// The current generator: uncompressed point, or g padded to the byte length of p.
    [[nodiscard]] virtual Bytes generator() const = 0;
};

} // namespace cccd::crypto

#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"

namespace cccd::lds {

enum class PublicKeyType { Rsa, Ec, Dh, Unknown };

/// X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): SEQUENCE { AlgorithmIdentifier SEQUENCE
/// { OID, parameters }, BIT STRING }. Used by DG15 (Active Authentication key, ICAO 9303-11
/// §6.1) and by ChipAuthenticationPublicKeyInfo (§9.2.6). The AlgorithmIdentifier is read as
/// the SEQUENCE it is (field case: a parser that expected the OID first failed on the card).
struct SubjectPublicKeyInfo {
    Bytes encoded;         ///< the whole SEQUENCE as stored, ready for OpenSSL d2i
    std::string algorithm; ///< dotted OID, e.g. 1.2.840.113549.1.1.1 or 1.2.840.10045.2.1
    PublicKeyType type = PublicKeyType::Unknown;
    Bytes parameters; ///< encoded parameters object; empty when absent
    /// EC: the curve OID when the parameters name one.
    std::optional<std::string> namedCurve;
    /// EC: the parameters spell the curve out (ECParameters SEQUENCE, as the CCCD's DG14 does,
    /// cccd.md §1.5).
    bool explicitParameters = false;
    Bytes publicKey; ///< BIT STRING contents after the unused-bits octet

    // RSA only (RFC 8017 A.1.1 RSAPublicKey), big-endian without leading zero octets.
    Bytes rsaModulus;
    Bytes rsaPublicExponent;

    /// Bit length of the RSA modulus; 0 for other keys.
    [[nodiscard]] std::size_t rsaModulusBits() const;

    /// Throws Error(MalformedData) when the structure is not a SubjectPublicKeyInfo.
    [[nodiscard]] static SubjectPublicKeyInfo parse(ByteView der);
};

} // namespace cccd::lds

#pragma once

#include <optional>
#include <string_view>

#include "crypto/Kdf.h"
#include "emulator/card/SessionKeys.h"

namespace cccd::emulator {

/// How PACE maps the nonce onto a new generator (ICAO 9303-11 §4.4.3.3 - §4.4.3.5).
enum class PaceMapping { Generic, Integrated, ChipAuthentication };

/// Diffie-Hellman over a MODP group or over an elliptic curve.
enum class PaceAgreement { Dh, Ecdh };

/// What a PACE protocol OID fixes (ICAO 9303-11 §9.2.1, BSI TR-03110-3 A.1.1.1): the mapping,
/// the key agreement and the cipher of nonce, tokens and the secure messaging that follows.
struct PaceProtocol {
    PaceMapping mapping = PaceMapping::Generic;
    PaceAgreement agreement = PaceAgreement::Ecdh;
    SmCipher cipher = SmCipher::Aes;
    crypto::KeyType keyType = crypto::KeyType::Aes128;

    /// id-PACE-{DH,ECDH}-{GM,IM}-3DES-CBC-CBC and -AES-CBC-CMAC-128/192/256, and
    /// id-PACE-ECDH-CAM-AES-CBC-CMAC-128/192/256; nullopt for any other OID (there is no DH-CAM
    /// and no 3DES CAM).
    [[nodiscard]] static std::optional<PaceProtocol> fromOid(std::string_view dottedOid);

    /// True for 0.4.0.127.0.7.2.2.4 and everything under it, known or not.
    [[nodiscard]] static bool isPaceOid(std::string_view dottedOid);
};

} // namespace cccd::emulator

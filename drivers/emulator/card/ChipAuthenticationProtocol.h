#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/Kdf.h"
#include "emulator/card/SessionKeys.h"

namespace cccd::emulator {

/// What a Chip Authentication protocol OID fixes (BSI TR-03110-3 §A.1.1, ICAO 9303-11 §9.2):
/// id-CA-DH or id-CA-ECDH, then the secure messaging cipher and key length of the new session.
struct ChipAuthenticationProtocol {
    enum class KeyAgreement { Dh, Ecdh };

    std::string oid; ///< dotted, e.g. 0.4.0.127.0.7.2.2.3.2.2 (id-CA-ECDH-AES-CBC-CMAC-128)
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    SmCipher cipher = SmCipher::Aes;
    crypto::KeyType keyType = crypto::KeyType::Aes128;
};

/// The protocol of a dotted id-CA-DH-* / id-CA-ECDH-* OID; nullopt for anything else.
[[nodiscard]] std::optional<ChipAuthenticationProtocol>
chipAuthenticationProtocol(std::string_view oid);

} // namespace cccd::emulator

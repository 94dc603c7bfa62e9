#include "emulator/card/ChipAuthenticationProtocol.h"

namespace cccd::emulator {

namespace {

// BSI TR-03110-3 §A.1.1: id-CA = bsi-de protocols smartcard 3; then 1 DH or 2 ECDH; then
// 1 3DES-CBC-CBC, 2 AES-CBC-CMAC-128, 3 AES-CBC-CMAC-192, 4 AES-CBC-CMAC-256.
constexpr std::string_view IdCa = "0.4.0.127.0.7.2.2.3.";

} // namespace

std::optional<ChipAuthenticationProtocol> chipAuthenticationProtocol(std::string_view oid) {
    if (!oid.starts_with(IdCa) || oid.size() != IdCa.size() + 3 || oid[IdCa.size() + 1] != '.') {
        return std::nullopt;
    }
    ChipAuthenticationProtocol protocol;
    protocol.oid = std::string(oid);
    switch (oid[IdCa.size()]) {
    case '1':
        protocol.keyAgreement = ChipAuthenticationProtocol::KeyAgreement::Dh;
        break;
    case '2':
        protocol.keyAgreement = ChipAuthenticationProtocol::KeyAgreement::Ecdh;
        break;
    default:
        return std::nullopt;
    }
    switch (oid.back()) {
    case '1':
        protocol.cipher = SmCipher::Tdes;
        protocol.keyType = crypto::KeyType::Tdes;
        break;
    case '2':
        protocol.keyType = crypto::KeyType::Aes128;
        break;
    case '3':
        protocol.keyType = crypto::KeyType::Aes192;
        break;
    case '4':
        protocol.keyType = crypto::KeyType::Aes256;
        break;
    default:
        return std::nullopt;
    }
    return protocol;
}

} // namespace cccd::emulator

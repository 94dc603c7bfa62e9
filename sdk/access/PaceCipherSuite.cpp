#include "access/PaceCipherSuite.h"

#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Mac.h"
#include "crypto/Oid.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"

namespace cccd::access {

namespace {

// ICAO 9303-11 §9.2.1: id-PACE = bsi-de protocols smartcard 4, then the mapping and key
// agreement arc, then the cipher arc.
constexpr std::string_view IdPace = "0.4.0.127.0.7.2.2.4.";
constexpr std::string_view IdPaceEcdhGm = "0.4.0.127.0.7.2.2.4.2.";

constexpr std::size_t TokenSize = 8;
constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;
constexpr std::uint32_t PublicKeyTag = 0x7F49;
constexpr std::uint32_t EcPublicPointTag = 0x86;

} // namespace

PaceCipherSuite PaceCipherSuite::fromProtocol(std::string_view dottedOid) {
    if (!dottedOid.starts_with(IdPace)) {
        throw Error(ErrorCode::InvalidArgument, "not a PACE protocol: " + std::string(dottedOid));
    }
    if (!dottedOid.starts_with(IdPaceEcdhGm)) {
        // TODO(pace): DH-GM, Integrated Mapping and Chip Authentication Mapping; the
        // Vietnamese card advertises only ECDH-GM.
        throw Error(ErrorCode::NotSupported,
                    "PACE variant not supported: " + std::string(dottedOid));
    }
    std::string_view cipherArc = dottedOid.substr(IdPaceEcdhGm.size());
    PaceCipherSuite suite;
    suite.protocol = std::string(dottedOid);
    if (cipherArc == "1") {
        suite.cipher = sm::SmCipher::Tdes;
        suite.keyType = crypto::KeyType::Tdes;
    } else if (cipherArc == "2") {
        suite.keyType = crypto::KeyType::Aes128;
    } else if (cipherArc == "3") {
        suite.keyType = crypto::KeyType::Aes192;
    } else if (cipherArc == "4") {
        suite.keyType = crypto::KeyType::Aes256;
    } else {
        throw Error(ErrorCode::NotSupported,
                    "PACE cipher not supported: " + std::string(dottedOid));
    }
    return suite;
}

SecureBytes PaceCipherSuite::decryptNonce(ByteView passwordKey, ByteView encryptedNonce) const {
    switch (cipher) {
    case sm::SmCipher::Tdes:
        return SecureBytes(
            crypto::tdesCbcDecrypt(passwordKey, Bytes(TdesBlockSize, 0), encryptedNonce));
    case sm::SmCipher::Aes:
        return SecureBytes(
            crypto::aesCbcDecrypt(passwordKey, Bytes(AesBlockSize, 0), encryptedNonce));
    }
    return {};
}

sm::SessionKeys PaceCipherSuite::sessionKeys(ByteView sharedSecret) const {
    sm::SessionKeys keys;
    keys.cipher = cipher;
    keys.ksEnc = crypto::deriveKey(sharedSecret, crypto::KdfCounter::Enc, keyType);
    keys.ksMac = crypto::deriveKey(sharedSecret, crypto::KdfCounter::Mac, keyType);
    switch (cipher) {
    case sm::SmCipher::Tdes:
        keys.ssc = Bytes(TdesBlockSize, 0);
        break;
    case sm::SmCipher::Aes:
        keys.ssc = Bytes(AesBlockSize, 0);
        break;
    }
    return keys;
}

Bytes PaceCipherSuite::tokenInput(ByteView ephemeralPublicKey) const {
    Bytes body = concat(crypto::encodeOidObject(protocol),
                        tlv::encode(EcPublicPointTag, ephemeralPublicKey));
    return tlv::encode(PublicKeyTag, body);
}

Bytes PaceCipherSuite::authenticationToken(ByteView ksMac, ByteView ephemeralPublicKey) const {
    Bytes input = tokenInput(ephemeralPublicKey);
    switch (cipher) {
    case sm::SmCipher::Tdes:
        return crypto::retailMac(ksMac, crypto::pad(input, TdesBlockSize));
    case sm::SmCipher::Aes: {
        Bytes mac = crypto::aesCmac(ksMac, input);
        mac.resize(TokenSize);
        return mac;
    }
    }
    return {};
}

} // namespace cccd::access

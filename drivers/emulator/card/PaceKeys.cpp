#include "emulator/card/PaceKeys.h"

#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Oid.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

constexpr std::uint32_t TagPublicKey = 0x7F49;
constexpr std::uint32_t TagObjectIdentifier = 0x06;
constexpr std::size_t TokenSize = 8;
constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;

} // namespace

SecureBytes pacePasswordKey(PacePassword password, ByteView secret, crypto::KeyType keyType) {
    if (password == PacePassword::Mrz) {
        SecureBytes hashed(crypto::sha1(secret));
        return crypto::deriveKey(hashed, crypto::KdfCounter::Pace, keyType);
    }
    return crypto::deriveKey(secret, crypto::KdfCounter::Pace, keyType);
}

std::size_t paceNonceSize(const PaceProtocol& protocol) {
    bool longKey =
        protocol.keyType == crypto::KeyType::Aes192 || protocol.keyType == crypto::KeyType::Aes256;
    return longKey ? 32 : 16;
}

Bytes encryptNonce(const PaceProtocol& protocol, ByteView passwordKey, ByteView nonce) {
    if (protocol.cipher == SmCipher::Tdes) {
        return crypto::tdesCbcEncrypt(passwordKey, Bytes(TdesBlockSize, 0), nonce);
    }
    return crypto::aesCbcEncrypt(passwordKey, Bytes(AesBlockSize, 0), nonce);
}

SessionKeys paceSessionKeys(const PaceProtocol& protocol, ByteView sharedSecret) {
    return deriveSessionKeys(sharedSecret, protocol.cipher, protocol.keyType);
}

Bytes tokenInput(std::string_view protocolOid, std::uint32_t publicKeyTag, ByteView publicKey) {
    Bytes body = tlv::encode(TagObjectIdentifier, crypto::encodeOid(protocolOid));
    append(body, tlv::encode(publicKeyTag, publicKey));
    return tlv::encode(TagPublicKey, body);
}

Bytes authenticationToken(const PaceProtocol& protocol, ByteView macKey, ByteView input) {
    if (protocol.cipher == SmCipher::Tdes) {
        return crypto::retailMac(macKey, crypto::pad(input, TdesBlockSize));
    }
    Bytes token = crypto::aesCmac(macKey, input);
    token.resize(TokenSize);
    return token;
}

Bytes encryptChipAuthenticationData(ByteView encryptionKey, ByteView chipAuthenticationData) {
    Bytes iv = crypto::aesEncryptBlock(encryptionKey, Bytes(AesBlockSize, 0xFF));
    return crypto::aesCbcEncrypt(encryptionKey, iv,
                                 crypto::pad(chipAuthenticationData, AesBlockSize));
}

} // namespace cccd::emulator

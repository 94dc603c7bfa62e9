#include "access/PaceCipherSuite.h"

#include "base/Error.h"
#include "crypto/Cipher.h"
#include "sm/AuthenticationToken.h"

namespace cccd::access {

namespace {

// ICAO 9303-11 §9.2.3: id-PACE = bsi-de protocols(2) smartcard(2) 4, then one arc for the key
// agreement and mapping, then one for the cipher.
constexpr std::string_view IdPace = "0.4.0.127.0.7.2.2.4.";

using crypto::KeyAgreementAlgorithm;

struct MappingArc {
    std::string_view arc;
    KeyAgreementAlgorithm keyAgreement;
    PaceMapping mapping;
};

constexpr MappingArc MappingArcs[] = {
    {"1", KeyAgreementAlgorithm::Dh, PaceMapping::Generic},              // id-PACE-DH-GM
    {"2", KeyAgreementAlgorithm::Ecdh, PaceMapping::Generic},            // id-PACE-ECDH-GM
    {"3", KeyAgreementAlgorithm::Dh, PaceMapping::Integrated},           // id-PACE-DH-IM
    {"4", KeyAgreementAlgorithm::Ecdh, PaceMapping::Integrated},         // id-PACE-ECDH-IM
    {"6", KeyAgreementAlgorithm::Ecdh, PaceMapping::ChipAuthentication}, // id-PACE-ECDH-CAM
};

struct CipherArc {
    std::string_view arc;
    sm::SmCipher cipher;
    crypto::KeyType keyType;
};

constexpr CipherArc CipherArcs[] = {
    {"1", sm::SmCipher::Tdes, crypto::KeyType::Tdes},  // -3DES-CBC-CBC
    {"2", sm::SmCipher::Aes, crypto::KeyType::Aes128}, // -AES-CBC-CMAC-128
    {"3", sm::SmCipher::Aes, crypto::KeyType::Aes192}, // -AES-CBC-CMAC-192
    {"4", sm::SmCipher::Aes, crypto::KeyType::Aes256}, // -AES-CBC-CMAC-256
};

constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;

[[noreturn]] void notPace(std::string_view dottedOid) {
    throw Error(ErrorCode::InvalidArgument, "not a PACE protocol: " + std::string(dottedOid));
}

} // namespace

PaceCipherSuite PaceCipherSuite::fromProtocol(std::string_view dottedOid) {
    if (!dottedOid.starts_with(IdPace)) {
        notPace(dottedOid);
    }
    std::string_view arcs = dottedOid.substr(IdPace.size());
    std::size_t dot = arcs.find('.');
    if (dot == std::string_view::npos) {
        notPace(dottedOid);
    }
    std::string_view mappingArc = arcs.substr(0, dot);
    std::string_view cipherArc = arcs.substr(dot + 1);

    PaceCipherSuite suite;
    suite.protocol = std::string(dottedOid);
    bool knownMapping = false;
    for (const MappingArc& row : MappingArcs) {
        if (row.arc == mappingArc) {
            suite.keyAgreement = row.keyAgreement;
            suite.mapping = row.mapping;
            knownMapping = true;
        }
    }
    bool knownCipher = false;
    for (const CipherArc& row : CipherArcs) {
        if (row.arc == cipherArc) {
            suite.cipher = row.cipher;
            suite.keyType = row.keyType;
            knownCipher = true;
        }
    }
    // §4.4.3 Note 1: Chip Authentication Mapping exists with AES only.
    bool camWithTdes =
        suite.mapping == PaceMapping::ChipAuthentication && suite.cipher == sm::SmCipher::Tdes;
    if (!knownMapping || !knownCipher || camWithTdes) {
        notPace(dottedOid);
    }
    return suite;
}

std::size_t PaceCipherSuite::keySize() const {
    switch (keyType) {
    case crypto::KeyType::Tdes:
    case crypto::KeyType::Aes128:
        return 16;
    case crypto::KeyType::Aes192:
        return 24;
    case crypto::KeyType::Aes256:
        return 32;
    }
    return 0;
}

std::size_t PaceCipherSuite::blockSize() const {
    switch (cipher) {
    case sm::SmCipher::Tdes:
        return TdesBlockSize;
    case sm::SmCipher::Aes:
        return AesBlockSize;
    }
    return 0;
}

Bytes PaceCipherSuite::encrypt(ByteView key, ByteView data) const {
    switch (cipher) {
    case sm::SmCipher::Tdes:
        return crypto::tdesCbcEncrypt(key, Bytes(TdesBlockSize, 0), data);
    case sm::SmCipher::Aes:
        return crypto::aesCbcEncrypt(key, Bytes(AesBlockSize, 0), data);
    }
    return {};
}

SecureBytes PaceCipherSuite::decryptNonce(ByteView passwordKey, ByteView encryptedNonce) const {
    if (encryptedNonce.empty() || encryptedNonce.size() % blockSize() != 0) {
        throw Error(ErrorCode::MalformedData, "PACE: the encrypted nonce is not whole blocks");
    }
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
    return sm::deriveSessionKeys(sharedSecret, cipher, keyType);
}

Bytes PaceCipherSuite::tokenInput(ByteView ephemeralPublicKey) const {
    return sm::authenticationTokenInput(protocol, keyAgreement, ephemeralPublicKey);
}

Bytes PaceCipherSuite::authenticationToken(ByteView ksMac, ByteView ephemeralPublicKey) const {
    return sm::authenticationToken(cipher, ksMac, tokenInput(ephemeralPublicKey));
}

} // namespace cccd::access

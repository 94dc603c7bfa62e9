#include "verify/ChipAuthenticationChoice.h"

#include "sm/AuthenticationToken.h"

namespace cccd::verify {

namespace {

// BSI TR-03110-3 §A.1.1 / ICAO 9303-11 §9.2.5: id-CA-DH and id-CA-ECDH, then the cipher arc
// (1: 3DES-CBC-CBC).
constexpr std::string_view IdCaDh3Des = "0.4.0.127.0.7.2.2.3.1.1";
constexpr std::string_view IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";

crypto::KeyType keyTypeOf(const lds::ChipAuthenticationInfo& info) {
    if (info.cipher == lds::SmCipher::TripleDes) {
        return crypto::KeyType::Tdes;
    }
    switch (info.keyLength) {
    case 192:
        return crypto::KeyType::Aes192;
    case 256:
        return crypto::KeyType::Aes256;
    default:
        return crypto::KeyType::Aes128;
    }
}

bool supportedVersion(std::uint64_t version) {
    return version == 1 || version == 2;
}

// Equal keyIds pair; an absent keyId pairs only when its side has a single candidate.
bool keyIdsPair(const std::optional<std::uint64_t>& infoKeyId,
                const std::optional<std::uint64_t>& keyKeyId, std::size_t keyCount,
                std::size_t infoCount) {
    if (infoKeyId && keyKeyId) {
        return *infoKeyId == *keyKeyId;
    }
    if (!infoKeyId && !keyKeyId) {
        return true;
    }
    return infoKeyId ? keyCount == 1 : infoCount == 1;
}

ChipAuthenticationChoice defaultChoice(const lds::ChipAuthenticationPublicKeyInfo& key) {
    ChipAuthenticationChoice choice;
    choice.publicKey = key;
    choice.keyAgreement = key.keyAgreement;
    choice.protocol =
        std::string(key.keyAgreement == lds::KeyAgreement::Dh ? IdCaDh3Des : IdCaEcdh3Des);
    choice.protocolInferred = true;
    choice.cipher = sm::SmCipher::Tdes;
    choice.keyType = crypto::KeyType::Tdes;
    choice.version = 1;
    choice.keyId = key.keyId;
    choice.command = ChipAuthenticationCommand::MseSetKat;
    return choice;
}

ChipAuthenticationChoice pairedChoice(const lds::ChipAuthenticationInfo& info,
                                      const lds::ChipAuthenticationPublicKeyInfo& key) {
    ChipAuthenticationChoice choice;
    choice.publicKey = key;
    choice.keyAgreement = info.keyAgreement;
    choice.protocol = info.protocol;
    choice.cipher =
        info.cipher == lds::SmCipher::TripleDes ? sm::SmCipher::Tdes : sm::SmCipher::Aes;
    choice.keyType = keyTypeOf(info);
    choice.version = info.version;
    choice.keyId = info.keyId ? info.keyId : key.keyId;
    choice.command = ChipAuthenticationCommand::MseSetAtGeneralAuthenticate;
    return choice;
}

} // namespace

sm::SessionKeys ChipAuthenticationChoice::sessionKeys(ByteView sharedSecret, ByteView nonce) const {
    SecureBytes secret(concat(sharedSecret, nonce));
    return sm::deriveSessionKeys(secret.view(), cipher, keyType);
}

Bytes ChipAuthenticationChoice::authenticationToken(ByteView ksMac,
                                                    ByteView terminalEphemeralPublicKey) const {
    crypto::KeyAgreementAlgorithm algorithm = keyAgreement == lds::KeyAgreement::Ecdh
                                                  ? crypto::KeyAgreementAlgorithm::Ecdh
                                                  : crypto::KeyAgreementAlgorithm::Dh;
    return sm::authenticationToken(
        cipher, ksMac,
        sm::authenticationTokenInput(protocol, algorithm, terminalEphemeralPublicKey));
}

ChipAuthenticationOffer chooseChipAuthentication(const lds::SecurityInfos& dg14) {
    const auto& keys = dg14.chipAuthenticationPublicKeyInfos;
    const auto& infos = dg14.chipAuthenticationInfos;
    ChipAuthenticationOffer offer;
    if (keys.empty()) {
        return offer;
    }
    if (infos.empty()) {
        offer.choice = defaultChoice(keys.front());
        return offer;
    }

    bool anySupported = false;
    for (const lds::ChipAuthenticationInfo& info : infos) {
        if (!supportedVersion(info.version)) {
            continue;
        }
        anySupported = true;
        for (const lds::ChipAuthenticationPublicKeyInfo& key : keys) {
            if (key.keyAgreement == info.keyAgreement &&
                keyIdsPair(info.keyId, key.keyId, keys.size(), infos.size())) {
                offer.choice = pairedChoice(info, key);
                return offer;
            }
        }
    }
    offer.status = ChipAuthenticationStatus::Error;
    offer.reason = anySupported ? ChipAuthenticationReason::InconsistentSecurityInfos
                                : ChipAuthenticationReason::UnsupportedProtocol;
    return offer;
}

} // namespace cccd::verify

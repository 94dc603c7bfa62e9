#include "verify/ChipAuthenticationChoice.h"

#include <algorithm>

#include "sm/AuthenticationToken.h"

namespace cccd::verify {

namespace {

// BSI TR-03110-3 §A.1.1 / ICAO 9303-11 §9.2.5: id-CA-DH and id-CA-ECDH, then the cipher arc
// (1: 3DES-CBC-CBC).
constexpr std::string_view IdCaDh3Des = "0.4.0.127.0.7.2.2.3.1.1";
constexpr std::string_view IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";
constexpr std::string_view IdCa = "0.4.0.127.0.7.2.2.3.";
constexpr std::string_view IdPk = "0.4.0.127.0.7.2.2.1.";

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

// ChipAuthenticationInfo versions: 1 (ICAO 9303-11 §9.2.5) and 2 (BSI TR-03110-3 §A.1.1)
// are run; 3 (TR-03110-2, eID cards) is defined but not implemented here; any other is an
// error of the document.
bool supportedVersion(std::uint64_t version) {
    return version == 1 || version == 2;
}

bool definedVersion(std::uint64_t version) {
    return supportedVersion(version) || version == 3;
}

// A ChipAuthenticationInfo or ChipAuthenticationPublicKeyInfo that names its protocol but lacks
// a required element or has one of the wrong type (lds kept it as a malformed other info).
bool malformedChipAuthenticationInfo(const lds::OtherSecurityInfo& info) {
    return info.malformed && (info.protocol.starts_with(IdCa) || info.protocol.starts_with(IdPk));
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
    SecureBytes secret; // built in place: a growing plain buffer would leave K behind
    secret.reserve(sharedSecret.size() + nonce.size());
    secret.append(sharedSecret);
    secret.append(nonce);
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
    bool malformed = std::any_of(dg14.otherInfos.begin(), dg14.otherInfos.end(),
                                 malformedChipAuthenticationInfo);
    ChipAuthenticationOffer offer;
    if (keys.empty() && infos.empty() && !malformed) {
        return offer;
    }
    // No ChipAuthenticationInfo at all is the 3DES default; a broken one is not.
    if (!keys.empty() && infos.empty() && !malformed) {
        offer.choice = defaultChoice(keys.front());
        return offer;
    }

    bool anySupported = false;
    bool anyDefined = false;
    for (const lds::ChipAuthenticationInfo& info : infos) {
        anyDefined = anyDefined || definedVersion(info.version);
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
    // Only a version this SDK does not run, though a standard defines it: nothing is known of
    // the chip. Anything else announces a Chip Authentication no chip can honour: infos without
    // a key to pair with, a broken entry, or versions no standard defines.
    offer.status = ChipAuthenticationStatus::Error;
    offer.reason = !anySupported && anyDefined
                       ? ChipAuthenticationReason::UnsupportedProtocol
                       : ChipAuthenticationReason::InconsistentSecurityInfos;
    return offer;
}

} // namespace cccd::verify

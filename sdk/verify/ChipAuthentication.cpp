#include "verify/ChipAuthentication.h"

#include <memory>

#include "base/Error.h"
#include "base/Log.h"
#include "crypto/KeyAgreementGroup.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::verify {

namespace {

constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t P1SetForComputation = 0x41; // MSE:Set, internal authentication
constexpr std::uint8_t P2KeyAgreementTemplate = 0xA6;
constexpr std::uint8_t P2AuthenticationTemplate = 0xA4;
constexpr std::uint8_t P1SelectEf = 0x02;
constexpr std::uint8_t P2NoAnswerData = 0x0C;

// ICAO 9303-11 §6.2 / BSI TR-03110-3 Appendix B data objects.
constexpr std::uint32_t TagProtocol = 0x80;
constexpr std::uint32_t TagKeyReference = 0x84;
constexpr std::uint32_t TagEphemeralKey = 0x91; // MSE:Set KAT
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;
constexpr std::uint32_t TagTerminalKey = 0x80; // inside 7C
constexpr std::uint32_t TagNonce = 0x81;       // version 2 answer
constexpr std::uint32_t TagToken = 0x82;       // version 2 answer
constexpr std::uint32_t IntegerTag = 0x02;

// Ends a run early with its verdict; thrown and caught inside this file only, so that every
// step can stop the run in one line and the caller gets a result, never this type.
struct Outcome {
    ChipAuthenticationStatus status;
    ChipAuthenticationReason reason;
    std::uint16_t statusWord = 0;
};

[[noreturn]] void finish(ChipAuthenticationStatus status, ChipAuthenticationReason reason,
                         std::uint16_t sw = 0) {
    throw Outcome{status, reason, sw};
}

// The chip's static key as its SubjectPublicKeyInfo stores it: an EC point, or the DH value y
// that RFC 3279 §2.3.3 wraps in an INTEGER.
Bytes storedChipPublicKey(const ChipAuthenticationChoice& choice) {
    const lds::SubjectPublicKeyInfo& spki = choice.publicKey.publicKey;
    if (choice.keyAgreement == lds::KeyAgreement::Ecdh) {
        return spki.publicKey;
    }
    tlv::Tlv integer = tlv::parse(spki.publicKey, IntegerTag);
    return Bytes(integer.value.begin(), integer.value.end());
}

// The domain parameters of the chip's key (ICAO 9303-11 §6.2.1: the ephemeral key is generated
// on them), for a key of the type the protocol names.
std::unique_ptr<crypto::KeyAgreementGroup> groupFor(const ChipAuthenticationChoice& choice) {
    const lds::SubjectPublicKeyInfo& spki = choice.publicKey.publicKey;
    lds::PublicKeyType expected = choice.keyAgreement == lds::KeyAgreement::Ecdh
                                      ? lds::PublicKeyType::Ec
                                      : lds::PublicKeyType::Dh;
    if (spki.type != expected) {
        finish(ChipAuthenticationStatus::Error, ChipAuthenticationReason::InvalidPublicKey);
    }
    return crypto::KeyAgreementGroup::fromAlgorithm(spki.algorithm, spki.parameters);
}

apdu::ResponseApdu send(sm::SecureMessagingChannel& channel, const apdu::CommandApdu& command) {
    try {
        return channel.send(command);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::SecureMessaging) {
            throw; // the card left, the link broke: not a verdict on the chip
        }
        log(LogLevel::Warning, "verify", "Chip Authentication: an answer failed secure messaging");
        finish(ChipAuthenticationStatus::Failed, ChipAuthenticationReason::AnswerNotVerified,
               e.statusWord());
    }
}

void expectSuccess(const apdu::ResponseApdu& answer) {
    if (!answer.isSuccess()) {
        log(LogLevel::Info, "verify", "Chip Authentication: the chip refused the key agreement");
        finish(ChipAuthenticationStatus::Failed, ChipAuthenticationReason::KeyAgreementRefused,
               answer.sw);
    }
}

Bytes keyReference(const ChipAuthenticationChoice& choice) {
    return choice.keyId ? tlv::encode(TagKeyReference, tlv::encodeUnsigned(*choice.keyId))
                        : Bytes{};
}

// The version 2 nonce r_PICC and token T_PICC, if the answer carries them.
struct GeneralAuthenticateAnswer {
    Bytes nonce;
    Bytes token;
};

GeneralAuthenticateAnswer parseAnswer(const apdu::ResponseApdu& answer) {
    GeneralAuthenticateAnswer out;
    try {
        tlv::Tlv data = tlv::parse(answer.data, TagDynamicAuthenticationData);
        if (auto nonce = tlv::findChild(data, TagNonce)) {
            out.nonce.assign(nonce->value.begin(), nonce->value.end());
        }
        if (auto token = tlv::findChild(data, TagToken)) {
            out.token.assign(token->value.begin(), token->value.end());
        }
    } catch (const Error&) {
        finish(ChipAuthenticationStatus::Error, ChipAuthenticationReason::MalformedAnswer);
    }
    return out;
}

// Step 2, legacy form: MSE:Set KAT carries the key itself (ICAO 9303-11 §6.2, 3DES only).
void setKeyAgreementTemplate(sm::SecureMessagingChannel& channel,
                             const ChipAuthenticationChoice& choice, ByteView publicKey) {
    Bytes data = concat(tlv::encode(TagEphemeralKey, publicKey), keyReference(choice));
    expectSuccess(send(channel, {0x00, InsManageSecurityEnvironment, P1SetForComputation,
                                 P2KeyAgreementTemplate, data, 0, false}));
}

// Step 2: MSE:Set AT names the protocol and key, GENERAL AUTHENTICATE carries PK_IFD.
GeneralAuthenticateAnswer authenticate(sm::SecureMessagingChannel& channel,
                                       const ChipAuthenticationChoice& choice, ByteView publicKey) {
    Bytes at =
        concat(tlv::encode(TagProtocol, crypto::encodeOid(choice.protocol)), keyReference(choice));
    expectSuccess(send(channel, {0x00, InsManageSecurityEnvironment, P1SetForComputation,
                                 P2AuthenticationTemplate, at, 0, false}));

    Bytes ga = tlv::encode(TagDynamicAuthenticationData, tlv::encode(TagTerminalKey, publicKey));
    apdu::ResponseApdu answer =
        send(channel, {0x00, InsGeneralAuthenticate, 0x00, 0x00, ga, apdu::ShortNeMax, false});
    expectSuccess(answer);
    GeneralAuthenticateAnswer parsed = parseAnswer(answer);
    if (choice.version == 2 && (parsed.nonce.empty() || parsed.token.empty())) {
        finish(ChipAuthenticationStatus::Error, ChipAuthenticationReason::MalformedAnswer);
    }
    return parsed;
}

void runChipAuthentication(sm::SecureMessagingChannel& channel,
                           const ChipAuthenticationChoice& choice,
                           const crypto::RandomSource& random, ChipAuthenticationResult& result) {
    // Step 1: the chip's key is checked before anything is sent.
    std::unique_ptr<crypto::KeyAgreementGroup> group;
    try {
        group = groupFor(choice);
        result.chipPublicKey = group->importPublicKey(storedChipPublicKey(choice));
    } catch (const Error& e) {
        finish(ChipAuthenticationStatus::Error, e.code() == ErrorCode::NotSupported
                                                    ? ChipAuthenticationReason::UnsupportedProtocol
                                                    : ChipAuthenticationReason::InvalidPublicKey);
    }
    crypto::EphemeralKeyPair ephemeral = group->generateKeyPair(random);
    result.terminalEphemeralPublicKey = ephemeral.publicKey;
    result.terminalEphemeralPublicKeyCompressed = group->compress(ephemeral.publicKey);

    // Step 2, under the old keys.
    GeneralAuthenticateAnswer answer;
    if (choice.command == ChipAuthenticationCommand::MseSetKat) {
        setKeyAgreementTemplate(channel, choice, ephemeral.publicKey);
    } else {
        answer = authenticate(channel, choice, ephemeral.publicKey);
    }

    // Step 3: K, the new keys, and (version 2) the chip's token over our key.
    SecureBytes sharedSecret = group->sharedSecret(ephemeral.privateKey, result.chipPublicKey);
    sm::SessionKeys keys = choice.sessionKeys(sharedSecret, answer.nonce);
    if (choice.version == 2 &&
        !equalConstantTime(answer.token,
                           choice.authenticationToken(keys.ksMac, ephemeral.publicKey))) {
        channel.end();
        finish(ChipAuthenticationStatus::Failed, ChipAuthenticationReason::TokenInvalid);
    }
    channel.restart(std::move(keys));

    // Step 4: only a chip that derived the same keys can MAC a 9000 (a plain 9000 ends the
    // session in the channel; a plain error status word proves nothing).
    Bytes fid{static_cast<std::uint8_t>(ChipAuthenticationCheckFile >> 8),
              static_cast<std::uint8_t>(ChipAuthenticationCheckFile & 0xFF)};
    apdu::ResponseApdu check =
        send(channel, {0x00, InsSelect, P1SelectEf, P2NoAnswerData, fid, 0, false});
    result.statusWord = check.sw;
    if (!check.isSuccess()) {
        channel.end();
        finish(ChipAuthenticationStatus::Failed, ChipAuthenticationReason::AnswerNotVerified,
               check.sw);
    }
}

} // namespace

ChipAuthenticationResult performChipAuthentication(sm::SecureMessagingChannel& channel,
                                                   const lds::SecurityInfos& dg14,
                                                   const crypto::RandomSource& random) {
    ChipAuthenticationResult result;
    ChipAuthenticationOffer offer = chooseChipAuthentication(dg14);
    if (!offer.choice) {
        result.status = offer.status;
        result.reason = offer.reason;
        return result;
    }
    const ChipAuthenticationChoice& choice = *offer.choice;
    result.protocol = choice.protocol;
    result.protocolInferred = choice.protocolInferred;
    result.version = choice.version;
    result.keyId = choice.keyId;
    result.command = choice.command;

    try {
        runChipAuthentication(channel, choice, random, result);
    } catch (const Outcome& outcome) {
        result.status = outcome.status;
        result.reason = outcome.reason;
        result.statusWord = outcome.statusWord;
        return result;
    }
    result.status = ChipAuthenticationStatus::Passed;
    log(LogLevel::Info, "verify", "Chip Authentication passed");
    return result;
}

} // namespace cccd::verify

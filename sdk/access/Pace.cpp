#include "access/Pace.h"

#include <optional>

#include "access/PaceCipherSuite.h"
#include "access/PaceEcdh.h"
#include "base/Error.h"
#include "base/Log.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"
#include "transport/Send.h"

namespace cccd::access {

namespace {

constexpr std::uint8_t ClaLast = 0x00;
constexpr std::uint8_t ClaChained = 0x10; // ISO/IEC 7816-4 §5.1.1: command chaining
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t P1SetForAuthentication = 0xC1; // MSE:Set, computation and verification
constexpr std::uint8_t P2AuthenticationTemplate = 0xA4;
constexpr std::size_t LeAny = apdu::ShortNeMax; // Le = 00

// ICAO 9303-11 §4.4.4.1 (MSE:Set AT) and §4.4.4.2 (dynamic authentication data).
constexpr std::uint32_t TagProtocol = 0x80;
constexpr std::uint32_t TagPasswordReference = 0x83;
constexpr std::uint32_t TagParameterReference = 0x84;
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;
constexpr std::uint32_t TagEncryptedNonce = 0x80;
constexpr std::uint32_t TagMappingTerminal = 0x81;
constexpr std::uint32_t TagMappingChip = 0x82;
constexpr std::uint32_t TagEphemeralTerminal = 0x83;
constexpr std::uint32_t TagEphemeralChip = 0x84;
constexpr std::uint32_t TagTokenTerminal = 0x85;
constexpr std::uint32_t TagTokenChip = 0x86;

bool refusesPassword(const apdu::ResponseApdu& answer) {
    return answer.is(apdu::StatusWord::VerificationFailed) ||
           answer.is(apdu::StatusWord::SecurityStatusNotSatisfied) ||
           answer.is(apdu::StatusWord::ConditionsNotSatisfied);
}

void setAuthenticationTemplate(transport::CardChannel& channel, const PaceParameters& parameters,
                               PacePasswordType passwordType) {
    Bytes data = tlv::encode(TagProtocol, crypto::encodeOid(parameters.protocol));
    append(data, tlv::encode(TagPasswordReference, Bytes{static_cast<std::uint8_t>(passwordType)}));
    if (parameters.referenceParameterId) {
        append(data,
               tlv::encode(TagParameterReference, tlv::encodeUnsigned(parameters.parameterId)));
    }
    apdu::ResponseApdu answer =
        transport::send(channel, {ClaLast, InsManageSecurityEnvironment, P1SetForAuthentication,
                                  P2AuthenticationTemplate, data, 0, false});
    if (!answer.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "MSE:Set AT for PACE failed", answer.sw);
    }
}

// One GENERAL AUTHENTICATE step: 7C { objects } out, 7C { expected } back. Steps 1-3 are
// chained (CLA 10); the last step closes the chain (§4.4.4.2).
apdu::ResponseApdu generalAuthenticate(transport::CardChannel& channel, std::uint8_t cla,
                                       ByteView inner) {
    return transport::send(channel,
                           {cla, InsGeneralAuthenticate, 0x00, 0x00,
                            tlv::encode(TagDynamicAuthenticationData, inner), LeAny, false});
}

Bytes expectObject(const apdu::ResponseApdu& answer, std::uint32_t tag, const char* step) {
    if (!answer.isSuccess()) {
        throw Error(ErrorCode::CardStatus, std::string("PACE ") + step + " failed", answer.sw);
    }
    tlv::Tlv outer = tlv::parse(answer.data, TagDynamicAuthenticationData);
    std::optional<tlv::Tlv> object = tlv::findChild(outer, tag);
    if (!object) {
        throw Error(ErrorCode::MalformedData, std::string("PACE ") + step + ": data missing");
    }
    return Bytes(object->value.begin(), object->value.end());
}

} // namespace

PaceResult performPace(transport::CardChannel& channel, const PaceParameters& parameters,
                       PacePasswordType passwordType, ByteView password,
                       const crypto::RandomSource& random) {
    PaceCipherSuite suite = PaceCipherSuite::fromProtocol(parameters.protocol);
    PaceEcdhGroup group = PaceEcdhGroup::standardized(parameters.parameterId);
    SecureBytes passwordKey = derivePacePasswordKey(passwordType, password, suite.keyType);

    // §4.4.4.1: select the protocol, the password and the domain parameters.
    setAuthenticationTemplate(channel, parameters, passwordType);

    // §4.4.1 step 1: the chip's nonce, encrypted with K_pi.
    Bytes encryptedNonce = expectObject(generalAuthenticate(channel, ClaChained, {}),
                                        TagEncryptedNonce, "encrypted nonce");
    SecureBytes nonce = suite.decryptNonce(passwordKey, encryptedNonce);

    // Step 2: Generic Mapping (§4.4.3): exchange mapping keys, G~ = s*G + H.
    PaceKeyPair mappingKey = group.generateKeyPair(random);
    Bytes chipMappingKey =
        expectObject(generalAuthenticate(channel, ClaChained,
                                         tlv::encode(TagMappingTerminal, mappingKey.publicKey)),
                     TagMappingChip, "map nonce");
    PaceEcdhGroup mapped = group.mapGeneric(nonce, mappingKey.privateKey, chipMappingKey);

    // Step 3: ephemeral ECDH on G~. A chip that reflects our key would also reflect our token.
    PaceKeyPair ephemeralKey = mapped.generateKeyPair(random);
    Bytes chipEphemeralKey =
        expectObject(generalAuthenticate(channel, ClaChained,
                                         tlv::encode(TagEphemeralTerminal, ephemeralKey.publicKey)),
                     TagEphemeralChip, "key agreement");
    if (chipEphemeralKey == ephemeralKey.publicKey) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip echoed the terminal's public key");
    }
    SecureBytes sharedSecret = mapped.sharedSecret(ephemeralKey.privateKey, chipEphemeralKey);
    sm::SessionKeys keys = suite.sessionKeys(sharedSecret);

    // Step 4: mutual authentication. The chip answers 6300 when K_pi, and so s, differed.
    Bytes terminalToken = suite.authenticationToken(keys.ksMac, chipEphemeralKey);
    apdu::ResponseApdu answer =
        generalAuthenticate(channel, ClaLast, tlv::encode(TagTokenTerminal, terminalToken));
    if (refusesPassword(answer)) {
        log(LogLevel::Info, "access", "PACE refused by the card");
        throw Error(ErrorCode::AccessDenied, "the password does not open this card (PACE)",
                    answer.sw);
    }
    Bytes chipToken = expectObject(answer, TagTokenChip, "mutual authentication");
    if (!equalConstantTime(chipToken,
                           suite.authenticationToken(keys.ksMac, ephemeralKey.publicKey))) {
        log(LogLevel::Info, "access", "PACE: the chip's authentication token does not verify");
        throw Error(ErrorCode::AccessDenied, "the chip did not prove the password (PACE)");
    }
    return {std::move(keys), std::move(chipEphemeralKey)};
}

} // namespace cccd::access

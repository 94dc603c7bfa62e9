#include "access/Pace.h"

#include <memory>
#include <optional>

#include "access/PaceChipAuthentication.h"
#include "access/PaceCipherSuite.h"
#include "access/PaceCommands.h"
#include "access/PaceIntegratedMapping.h"
#include "base/Error.h"
#include "base/Log.h"
#include "crypto/KeyAgreementGroup.h"

namespace cccd::access {

namespace {

constexpr bool Chained = false;
constexpr bool Last = true;

struct Mapped {
    std::unique_ptr<crypto::KeyAgreementGroup> group;
    Bytes chipMappingPublicKey; ///< empty for Integrated Mapping
};

std::unique_ptr<crypto::KeyAgreementGroup> staticGroup(const PaceParameters& parameters,
                                                       const PaceCipherSuite& suite) {
    std::unique_ptr<crypto::KeyAgreementGroup> group =
        parameters.explicitDomainParameters.empty()
            ? crypto::KeyAgreementGroup::standardized(parameters.parameterId)
            : crypto::KeyAgreementGroup::fromDomainParameters(parameters.explicitDomainParameters);
    if (group->keyAgreement() != suite.keyAgreement) {
        throw Error(ErrorCode::InvalidArgument,
                    "PACE: the domain parameters do not suit the protocol's key agreement");
    }
    return group;
}

bool refusesPassword(const apdu::ResponseApdu& answer) {
    return answer.is(apdu::StatusWord::VerificationFailed) ||
           answer.is(apdu::StatusWord::SecurityStatusNotSatisfied) ||
           answer.is(apdu::StatusWord::ConditionsNotSatisfied);
}

// Step 2, Generic Mapping and CAM (§4.4.3.3.1): exchange mapping keys, G~ = s*G + H.
Mapped mapNonceGeneric(transport::CardChannel& channel, const crypto::KeyAgreementGroup& group,
                       ByteView nonce, const crypto::RandomSource& random) {
    crypto::EphemeralKeyPair mappingKey = group.generateKeyPair(random);
    Bytes chipMappingKey = requirePaceObject(
        generalAuthenticate(channel, Chained,
                            encodePaceObject(PaceTag::MappingTerminal, mappingKey.publicKey)),
        PaceTag::MappingChip, "map nonce");
    std::unique_ptr<crypto::KeyAgreementGroup> mapped =
        group.mapGeneric(nonce, mappingKey.privateKey, chipMappingKey);
    return {std::move(mapped), std::move(chipMappingKey)};
}

// Step 2, Integrated Mapping (§4.4.3.3.2): send the nonce t in clear; the chip answers an empty
// 82, an empty 7C or no data at all. G~ = f_G(R_p(s, t)).
Mapped mapNonceIntegrated(transport::CardChannel& channel, const PaceCipherSuite& suite,
                          const crypto::KeyAgreementGroup& group, ByteView nonce,
                          const crypto::RandomSource& random) {
    Bytes terminalNonce = random(suite.keySize());
    apdu::ResponseApdu answer = generalAuthenticate(
        channel, Chained, encodePaceObject(PaceTag::MappingTerminal, terminalNonce));
    if (!answer.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "PACE map nonce failed", answer.sw);
    }
    if (!answer.data.empty()) {
        (void)findPaceObject(answer.data, PaceTag::MappingChip); // a malformed 7C throws
    }
    SecureBytes pseudoRandom = pacePseudoRandom(suite, nonce, terminalNonce, group.primeBits());
    return {group.mapIntegrated(pseudoRandom), {}};
}

} // namespace

PaceResult performPace(transport::CardChannel& channel, const PaceParameters& parameters,
                       PacePasswordType passwordType, ByteView password,
                       const crypto::RandomSource& random) {
    PaceCipherSuite suite = PaceCipherSuite::fromProtocol(parameters.protocol);
    std::unique_ptr<crypto::KeyAgreementGroup> group = staticGroup(parameters, suite);
    SecureBytes passwordKey = derivePacePasswordKey(passwordType, password, suite.keyType);

    // §4.4.4.1: select the protocol, the password and the domain parameters.
    setPaceAuthenticationTemplate(
        channel, parameters.protocol, passwordType,
        parameters.referenceParameterId ? std::optional(parameters.parameterId) : std::nullopt);

    // §4.4.1 step 1: the chip's nonce, encrypted with K_pi.
    Bytes encryptedNonce = requirePaceObject(generalAuthenticate(channel, Chained, {}),
                                             PaceTag::EncryptedNonce, "encrypted nonce");
    SecureBytes nonce = suite.decryptNonce(passwordKey, encryptedNonce);

    // Step 2: map the nonce to the ephemeral generator.
    Mapped mapped = suite.mapping == PaceMapping::Integrated
                        ? mapNonceIntegrated(channel, suite, *group, nonce, random)
                        : mapNonceGeneric(channel, *group, nonce, random);

    // Step 3: ephemeral key agreement on G~. A chip that reflects our key would also reflect
    // our token (§4.4.1 3c: the public keys must differ).
    crypto::EphemeralKeyPair ephemeralKey = mapped.group->generateKeyPair(random);
    Bytes chipEphemeralKey = requirePaceObject(
        generalAuthenticate(channel, Chained,
                            encodePaceObject(PaceTag::EphemeralTerminal, ephemeralKey.publicKey)),
        PaceTag::EphemeralChip, "key agreement");
    if (chipEphemeralKey == ephemeralKey.publicKey) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip echoed the terminal's public key");
    }
    SecureBytes sharedSecret =
        mapped.group->sharedSecret(ephemeralKey.privateKey, chipEphemeralKey);
    sm::SessionKeys keys = suite.sessionKeys(sharedSecret);

    // Step 4: mutual authentication. The chip answers 6300 when K_pi, and so s, differed.
    Bytes terminalToken = suite.authenticationToken(keys.ksMac, chipEphemeralKey);
    apdu::ResponseApdu answer =
        generalAuthenticate(channel, Last, encodePaceObject(PaceTag::TokenTerminal, terminalToken));
    if (refusesPassword(answer)) {
        log(LogLevel::Info, "access", "PACE refused by the card");
        throw Error(ErrorCode::AccessDenied, "the password does not open this card (PACE)",
                    answer.sw);
    }
    Bytes chipToken = requirePaceObject(answer, PaceTag::TokenChip, "mutual authentication");
    if (!equalConstantTime(chipToken,
                           suite.authenticationToken(keys.ksMac, ephemeralKey.publicKey))) {
        log(LogLevel::Info, "access", "PACE: the chip's authentication token does not verify");
        throw Error(ErrorCode::AccessDenied, "the chip did not prove the password (PACE)");
    }

    PaceResult result;
    // CAM (§4.4.3.5): the encrypted chip authentication data must come with the token. Other
    // mappings ignore an 8A, as they ignore the CARs 87 and 88.
    if (suite.mapping == PaceMapping::ChipAuthentication) {
        std::optional<Bytes> encrypted =
            findPaceObject(answer.data, PaceTag::EncryptedChipAuthenticationData);
        if (!encrypted) {
            throw Error(ErrorCode::MalformedData,
                        "PACE-CAM: the chip sent no chip authentication data");
        }
        result.chipAuthenticationData = decryptChipAuthenticationData(keys.ksEnc, *encrypted);
    }
    result.sessionKeys = std::move(keys);
    result.keyType = suite.keyType;
    result.keyAgreement = suite.keyAgreement;
    result.mapping = suite.mapping;
    result.chipEphemeralPublicKey = std::move(chipEphemeralKey);
    result.chipMappingPublicKey = std::move(mapped.chipMappingPublicKey);
    result.parameterId = parameters.parameterId;
    result.explicitDomainParameters = parameters.explicitDomainParameters;
    return result;
}

} // namespace cccd::access

#include "emulator/card/PaceResponder.h"

#include <string>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "emulator/card/Bignum.h"
#include "emulator/card/PaceEcGroup.h"
#include "emulator/card/PacePseudoRandom.h"
#include "emulator/card/SecurityEnvironment.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

// ICAO 9303-11 §4.4.4.2: the dynamic authentication data and its objects.
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;
constexpr std::uint32_t TagEncryptedNonce = 0x80;
constexpr std::uint32_t TagMappingTerminal = 0x81;
constexpr std::uint32_t TagMappingChip = 0x82;
constexpr std::uint32_t TagEphemeralTerminal = 0x83;
constexpr std::uint32_t TagEphemeralChip = 0x84;
constexpr std::uint32_t TagTokenTerminal = 0x85;
constexpr std::uint32_t TagTokenChip = 0x86;
constexpr std::uint32_t TagChipAuthenticationData = 0x8A;

constexpr std::uint8_t ClaChaining = 0x10; // ISO/IEC 7816-4 §5.4.1: command chaining

CardResponse answer(ByteView objects) {
    return {tlv::encode(TagDynamicAuthenticationData, objects), toUint(StatusWord::Success), false};
}

// The objects inside 7C, which must fill the command data. Throws Error(MalformedData).
std::vector<tlv::Tlv> dynamicAuthenticationData(ByteView data) {
    tlv::Tlv outer = tlv::parse(data, TagDynamicAuthenticationData);
    if (outer.encoded.size() != data.size()) {
        throw Error(ErrorCode::MalformedData, "PACE: data after the dynamic authentication data");
    }
    return tlv::children(outer);
}

// The one data object a step expects inside 7C, or nullopt.
std::optional<Bytes> singleObject(ByteView data, std::uint32_t tag) {
    std::vector<tlv::Tlv> objects = dynamicAuthenticationData(data);
    if (objects.size() != 1 || objects[0].tag != tag) {
        return std::nullopt;
    }
    return Bytes(objects[0].value.begin(), objects[0].value.end());
}

std::unique_ptr<PaceGroup> groupFor(const PaceOption& option, const PaceProtocol& protocol) {
    std::unique_ptr<PaceGroup> group = PaceGroup::standardized(option.parameterId);
    if (!group || group->agreement() != protocol.agreement) {
        return nullptr;
    }
    return group;
}

} // namespace

// One run from MSE:Set AT to the end of step 4.
struct PaceResponder::Run {
    PaceStep step = PaceStep::EncryptedNonce;
    PaceOption option;
    PaceProtocol protocol;
    std::unique_ptr<PaceGroup> group;
    SecureBytes passwordKey;
    SecureBytes staticKey; ///< Chip Authentication Mapping: SK_IC
    SecureBytes nonce;
    SecureBytes mappingKey; ///< SK_map,IC
    Bytes terminalKey;      ///< PK_IFD
    Bytes chipKey;          ///< PK_IC
    SessionKeys keys;
};

PaceResponder::PaceResponder(const CardProfile& profile, crypto::RandomSource random)
    : m_offered(profile.pace), m_mrzInformation(profile.mrzInformation), m_can(profile.can),
      m_chipAuthenticationKeyPem(profile.chipAuthenticationKeyPem), m_random(std::move(random)) {
    for (const PaceOption& option : m_offered) {
        std::optional<PaceProtocol> protocol = PaceProtocol::fromOid(option.protocol);
        std::unique_ptr<PaceGroup> group = protocol ? groupFor(option, *protocol) : nullptr;
        std::string what = "card profile: PACE " + option.protocol + " with parameterId " +
                           std::to_string(option.parameterId);
        if (!group) {
            throw Error(ErrorCode::InvalidArgument, what + " is not a PACE option");
        }
        if (protocol->mapping == PaceMapping::Integrated && !group->supportsIntegratedMapping()) {
            // TODO(emulator): Integrated Mapping on curves with p = 1 mod 4 (NIST P-224) needs
            // another square root; no profile asks for it.
            throw Error(ErrorCode::NotSupported, what + ": no point encoding for this curve");
        }
        if (protocol->mapping == PaceMapping::ChipAuthentication && !staticKey(option)) {
            throw Error(ErrorCode::InvalidArgument, what + " needs an EC Chip Authentication key "
                                                           "on that curve");
        }
    }
}

PaceResponder::PaceResponder(PaceResponder&&) noexcept = default;
PaceResponder& PaceResponder::operator=(PaceResponder&&) noexcept = default;
PaceResponder::~PaceResponder() = default;

std::optional<SecureBytes> PaceResponder::staticKey(const PaceOption& option) const {
    std::unique_ptr<PaceGroup> group = PaceGroup::standardized(option.parameterId);
    auto* curve = dynamic_cast<PaceEcGroup*>(group.get());
    if (curve == nullptr || m_chipAuthenticationKeyPem.empty()) {
        return std::nullopt;
    }
    return curve->privateKeyFromPem(m_chipAuthenticationKeyPem);
}

void PaceResponder::reset() {
    m_run.reset();
}

std::optional<PaceStep> PaceResponder::pendingStep() const {
    return m_run ? std::optional(m_run->step) : std::nullopt;
}

const PaceGroup* PaceResponder::group() const {
    return m_run ? m_run->group.get() : nullptr;
}

std::optional<SessionKeys> PaceResponder::takeSessionKeys() {
    std::optional<SessionKeys> keys = std::move(m_established);
    m_established.reset();
    return keys;
}

CardResponse PaceResponder::fail(StatusWord sw) {
    m_run.reset();
    return status(sw);
}

// MSE:Set AT (ICAO 9303-11 §4.4.4.1).
StatusWord PaceResponder::setAuthenticationTemplate(ByteView data) {
    m_run.reset();
    std::optional<SecurityEnvironment> environment = parseSecurityEnvironment(data);
    if (!environment || !environment->protocol || !environment->passwordReference ||
        environment->passwordReference->size() != 1) {
        return StatusWord::IncorrectData;
    }

    // The option: the protocol, and the parameter ID when given, must be one the card offers.
    std::optional<std::uint64_t> parameterId;
    if (environment->privateKeyReference) {
        parameterId = referenceNumber(*environment->privateKeyReference);
        if (!parameterId) {
            return StatusWord::IncorrectData;
        }
    }
    const PaceOption* chosen = nullptr;
    for (const PaceOption& option : m_offered) {
        if (option.protocol == *environment->protocol &&
            (!parameterId || option.announcedParameterId() == *parameterId)) {
            chosen = &option;
            break;
        }
    }
    if (chosen == nullptr) {
        return StatusWord::IncorrectData;
    }

    // The password: 01 MRZ, 02 CAN; the card must have it.
    auto reference = static_cast<PacePassword>((*environment->passwordReference)[0]);
    const SecureBytes* secret = nullptr;
    if (reference == PacePassword::Mrz) {
        secret = &m_mrzInformation;
    } else if (reference == PacePassword::Can) {
        secret = &m_can;
    }
    if (secret == nullptr || secret->empty()) {
        return StatusWord::ReferenceDataNotFound;
    }

    auto run = std::make_unique<Run>();
    run->option = *chosen;
    run->protocol = *PaceProtocol::fromOid(chosen->protocol);
    run->group = groupFor(*chosen, run->protocol);
    run->passwordKey = pacePasswordKey(reference, *secret, run->protocol.keyType);
    if (run->protocol.mapping == PaceMapping::ChipAuthentication) {
        run->staticKey = *staticKey(*chosen);
    }
    m_run = std::move(run);
    return StatusWord::Success;
}

// GENERAL AUTHENTICATE (ICAO 9303-11 §4.4.4.2).
CardResponse PaceResponder::generalAuthenticate(const CommandApdu& command) {
    if (command.p1 != 0 || command.p2 != 0) {
        return fail(StatusWord::IncorrectP1P2);
    }
    if (!m_run) {
        return status(StatusWord::ConditionsOfUseNotSatisfied);
    }
    bool chained = (command.cla & ClaChaining) != 0;
    bool last = m_run->step == PaceStep::MutualAuthentication;
    if (last && chained) {
        return fail(StatusWord::LastCommandOfChainExpected);
    }
    if (!last && !chained) {
        return fail(StatusWord::ConditionsOfUseNotSatisfied);
    }
    try {
        switch (m_run->step) {
        case PaceStep::EncryptedNonce:
            return encryptedNonce(command.data);
        case PaceStep::MapNonce:
            return mapNonce(command.data);
        case PaceStep::KeyAgreement:
            return keyAgreement(command.data);
        case PaceStep::MutualAuthentication:
            return mutualAuthentication(command.data);
        }
    } catch (const Error&) {
        // Malformed dynamic authentication data, or a key the group refuses.
        return fail(StatusWord::IncorrectData);
    }
    return fail(StatusWord::ConditionsOfUseNotSatisfied);
}

// Step 1 (§4.4.3.1): an empty 7C in, z = E(K_pi, s) out.
CardResponse PaceResponder::encryptedNonce(ByteView data) {
    if (!dynamicAuthenticationData(data).empty()) {
        return fail(StatusWord::IncorrectData);
    }
    m_run->nonce = SecureBytes(m_random(paceNonceSize(m_run->protocol)));
    Bytes z = encryptNonce(m_run->protocol, m_run->passwordKey, m_run->nonce);
    m_run->step = PaceStep::MapNonce;
    return answer(tlv::encode(TagEncryptedNonce, z));
}

// Step 2 (§4.4.3.3): Generic and Chip Authentication Mapping exchange mapping keys and map
// G~ = s*G + H; Integrated Mapping takes the terminal's nonce t and maps R(s,t).
CardResponse PaceResponder::mapNonce(ByteView data) {
    std::optional<Bytes> mappingData = singleObject(data, TagMappingTerminal);
    if (!mappingData) {
        return fail(StatusWord::IncorrectData);
    }
    PaceGroup& group = *m_run->group;
    if (m_run->protocol.mapping == PaceMapping::Integrated) {
        SecureBytes r =
            pacePseudoRandom(m_run->protocol, m_run->nonce, *mappingData, group.fieldBits());
        if (!group.mapIntegrated(r)) {
            return fail(StatusWord::IncorrectData);
        }
        m_run->step = PaceStep::KeyAgreement;
        return answer({});
    }

    if (!group.isValidPublicKey(*mappingData)) {
        return fail(StatusWord::IncorrectData);
    }
    m_run->mappingKey = group.generatePrivateKey(m_random);
    Bytes chipMappingKey = group.publicKey(m_run->mappingKey);
    if (chipMappingKey == *mappingData) {
        return fail(StatusWord::IncorrectData);
    }
    SecureBytes h = group.agree(m_run->mappingKey, *mappingData);
    group.mapGeneric(m_run->nonce, h);
    m_run->step = PaceStep::KeyAgreement;
    return answer(tlv::encode(TagMappingChip, chipMappingKey));
}

// Step 3 (§4.4.3.4): ephemeral key agreement on the mapped generator. A terminal key that is
// not in the group, or equals the chip's, is refused.
CardResponse PaceResponder::keyAgreement(ByteView data) {
    std::optional<Bytes> terminalKey = singleObject(data, TagEphemeralTerminal);
    PaceGroup& group = *m_run->group;
    if (!terminalKey || !group.isValidPublicKey(*terminalKey)) {
        return fail(StatusWord::IncorrectData);
    }
    SecureBytes privateKey = group.generatePrivateKey(m_random);
    Bytes chipKey = group.publicKey(privateKey);
    if (chipKey == *terminalKey) {
        return fail(StatusWord::IncorrectData);
    }
    SecureBytes sharedSecret = group.sharedSecret(privateKey, *terminalKey);
    m_run->keys = paceSessionKeys(m_run->protocol, sharedSecret);
    m_run->terminalKey = std::move(*terminalKey);
    m_run->chipKey = chipKey;
    m_run->step = PaceStep::MutualAuthentication;
    return answer(tlv::encode(TagEphemeralChip, chipKey));
}

// Step 4 (§4.4.3.5): the terminal's token over PK_IC proves the password; the chip answers
// with its token over PK_IFD and, for Chip Authentication Mapping, A_IC = E(KS_enc, CA_IC)
// with CA_IC = SK_map,IC * SK_IC^-1 mod n, so that CA_IC * PK_IC = PK_map,IC.
CardResponse PaceResponder::mutualAuthentication(ByteView data) {
    std::optional<Bytes> terminalToken = singleObject(data, TagTokenTerminal);
    if (!terminalToken) {
        return fail(StatusWord::IncorrectData);
    }
    const PaceProtocol& protocol = m_run->protocol;
    std::uint32_t keyTag = m_run->group->publicKeyTag();
    Bytes expected = authenticationToken(
        protocol, m_run->keys.macKey, tokenInput(m_run->option.protocol, keyTag, m_run->chipKey));
    if (!equalConstantTime(expected, *terminalToken)) {
        return fail(StatusWord::AuthenticationFailed);
    }

    Bytes objects = tlv::encode(
        TagTokenChip,
        authenticationToken(protocol, m_run->keys.macKey,
                            tokenInput(m_run->option.protocol, keyTag, m_run->terminalKey)));
    if (protocol.mapping == PaceMapping::ChipAuthentication) {
        SecureBytes caIc = divideModulo(m_run->mappingKey, m_run->staticKey, m_run->group->order());
        append(objects,
               tlv::encode(TagChipAuthenticationData,
                           encryptChipAuthenticationData(m_run->keys.encryptionKey, caIc)));
    }
    m_established = std::move(m_run->keys);
    m_chipEphemeralPublicKey = std::move(m_run->chipKey);
    m_run.reset();
    return answer(objects);
}

} // namespace cccd::emulator

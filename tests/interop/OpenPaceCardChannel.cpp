#include "interop/OpenPaceCardChannel.h"

#include <algorithm>
#include <utility>

#include <openssl/err.h>

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::test {

namespace {

constexpr std::uint8_t ClaChained = 0x10; // ISO/IEC 7816-4 §5.1.1: command chaining
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsReadBinary = 0xB0;

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
constexpr std::uint8_t PasswordMrz = 0x01;
constexpr std::uint8_t PasswordCan = 0x02;

// ISO/IEC 7816-4 §5.6 status words the SDK has no name for.
constexpr std::uint16_t SwIncorrectData = 0x6A80;
constexpr std::uint16_t SwReferenceNotFound = 0x6A88;
constexpr std::uint16_t SwNoCurrentEf = 0x6986;
constexpr std::uint16_t SwLastCommandOfChainExpected = 0x6883;

apdu::ResponseApdu status(std::uint16_t sw) {
    return {{}, sw};
}

apdu::ResponseApdu status(apdu::StatusWord sw) {
    return {{}, static_cast<std::uint16_t>(sw)};
}

apdu::ResponseApdu dynamicAuthenticationData(ByteView inner) {
    return {tlv::encode(TagDynamicAuthenticationData, inner),
            static_cast<std::uint16_t>(apdu::StatusWord::Success)};
}

[[noreturn]] void chipFailure(const char* step) {
    ERR_clear_error();
    throw Error(ErrorCode::Crypto, std::string("OpenPACE chip: ") + step + " failed");
}

} // namespace

OpenPaceCardChannel::OpenPaceCardChannel(OpenPaceChip chip) : m_chip(std::move(chip)) {
    initOpenPace();
}

Bytes OpenPaceCardChannel::atr() const {
    return {0x3B, 0x80, 0x80, 0x01, 0x01};
}

transport::ChannelCapabilities OpenPaceCardChannel::capabilities() const {
    return {true, 65535, 65536, 256};
}

SecureBytes OpenPaceCardChannel::ksEnc() const {
    if (!m_ctx || m_ctx->pace_ctx == nullptr || m_ctx->pace_ctx->ka_ctx == nullptr) {
        return {};
    }
    return toSecureBytes(m_ctx->pace_ctx->ka_ctx->k_enc);
}

SecureBytes OpenPaceCardChannel::ksMac() const {
    if (!m_ctx || m_ctx->pace_ctx == nullptr || m_ctx->pace_ctx->ka_ctx == nullptr) {
        return {};
    }
    return toSecureBytes(m_ctx->pace_ctx->ka_ctx->k_mac);
}

std::size_t OpenPaceCardChannel::sharedSecretSize() const {
    if (!m_ctx || m_ctx->pace_ctx == nullptr || m_ctx->pace_ctx->ka_ctx == nullptr ||
        m_ctx->pace_ctx->ka_ctx->shared_secret == nullptr) {
        return 0;
    }
    return m_ctx->pace_ctx->ka_ctx->shared_secret->length;
}

Bytes OpenPaceCardChannel::transmit(ByteView commandApdu) {
    apdu::CommandApdu command = apdu::CommandApdu::decode(commandApdu);
    if (m_secureMessaging) {
        return answerProtected(command);
    }
    apdu::ResponseApdu response = answer(command);
    ERR_clear_error(); // libeac leaves its refusals in the thread's OpenSSL error queue
    m_statusWords.push_back(response.sw);
    return response.encode();
}

// Before PACE the chip answers only MSE:Set AT and GENERAL AUTHENTICATE; data it cannot parse
// is refused with 6A80 and restarts PACE.
apdu::ResponseApdu OpenPaceCardChannel::answer(const apdu::CommandApdu& command) {
    try {
        if (command.ins == InsManageSecurityEnvironment) {
            return setAuthenticationTemplate(command);
        }
        if (command.ins == InsGeneralAuthenticate) {
            return generalAuthenticate(command);
        }
    } catch (const Error& e) {
        if (e.code() != ErrorCode::MalformedData) {
            throw;
        }
        m_step = PaceStep::Idle;
        return status(SwIncorrectData);
    }
    return status(apdu::StatusWord::SecurityStatusNotSatisfied); // files need PACE first
}

// §9.8: after PACE every command comes protected. A command that is not, or whose MAC fails,
// ends the session with a plain 6988 (§9.8.5).
Bytes OpenPaceCardChannel::answerProtected(const apdu::CommandApdu& command) {
    std::optional<apdu::CommandApdu> plain = m_secureMessaging->unwrap(command);
    ERR_clear_error();
    if (!plain) {
        m_secureMessaging.reset();
        m_statusWords.push_back(
            static_cast<std::uint16_t>(apdu::StatusWord::SmDataObjectsIncorrect));
        return status(apdu::StatusWord::SmDataObjectsIncorrect).encode();
    }
    m_unwrapped.push_back(*plain);
    apdu::ResponseApdu response = fileCommand(*plain);
    m_statusWords.push_back(response.sw);
    return m_secureMessaging->wrap(response);
}

// §4.4.4.1: the protocol must be the chip's, the password MRZ or CAN, the parameters its own.
apdu::ResponseApdu
OpenPaceCardChannel::setAuthenticationTemplate(const apdu::CommandApdu& command) {
    m_step = PaceStep::Idle;
    tlv::TlvReader reader(command.data);
    std::optional<tlv::Tlv> protocol;
    std::optional<tlv::Tlv> passwordReference;
    std::optional<tlv::Tlv> parameterReference;
    while (!reader.atEnd()) {
        tlv::Tlv object = reader.next();
        if (object.tag == TagProtocol) {
            protocol = object;
        } else if (object.tag == TagPasswordReference) {
            passwordReference = object;
        } else if (object.tag == TagParameterReference) {
            parameterReference = object;
        }
    }
    if (!protocol || crypto::decodeOid(protocol->value) != m_chip.protocol ||
        (parameterReference &&
         tlv::decodeUnsigned(parameterReference->value) != m_chip.parameterId)) {
        return status(SwIncorrectData);
    }
    if (!passwordReference || passwordReference->value.size() != 1 ||
        (passwordReference->value[0] != PasswordMrz &&
         passwordReference->value[0] != PasswordCan)) {
        return status(SwReferenceNotFound);
    }

    bool mrz = passwordReference->value[0] == PasswordMrz;
    const std::string& secret = mrz ? m_chip.mrz : m_chip.can;
    m_password.reset(PACE_SEC_new(secret.data(), secret.size(), mrz ? PACE_MRZ : PACE_CAN));
    Bytes cardAccess = paceCardAccess(m_chip.protocol, m_chip.parameterId);
    m_ctx.reset(EAC_CTX_new());
    if (!m_password || !m_ctx ||
        EAC_CTX_init_ef_cardaccess(cardAccess.data(), cardAccess.size(), m_ctx.get()) != 1 ||
        m_ctx->pace_ctx == nullptr) {
        chipFailure("reading EF.CardAccess");
    }
    m_step = PaceStep::EncryptedNonce;
    return status(apdu::StatusWord::Success);
}

// §4.4.4.2: four chained GENERAL AUTHENTICATE commands, each with a 7C template.
apdu::ResponseApdu OpenPaceCardChannel::generalAuthenticate(const apdu::CommandApdu& command) {
    bool last = m_step == PaceStep::MutualAuthentication;
    if (m_step == PaceStep::Idle) {
        return status(apdu::StatusWord::ConditionsNotSatisfied);
    }
    if (((command.cla & ClaChained) != 0) == last) {
        m_step = PaceStep::Idle;
        return last ? status(SwLastCommandOfChainExpected)
                    : status(apdu::StatusWord::ConditionsNotSatisfied);
    }
    tlv::Tlv outer = tlv::parse(command.data, TagDynamicAuthenticationData);
    auto object = [&outer](std::uint32_t tag) {
        std::optional<tlv::Tlv> found = tlv::findChild(outer, tag);
        if (!found) {
            throw Error(ErrorCode::MalformedData, "GENERAL AUTHENTICATE: data object missing");
        }
        return found->value;
    };

    switch (m_step) {
    case PaceStep::EncryptedNonce:
        if (!outer.value.empty()) {
            return status(SwIncorrectData);
        }
        m_step = PaceStep::Mapping;
        return dynamicAuthenticationData(tlv::encode(TagEncryptedNonce, encryptedNonce()));
    case PaceStep::Mapping: {
        std::optional<Bytes> chipMapping = mapNonce(object(TagMappingTerminal));
        if (!chipMapping) {
            m_step = PaceStep::Idle;
            return status(SwIncorrectData);
        }
        m_step = PaceStep::KeyAgreement;
        // Integrated Mapping: the chip sends no mapping data back (§4.4.4.2).
        return dynamicAuthenticationData(
            integratedMapping() ? Bytes{} : tlv::encode(TagMappingChip, *chipMapping));
    }
    case PaceStep::KeyAgreement: {
        std::optional<Bytes> chipKey = agreeKey(object(TagEphemeralTerminal));
        if (!chipKey) {
            m_step = PaceStep::Idle;
            return status(SwIncorrectData);
        }
        m_step = PaceStep::MutualAuthentication;
        return dynamicAuthenticationData(tlv::encode(TagEphemeralChip, *chipKey));
    }
    case PaceStep::MutualAuthentication:
        m_step = PaceStep::Idle;
        return authenticate(object(TagTokenTerminal));
    case PaceStep::Idle:
        break;
    }
    return status(apdu::StatusWord::ConditionsNotSatisfied);
}

// Step 1: z = E(K_pi, s) for a fresh nonce s.
Bytes OpenPaceCardChannel::encryptedNonce() {
    BufMemPtr z(PACE_STEP1_enc_nonce(m_ctx.get(), m_password.get()));
    if (!z) {
        chipFailure("PACE_STEP1_enc_nonce");
    }
    return toBytes(z.get());
}

// Step 2: Generic Mapping answers the chip's mapping key; Integrated Mapping takes the
// terminal's nonce t and answers nothing. nullopt when libeac refuses the terminal's data.
std::optional<Bytes> OpenPaceCardChannel::mapNonce(ByteView terminalMappingData) {
    Bytes chipMapping;
    if (!integratedMapping()) {
        BufMemPtr data(PACE_STEP3A_generate_mapping_data(m_ctx.get()));
        if (!data) {
            chipFailure("PACE_STEP3A_generate_mapping_data");
        }
        chipMapping = toBytes(data.get());
    }
    BufMemPtr terminal = toBufMem(terminalMappingData);
    if (PACE_STEP3A_map_generator(m_ctx.get(), terminal.get()) != 1) {
        return std::nullopt;
    }
    return chipMapping;
}

// Step 3: the chip's ephemeral key on the mapped generator, the shared secret K, and the
// session keys KS_enc, KS_mac (§9.7.1).
std::optional<Bytes> OpenPaceCardChannel::agreeKey(ByteView terminalEphemeralKey) {
    BufMemPtr chipKey(PACE_STEP3B_generate_ephemeral_key(m_ctx.get()));
    if (!chipKey) {
        chipFailure("PACE_STEP3B_generate_ephemeral_key");
    }
    // §4.4.1 step 3: a terminal that echoes the chip's key is refused.
    Bytes ownKey = toBytes(chipKey.get());
    BufMemPtr terminalKey = toBufMem(terminalEphemeralKey);
    if (std::ranges::equal(ownKey, terminalEphemeralKey) ||
        PACE_STEP3B_compute_shared_secret(m_ctx.get(), terminalKey.get()) != 1) {
        return std::nullopt;
    }
    if (PACE_STEP3C_derive_keys(m_ctx.get()) != 1) {
        chipFailure("PACE_STEP3C_derive_keys");
    }
    m_terminalEphemeralKey.assign(terminalEphemeralKey.begin(), terminalEphemeralKey.end());
    m_chipEphemeralKey = std::move(ownKey);
    return m_chipEphemeralKey;
}

// Step 4: a terminal token that does not verify means the passwords differed: 6300 (§4.4.4.2).
// TODO(interop): Chip Authentication Mapping would add the encrypted chip authentication data
// (8A) here; Debian's libeac 1.1.2 has no PACE-CAM, so the CAM cases skip until one does.
apdu::ResponseApdu OpenPaceCardChannel::authenticate(ByteView terminalToken) {
    BufMemPtr token = toBufMem(terminalToken);
    if (PACE_STEP3D_verify_authentication_token(m_ctx.get(), token.get()) != 1) {
        return status(apdu::StatusWord::VerificationFailed);
    }
    BufMemPtr terminalKey = toBufMem(m_terminalEphemeralKey);
    BufMemPtr chipToken(PACE_STEP3D_compute_authentication_token(m_ctx.get(), terminalKey.get()));
    if (!chipToken || EAC_CTX_set_encryption_ctx(m_ctx.get(), EAC_ID_PACE) != 1) {
        chipFailure("PACE_STEP3D_compute_authentication_token");
    }
    m_secureMessaging.emplace(m_ctx.get());
    return dynamicAuthenticationData(tlv::encode(TagTokenChip, toBytes(chipToken.get())));
}

// The chip's one file: SELECT by file identifier, READ BINARY with an offset (ISO/IEC 7816-4
// §11.1.1, §11.2.3).
apdu::ResponseApdu OpenPaceCardChannel::fileCommand(const apdu::CommandApdu& command) {
    if (command.ins == InsSelect) {
        Bytes fileId{static_cast<std::uint8_t>(m_chip.fileId >> 8),
                     static_cast<std::uint8_t>(m_chip.fileId & 0xFF)};
        m_fileSelected = command.data == fileId;
        return status(m_fileSelected ? apdu::StatusWord::Success : apdu::StatusWord::FileNotFound);
    }
    if (command.ins == InsReadBinary) {
        if (!m_fileSelected) {
            return status(SwNoCurrentEf);
        }
        std::size_t offset = static_cast<std::size_t>((command.p1 & 0x7F) << 8 | command.p2);
        if (offset > m_chip.file.size()) {
            return status(apdu::StatusWord::WrongP1P2);
        }
        std::size_t count = std::min(command.ne, m_chip.file.size() - offset);
        auto first = m_chip.file.begin() + static_cast<std::ptrdiff_t>(offset);
        return {Bytes(first, first + static_cast<std::ptrdiff_t>(count)),
                static_cast<std::uint16_t>(apdu::StatusWord::Success)};
    }
    return status(apdu::StatusWord::InsNotSupported);
}

bool OpenPaceCardChannel::integratedMapping() const {
    return isIntegratedMapping(m_ctx->pace_ctx->protocol);
}

} // namespace cccd::test

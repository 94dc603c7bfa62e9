#include "interop/OpenPaceTerminal.h"

#include <optional>

#include <openssl/err.h>

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "base/Error.h"
#include "crypto/Oid.h"
#include "interop/OpenPaceHandles.h"
#include "tlv/Tlv.h"

namespace cccd::test {

namespace {

// ICAO 9303-11 §4.4.4.1 (MSE:Set AT) and §4.4.4.2 (GENERAL AUTHENTICATE).
constexpr std::uint8_t ClaChained = 0x10;
constexpr std::uint8_t ClaLast = 0x00;
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;

class Terminal {
public:
    Terminal(transport::CardChannel& channel, const std::string& protocol,
             std::uint64_t parameterId)
        : m_channel(channel) {
        Bytes cardAccess = paceCardAccess(protocol, parameterId);
        m_ctx.reset(EAC_CTX_new());
        if (!m_ctx ||
            EAC_CTX_init_ef_cardaccess(cardAccess.data(), cardAccess.size(), m_ctx.get()) != 1 ||
            m_ctx->pace_ctx == nullptr) {
            fail("reading EF.CardAccess");
        }
    }

    EAC_CTX* ctx() { return m_ctx.get(); }

    apdu::ResponseApdu send(apdu::CommandApdu command) {
        return apdu::ResponseApdu::decode(m_channel.transmit(command.encode()));
    }

    // One GENERAL AUTHENTICATE step: 7C { tag: value } out, the chip's object `answerTag` back
    // (nullopt for tag 0: Integrated Mapping answers an empty 7C).
    Bytes step(std::uint8_t cla, std::uint32_t tag, ByteView value, std::uint32_t answerTag) {
        Bytes inner = tag == 0 ? Bytes{} : tlv::encode(tag, value);
        apdu::ResponseApdu answer =
            send({cla, 0x86, 0x00, 0x00, tlv::encode(TagDynamicAuthenticationData, inner),
                  apdu::ShortNeMax, false});
        if (!answer.isSuccess()) {
            throw Error(ErrorCode::CardStatus, "GENERAL AUTHENTICATE refused", answer.sw);
        }
        tlv::Tlv outer = tlv::parse(answer.data, TagDynamicAuthenticationData);
        if (answerTag == 0) {
            return {};
        }
        std::optional<tlv::Tlv> object = tlv::findChild(outer, answerTag);
        if (!object) {
            throw Error(ErrorCode::MalformedData, "GENERAL AUTHENTICATE: data object missing");
        }
        return Bytes(object->value.begin(), object->value.end());
    }

    [[noreturn]] static void fail(const char* step) {
        ERR_clear_error();
        throw Error(ErrorCode::Crypto, std::string("OpenPACE terminal: ") + step + " failed");
    }

private:
    transport::CardChannel& m_channel;
    EacCtxPtr m_ctx;
};

bool tdes(int protocol) {
    return protocol == NID_id_PACE_DH_GM_3DES_CBC_CBC ||
           protocol == NID_id_PACE_ECDH_GM_3DES_CBC_CBC ||
           protocol == NID_id_PACE_DH_IM_3DES_CBC_CBC ||
           protocol == NID_id_PACE_ECDH_IM_3DES_CBC_CBC;
}

} // namespace

sm::SessionKeys openPaceTerminalPace(transport::CardChannel& channel, const std::string& protocol,
                                     std::uint64_t parameterId,
                                     access::PacePasswordType passwordType,
                                     const std::string& secret) {
    initOpenPace();
    Terminal terminal(channel, protocol, parameterId);
    EAC_CTX* ctx = terminal.ctx();
    bool mrz = passwordType == access::PacePasswordType::Mrz;
    PaceSecPtr password(PACE_SEC_new(secret.data(), secret.size(), mrz ? PACE_MRZ : PACE_CAN));
    if (!password) {
        Terminal::fail("PACE_SEC_new");
    }

    // §4.4.4.1: protocol, password reference, parameter ID.
    Bytes data = tlv::encode(0x80, crypto::encodeOid(protocol));
    append(data, tlv::encode(0x83, Bytes{static_cast<std::uint8_t>(passwordType)}));
    append(data, tlv::encode(0x84, tlv::encodeUnsigned(parameterId)));
    apdu::ResponseApdu set = terminal.send({0x00, 0x22, 0xC1, 0xA4, data, 0, false});
    if (!set.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "MSE:Set AT refused", set.sw);
    }

    // Step 1: decrypt the chip's nonce.
    BufMemPtr z = toBufMem(terminal.step(ClaChained, 0, {}, 0x80));
    if (PACE_STEP2_dec_nonce(ctx, password.get(), z.get()) != 1) {
        Terminal::fail("PACE_STEP2_dec_nonce");
    }

    // Step 2: the mapping. Generic Mapping agrees on H with the chip's key; Integrated Mapping
    // maps with the terminal's own nonce t, which the chip received.
    bool im = isIntegratedMapping(ctx->pace_ctx->protocol);
    BufMemPtr mapping = required(PACE_STEP3A_generate_mapping_data(ctx), "mapping data");
    Bytes chipMapping = terminal.step(ClaChained, 0x81, toBytes(mapping.get()), im ? 0 : 0x82);
    BufMemPtr mapInput = im ? toBufMem(toBytes(mapping.get())) : toBufMem(chipMapping);
    if (PACE_STEP3A_map_generator(ctx, mapInput.get()) != 1) {
        Terminal::fail("PACE_STEP3A_map_generator");
    }

    // Step 3: ephemeral key agreement and session keys.
    BufMemPtr ownKey = required(PACE_STEP3B_generate_ephemeral_key(ctx), "ephemeral key");
    BufMemPtr chipKey = toBufMem(terminal.step(ClaChained, 0x83, toBytes(ownKey.get()), 0x84));
    if (PACE_STEP3B_compute_shared_secret(ctx, chipKey.get()) != 1 ||
        PACE_STEP3C_derive_keys(ctx) != 1) {
        Terminal::fail("key agreement");
    }

    // Step 4: exchange and verify the authentication tokens.
    BufMemPtr token = required(PACE_STEP3D_compute_authentication_token(ctx, chipKey.get()),
                               "authentication token");
    BufMemPtr chipToken = toBufMem(terminal.step(ClaLast, 0x85, toBytes(token.get()), 0x86));
    if (PACE_STEP3D_verify_authentication_token(ctx, chipToken.get()) != 1) {
        Terminal::fail("verifying the chip's token");
    }

    // §9.8.6.3: secure messaging after PACE starts with a zero send sequence counter.
    sm::SessionKeys keys;
    bool tdesSuite = tdes(ctx->pace_ctx->protocol);
    keys.cipher = tdesSuite ? sm::SmCipher::Tdes : sm::SmCipher::Aes;
    keys.ksEnc = toSecureBytes(ctx->pace_ctx->ka_ctx->k_enc);
    keys.ksMac = toSecureBytes(ctx->pace_ctx->ka_ctx->k_mac);
    keys.ssc = Bytes(tdesSuite ? 8 : 16, 0);
    return keys;
}

} // namespace cccd::test

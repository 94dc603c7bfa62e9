// The card's Chip Authentication, replayed against vectors/ca.json: the BSI worked example with
// the chip's own private key, and real-chip sessions whose new keys and first protected response
// are known.

#include "emulator/card/ChipAuthenticationResponder.h"

#include <gtest/gtest.h>

#include "TestKeys.h"
#include "base/Error.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Oid.h"
#include "crypto/Padding.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::test::hexField;

namespace {

constexpr const char* IdCaEcdhAes128 = "0.4.0.127.0.7.2.2.3.2.2";
constexpr const char* IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";
constexpr const char* IdCaEcdhAes256 = "0.4.0.127.0.7.2.2.3.2.4";
constexpr const char* IdCaDhAes128 = "0.4.0.127.0.7.2.2.3.1.2";

const nlohmann::json& ca() {
    static const nlohmann::json doc = cccd::test::vectors("ca.json");
    return doc;
}

Bytes mseSetAt(std::string_view oid, std::optional<Bytes> keyReference = std::nullopt) {
    Bytes data = tlv::encode(0x80, crypto::encodeOid(oid));
    if (keyReference) {
        append(data, tlv::encode(0x84, *keyReference));
    }
    return data;
}

Bytes generalAuthenticateData(ByteView publicKey) {
    return tlv::encode(0x7C, tlv::encode(0x80, publicKey));
}

Bytes nonceSource(std::size_t) {
    return hexField(ca().at("A_bsi_worked_example_ecdh"), "nonce_r_PICC");
}

std::string ecPem(const std::string& curve, const nlohmann::json& v, const char* priv,
                  const char* pub) {
    return emutest::privateKeyPem(emutest::ecKey(curve, hexField(v, priv), hexField(v, pub)).get());
}

std::string bsiDhPem() {
    const auto& v = ca().at("A_bsi_worked_example_dh");
    // Standardized domain parameter 0 is the 1024-bit group of RFC 5114 §2.1.
    return emutest::privateKeyPem(emutest::dhKey("dh_1024_160",
                                                 hexField(v, "chip_static_private_key"),
                                                 hexField(v, "chip_static_public_key"))
                                      .get());
}

ChipAuthenticationResponder bsiEcdh(unsigned version) {
    const auto& v = ca().at("A_bsi_worked_example_ecdh");
    std::string pem =
        ecPem("brainpoolP256r1", v, "chip_static_private_key", "chip_static_public_key");
    return ChipAuthenticationResponder(toBytes(pem), v.at("token_oid").get<std::string>(),
                                       std::nullopt, version, nonceSource);
}

ChipAuthenticationResponder bsiDh(unsigned version) {
    const auto& v = ca().at("A_bsi_worked_example_dh");
    return ChipAuthenticationResponder(toBytes(bsiDhPem()), v.at("token_oid").get<std::string>(),
                                       std::nullopt, version,
                                       [&v](std::size_t) { return hexField(v, "nonce_r_PICC"); });
}

// MAC of a protected response with DO'99' only (ICAO 9303-11 §9.8.6.2), under the given keys.
Bytes responseMac(const SessionKeys& keys, ByteView ssc, ByteView do99) {
    Bytes input = concat(ssc, do99);
    if (keys.cipher == SmCipher::Aes) {
        Bytes mac = crypto::aesCmac(keys.macKey, crypto::pad(input, 16));
        mac.resize(8);
        return mac;
    }
    return crypto::retailMac(keys.macKey, crypto::pad(input, 8));
}

void expectKeys(const SessionKeys& keys, const nlohmann::json& expected) {
    EXPECT_EQ(toHex(keys.encryptionKey), expected.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(keys.macKey), expected.at("ks_mac").get<std::string>());
}

} // namespace

TEST(ChipAuthenticationResponderTest, BsiWorkedExampleEcdhVersion2AnswersNonceAndToken) {
    const auto& v = ca().at("A_bsi_worked_example_ecdh");
    ChipAuthenticationResponder responder = bsiEcdh(2);
    auto set =
        responder.setAuthenticationTemplate(tlv::encode(0x80, hexField(v, "token_oid_der_value")));
    EXPECT_EQ(set.statusWord, StatusWord::Success);
    EXPECT_FALSE(set.newKeys);

    auto done = responder.generalAuthenticate(
        generalAuthenticateData(hexField(v, "terminal_ephemeral_public_key")));
    ASSERT_EQ(done.statusWord, StatusWord::Success);
    Bytes expected = tlv::encode(0x81, hexField(v, "nonce_r_PICC"));
    append(expected, tlv::encode(0x82, hexField(v, "authentication_token_T_PICC")));
    EXPECT_EQ(toHex(done.response), toHex(tlv::encode(0x7C, expected)));
    ASSERT_TRUE(done.newKeys);
    expectKeys(*done.newKeys, v);
    EXPECT_EQ(done.newKeys->cipher, SmCipher::Aes);
    EXPECT_EQ(toHex(done.newKeys->ssc), std::string(32, '0'));
}

TEST(ChipAuthenticationResponderTest, BsiWorkedExampleDhVersion2AnswersNonceAndToken) {
    const auto& v = ca().at("A_bsi_worked_example_dh");
    ChipAuthenticationResponder responder = bsiDh(2);
    ASSERT_EQ(
        responder.setAuthenticationTemplate(tlv::encode(0x80, hexField(v, "token_oid_der_value")))
            .statusWord,
        StatusWord::Success);
    auto done = responder.generalAuthenticate(
        generalAuthenticateData(hexField(v, "terminal_ephemeral_public_key")));
    ASSERT_EQ(done.statusWord, StatusWord::Success);
    Bytes expected = tlv::encode(0x81, hexField(v, "nonce_r_PICC"));
    append(expected, tlv::encode(0x82, hexField(v, "authentication_token_T_PICC")));
    EXPECT_EQ(toHex(done.response), toHex(tlv::encode(0x7C, expected)));
    ASSERT_TRUE(done.newKeys);
    expectKeys(*done.newKeys, v);
}

// ICAO 9303 CA (version 1) has no nonce: KS = KDF(K) and an empty 7C.
TEST(ChipAuthenticationResponderTest, BsiWorkedExampleKeysInVersion1) {
    for (const char* name : {"A_bsi_worked_example_ecdh", "A_bsi_worked_example_dh"}) {
        SCOPED_TRACE(name);
        const auto& v = ca().at(name);
        ChipAuthenticationResponder responder =
            std::string(name).ends_with("ecdh") ? bsiEcdh(1) : bsiDh(1);
        ASSERT_EQ(
            responder.setAuthenticationTemplate(mseSetAt(v.at("token_oid").get<std::string>()))
                .statusWord,
            StatusWord::Success);
        auto done = responder.generalAuthenticate(
            generalAuthenticateData(hexField(v, "terminal_ephemeral_public_key")));
        ASSERT_EQ(done.statusWord, StatusWord::Success);
        EXPECT_EQ(toHex(done.response), "7C00");
        ASSERT_TRUE(done.newKeys);
        expectKeys(*done.newKeys, v.at("icao_v1_style_keys_without_nonce"));
    }
}

// Real chips: only the terminal's key pair is known. ECDH is symmetric (SK_PCD * PK_IC =
// SK_IC * PK_PCD), so a card holding the terminal's private key and receiving the chip's public
// key agrees the same K. It must derive the session keys the real session switched to, and
// those keys must reproduce the MAC of the real chip's first protected response.
TEST(ChipAuthenticationResponderTest, RealChipSessionsSwitchToTheRecordedKeys) {
    for (const auto& [country, v] : ca().at("B_real_chip_sessions").items()) {
        SCOPED_TRACE(country);
        std::string curve = v.at("curve").get<std::string>();
        std::string pem = ecPem(curve == "secp256r1" ? "prime256v1" : curve, v,
                                "terminal_private_key", "terminal_public_key");
        Bytes chipKey = hexField(v, "chip_static_public_key");
        const auto& apdus = v.at("apdus");
        const auto& mse = apdus.at(0);

        ChipAuthenticationResponder::Outcome done;
        if (mse.at("step") == "MSE:Set KAT") {
            // The recorded KAT carries the terminal's key; the card here receives the chip's.
            Bytes recorded = hexField(mse, "unprotected_data");
            EXPECT_EQ(toHex(recorded),
                      toHex(tlv::encode(0x91, hexField(v, "terminal_public_key"))));
            std::string oid = v.at("ca_cipher") == "3DES" ? IdCaEcdh3Des : IdCaEcdhAes128;
            ChipAuthenticationResponder responder(toBytes(pem), oid);
            done = responder.setKeyAgreementTemplate(tlv::encode(0x91, chipKey));
        } else {
            // MSE:Set AT verbatim (DE names its key 0xC3), then GA with the chip's key.
            Bytes recordedTemplate = hexField(mse, "unprotected_data");
            tlv::TlvReader reader(recordedTemplate);
            std::string oid = crypto::decodeOid(reader.expect(0x80).value);
            std::optional<std::uint64_t> keyId;
            if (!reader.atEnd()) {
                keyId = reader.expect(0x84).value[0];
            }
            ChipAuthenticationResponder responder(toBytes(pem), oid, keyId);
            auto set = responder.setAuthenticationTemplate(recordedTemplate);
            ASSERT_EQ(set.statusWord, StatusWord::Success);
            EXPECT_EQ(toHex(hexField(apdus.at(1), "unprotected_data")),
                      toHex(generalAuthenticateData(hexField(v, "terminal_public_key"))));
            done = responder.generalAuthenticate(generalAuthenticateData(chipKey));
            EXPECT_EQ(toHex(done.response) + "9000",
                      apdus.at(1).at("unprotected_response").get<std::string>());
        }
        ASSERT_EQ(done.statusWord, StatusWord::Success);
        ASSERT_TRUE(done.newKeys);
        const SessionKeys& keys = *done.newKeys;
        expectKeys(keys, v.at("sm_after"));
        EXPECT_EQ(keys.cipher,
                  v.at("sm_after").at("alg") == "AES" ? SmCipher::Aes : SmCipher::Tdes);
        EXPECT_EQ(toHex(keys.ssc), std::string(keys.cipher == SmCipher::Aes ? 32 : 16, '0'));

        // SELECT DG14 under the new keys: command SSC 1, response SSC 2 (99 02 90 00, MAC).
        Bytes response = hexField(apdus.back(), "response");
        Bytes ssc = keys.ssc;
        ssc.back() = 2;
        EXPECT_EQ(toHex(responseMac(keys, ssc, ByteView(response).first(4))),
                  toHex(ByteView(response).subspan(6, 8)));
    }
}

TEST(ChipAuthenticationResponderTest, FreshTerminalKeysAgreeWithAnIndependentTerminal) {
    struct Case {
        const char* type;
        const char* group;
        const char* oid;
        crypto::KeyType keyType;
    };

    for (const Case& c :
         {Case{"EC", "brainpoolP256r1", IdCaEcdhAes128, crypto::KeyType::Aes128},
          Case{"EC", "prime256v1", IdCaEcdhAes256, crypto::KeyType::Aes256},
          Case{"EC", "brainpoolP384r1", IdCaEcdh3Des, crypto::KeyType::Tdes},
          Case{"EC", "brainpoolP320r1", "0.4.0.127.0.7.2.2.3.2.3", crypto::KeyType::Aes192},
          Case{"DHX", "dh_2048_256", IdCaDhAes128, crypto::KeyType::Aes128}}) {
        SCOPED_TRACE(c.oid + std::string(" ") + c.group);
        crypto::EvpPkeyPtr chip = emutest::generatedKey(c.type, c.group);
        crypto::EvpPkeyPtr terminal = emutest::generatedKey(c.type, c.group);
        ChipAuthenticationResponder responder(toBytes(emutest::privateKeyPem(chip.get())), c.oid);
        ASSERT_EQ(responder.setAuthenticationTemplate(mseSetAt(c.oid)).statusWord,
                  StatusWord::Success);
        auto done = responder.generalAuthenticate(
            generalAuthenticateData(emutest::encodedPublicKey(terminal.get())));
        ASSERT_EQ(done.statusWord, StatusWord::Success);
        ASSERT_TRUE(done.newKeys);

        Bytes k = emutest::terminalSharedSecret(terminal.get(), chip.get());
        EXPECT_EQ(toHex(done.newKeys->encryptionKey),
                  toHex(crypto::deriveKey(k, crypto::KdfCounter::Enc, c.keyType)));
        EXPECT_EQ(toHex(done.newKeys->macKey),
                  toHex(crypto::deriveKey(k, crypto::KdfCounter::Mac, c.keyType)));
    }
}

TEST(ChipAuthenticationResponderTest, KeyReferenceMustNameTheCardsKey) {
    crypto::EvpPkeyPtr chip = emutest::generatedKey("EC", "brainpoolP256r1");
    crypto::EvpPkeyPtr terminal = emutest::generatedKey("EC", "brainpoolP256r1");
    Bytes pem = toBytes(emutest::privateKeyPem(chip.get()));
    Bytes terminalKey = emutest::encodedPublicKey(terminal.get());

    ChipAuthenticationResponder named(pem, IdCaEcdhAes128, 0xC3);
    EXPECT_EQ(named.setAuthenticationTemplate(mseSetAt(IdCaEcdhAes128, Bytes{0xC4})).statusWord,
              StatusWord::IncorrectData);
    EXPECT_EQ(named.generalAuthenticate(generalAuthenticateData(terminalKey)).statusWord,
              StatusWord::ConditionsOfUseNotSatisfied);
    EXPECT_EQ(
        named.setAuthenticationTemplate(mseSetAt(IdCaEcdhAes128, Bytes{0x00, 0xC3})).statusWord,
        StatusWord::Success);
    EXPECT_EQ(named.setAuthenticationTemplate(mseSetAt(IdCaEcdhAes128)).statusWord,
              StatusWord::Success); // one key: the reference may be left out

    ChipAuthenticationResponder unnamed(pem, IdCaEcdhAes128);
    EXPECT_EQ(unnamed.setAuthenticationTemplate(mseSetAt(IdCaEcdhAes128, Bytes{0x01})).statusWord,
              StatusWord::IncorrectData);
}

TEST(ChipAuthenticationResponderTest, RefusesOtherProtocolsAndMalformedTemplates) {
    crypto::EvpPkeyPtr chip = emutest::generatedKey("EC", "brainpoolP256r1");
    ChipAuthenticationResponder responder(toBytes(emutest::privateKeyPem(chip.get())),
                                          IdCaEcdhAes128);
    for (const Bytes& data :
         {mseSetAt(IdCaEcdhAes256), mseSetAt(IdCaEcdh3Des), mseSetAt("0.4.0.127.0.7.2.2.4.2.2"),
          Bytes{}, fromHex("800A04007F0007020203"), fromHex("8301018001")}) {
        SCOPED_TRACE(toHex(data));
        EXPECT_EQ(responder.setAuthenticationTemplate(data).statusWord, StatusWord::IncorrectData);
    }
    // MSE:Set KAT is for the 3DES protocols only (BSI TR-03110-3 §B.2).
    Bytes point = emutest::encodedPublicKey(emutest::generatedKey("EC", "brainpoolP256r1").get());
    auto kat = responder.setKeyAgreementTemplate(tlv::encode(0x91, point));
    EXPECT_EQ(kat.statusWord, StatusWord::IncorrectData);
    EXPECT_FALSE(kat.newKeys);

    EXPECT_THROW(
        ChipAuthenticationResponder(toBytes(emutest::privateKeyPem(chip.get())), IdCaDhAes128),
        Error);
    EXPECT_THROW(ChipAuthenticationResponder(toBytes(emutest::privateKeyPem(chip.get())),
                                             "0.4.0.127.0.7.2.2.4.2.2"),
                 Error);
    EXPECT_THROW(ChipAuthenticationResponder(toBytes("not a key"), IdCaEcdhAes128), Error);
}

TEST(ChipAuthenticationResponderTest, RefusesTerminalKeysOutsideTheGroup) {
    crypto::EvpPkeyPtr chip = emutest::generatedKey("EC", "brainpoolP256r1");
    ChipAuthenticationResponder responder(toBytes(emutest::privateKeyPem(chip.get())),
                                          IdCaEcdh3Des);
    Bytes good = emutest::encodedPublicKey(emutest::generatedKey("EC", "brainpoolP256r1").get());
    Bytes offCurve = good;
    offCurve.back() ^= 0x01;
    Bytes otherCurve = emutest::encodedPublicKey(emutest::generatedKey("EC", "prime256v1").get());
    Bytes compressed{static_cast<std::uint8_t>(0x02 + (good.back() & 1))};
    append(compressed, ByteView(good).subspan(1, 32));
    for (const Bytes& key : {offCurve, otherCurve, compressed, Bytes{0x00}, Bytes{}}) {
        SCOPED_TRACE(toHex(key));
        auto kat = responder.setKeyAgreementTemplate(tlv::encode(0x91, key));
        EXPECT_EQ(kat.statusWord, StatusWord::IncorrectData);
        EXPECT_FALSE(kat.newKeys);
        ASSERT_EQ(responder.setAuthenticationTemplate(mseSetAt(IdCaEcdh3Des)).statusWord,
                  StatusWord::Success);
        EXPECT_EQ(responder.generalAuthenticate(generalAuthenticateData(key)).statusWord,
                  StatusWord::IncorrectData);
    }
    auto ok = responder.setKeyAgreementTemplate(tlv::encode(0x91, good));
    EXPECT_EQ(ok.statusWord, StatusWord::Success);
    ASSERT_TRUE(ok.newKeys);
    EXPECT_EQ(ok.newKeys->cipher, SmCipher::Tdes);
    EXPECT_EQ(toHex(ok.newKeys->ssc), "0000000000000000");

    ChipAuthenticationResponder dh(toBytes(bsiDhPem()), IdCaDhAes128);
    for (const Bytes& value : {Bytes{0x01}, Bytes(128, 0xFF), Bytes{0x00}}) {
        SCOPED_TRACE(toHex(value));
        ASSERT_EQ(dh.setAuthenticationTemplate(mseSetAt(IdCaDhAes128)).statusWord,
                  StatusWord::Success);
        EXPECT_EQ(dh.generalAuthenticate(generalAuthenticateData(value)).statusWord,
                  StatusWord::IncorrectData);
    }
}

TEST(ChipAuthenticationResponderTest, GeneralAuthenticateNeedsItsTemplateAndItsData) {
    ChipAuthenticationResponder responder = bsiEcdh(1);
    const auto& v = ca().at("A_bsi_worked_example_ecdh");
    Bytes terminalKey = hexField(v, "terminal_ephemeral_public_key");
    EXPECT_EQ(responder.generalAuthenticate(generalAuthenticateData(terminalKey)).statusWord,
              StatusWord::ConditionsOfUseNotSatisfied);
    for (const Bytes& data : {tlv::encode(0x7C, tlv::encode(0x81, terminalKey)),
                              tlv::encode(0x80, terminalKey), fromHex("7C05800304"), Bytes{}}) {
        SCOPED_TRACE(toHex(data));
        ASSERT_EQ(responder.setAuthenticationTemplate(mseSetAt(IdCaEcdhAes128)).statusWord,
                  StatusWord::Success);
        EXPECT_EQ(responder.generalAuthenticate(data).statusWord, StatusWord::IncorrectData);
    }
    // The template is used up by one GENERAL AUTHENTICATE, successful or not.
    EXPECT_EQ(responder.generalAuthenticate(generalAuthenticateData(terminalKey)).statusWord,
              StatusWord::ConditionsOfUseNotSatisfied);
}

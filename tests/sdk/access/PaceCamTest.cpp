// ICAO 9303-11 Appendix I (vectors/icao-pace-cam.json: PACE with Chip Authentication Mapping,
// ECDH over brainpoolP256r1, AES-128, MRZ password) replayed byte-exact, and a real German chip's
// PACE-CAM run (vectors/aes-sm.json section B) checked against the CA key in its
// EF.CardSecurity.
#include <gtest/gtest.h>

#include "access/Pace.h"
#include "access/PaceChipAuthentication.h"
#include "access/PaceCipherSuite.h"
#include "crypto/Cipher.h"
#include "crypto/KeyAgreementGroup.h"
#include "lds/SecurityInfos.h"
#include "lds/Sod.h"
#include "sdk/access/PaceTestSupport.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::hexField;
using test::text;

namespace {

nlohmann::json appendixI() {
    return test::vectors("icao-pace-cam.json");
}

const nlohmann::json& apdu(const nlohmann::json& v, std::size_t step) {
    return v.at("apdus").at(step);
}

access::PaceParameters appendixParameters(const nlohmann::json& v) {
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.parameterId = v.at("parameter_id").get<std::uint64_t>();
    return parameters; // the recorded MSE:Set AT carries DO 84
}

Bytes mrzPassword(const nlohmann::json& v) {
    return toBytes(text(v.at("password"), "mrz_information"));
}

// CAM draws like Generic Mapping: the mapping key, then the ephemeral key.
crypto::RandomSource appendixRandom(const nlohmann::json& v) {
    return test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                               hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")});
}

access::PaceResult runAppendixI(const nlohmann::json& v, const Bytes& step4Response) {
    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), 4);
    card.expect(hexField(apdu(v, 4), "command"), step4Response);
    access::PaceResult result =
        access::performPace(card, appendixParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixRandom(v));
    EXPECT_TRUE(card.done());
    return result;
}

// The step 4 answer with the 8A object replaced (or dropped when empty).
Bytes step4With(const nlohmann::json& v, std::uint32_t tag, ByteView value, bool present = true) {
    Bytes token = tlv::encode(0x86, hexField(v.at("authentication_tokens"), "T_IC"));
    if (present) {
        append(token, tlv::encode(tag, value));
    }
    Bytes response = tlv::encode(0x7C, token);
    append(response, Bytes{0x90, 0x00});
    return response;
}

} // namespace

TEST(PaceCamTest, ParsesTheCamProtocol) {
    auto v = appendixI();
    auto suite = access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid"));
    EXPECT_EQ(suite.mapping, access::PaceMapping::ChipAuthentication);
    EXPECT_EQ(suite.keyAgreement, crypto::KeyAgreementAlgorithm::Ecdh);
    EXPECT_EQ(suite.keyType, crypto::KeyType::Aes128);
}

TEST(PaceCamTest, MapsAndAgreesAppendixIKeys) {
    auto v = appendixI();
    auto mapping = v.at("mapping");
    auto group = crypto::KeyAgreementGroup::standardized(v.at("parameter_id").get<std::uint64_t>());
    crypto::EphemeralKeyPair terminal = group->generateKeyPair(
        test::replayRandom({hexField(mapping, "terminal_mapping_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey), text(mapping, "terminal_mapping_public_key"));
    EXPECT_EQ(
        toHex(group->multiply(terminal.privateKey, hexField(mapping, "chip_mapping_public_key"))),
        text(mapping, "shared_secret_H"));
    auto mapped = group->mapGeneric(hexField(v, "nonce_s"), terminal.privateKey,
                                    hexField(mapping, "chip_mapping_public_key"));
    EXPECT_EQ(toHex(mapped->generator()), text(mapping, "mapped_generator_G"));

    auto agreement = v.at("key_agreement");
    crypto::EphemeralKeyPair ephemeral = mapped->generateKeyPair(
        test::replayRandom({hexField(agreement, "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(ephemeral.publicKey), text(agreement, "terminal_ephemeral_public_key"));
    SecureBytes k = mapped->sharedSecret(ephemeral.privateKey,
                                         hexField(agreement, "chip_ephemeral_public_key"));
    EXPECT_EQ(toHex(k), text(agreement, "shared_secret_K"));
    sm::SessionKeys keys =
        access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid")).sessionKeys(k);
    EXPECT_EQ(toHex(keys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(toHex(keys.ksMac), text(v.at("session_keys"), "ks_mac"));
}

TEST(PaceCamTest, DecryptsAppendixIChipAuthenticationData) {
    auto v = appendixI();
    auto ca = v.at("chip_authentication");
    Bytes ksEnc = hexField(v.at("session_keys"), "ks_enc");
    // §4.4.3.5.4: IV = E(KS_enc, -1).
    EXPECT_EQ(toHex(crypto::aesEncryptBlock(ksEnc, Bytes(16, 0xFF))), text(ca, "iv"));
    EXPECT_EQ(toHex(access::decryptChipAuthenticationData(
                  ksEnc, hexField(ca, "encrypted_chip_authentication_data_A_IC"))),
              text(ca, "chip_authentication_data_CA_IC"));
}

TEST(PaceCamTest, ReplaysAppendixIExchangeAndVerifiesTheChip) {
    auto v = appendixI();
    auto ca = v.at("chip_authentication");
    access::PaceResult result = runAppendixI(v, hexField(apdu(v, 4), "response"));

    EXPECT_EQ(result.mapping, access::PaceMapping::ChipAuthentication);
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(toHex(result.sessionKeys.ksMac), text(v.at("session_keys"), "ks_mac"));
    EXPECT_EQ(toHex(result.chipMappingPublicKey), text(v.at("mapping"), "chip_mapping_public_key"));
    EXPECT_EQ(toHex(result.chipAuthenticationData), text(ca, "chip_authentication_data_CA_IC"));

    EXPECT_TRUE(access::verifyChipAuthenticationMapping(
        result, hexField(ca, "chip_static_public_key_PK_IC")));
}

// ISO7816_C_37: the check fails with another static key, another CA_IC, or a key that is not a
// point of the curve; it reports, it does not throw.
TEST(PaceCamTest, WrongStaticKeyOrChipAuthenticationDataDoesNotVerify) {
    auto v = appendixI();
    auto ca = v.at("chip_authentication");
    access::PaceResult result = runAppendixI(v, hexField(apdu(v, 4), "response"));
    Bytes staticKey = hexField(ca, "chip_static_public_key_PK_IC");

    Bytes otherKey = hexField(v.at("key_agreement"), "chip_ephemeral_public_key");
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(result, otherKey));
    Bytes offCurve = staticKey;
    offCurve.back() ^= 0x01;
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(result, offCurve));
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(result, Bytes{0x04}));

    access::PaceResult tampered = result;
    tampered.chipAuthenticationData[0] ^= 0x01;
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(tampered, staticKey));
    tampered.chipAuthenticationData =
        Bytes(result.chipAuthenticationData.begin() + 1, result.chipAuthenticationData.end());
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(tampered, staticKey));
}

// ISO7816_C_31: a wrong A_IC that still decrypts to padded data yields a CA_IC that fails.
TEST(PaceCamTest, WrongEncryptedDataFailsTheCheck) {
    auto v = appendixI();
    auto ca = v.at("chip_authentication");
    Bytes encrypted = hexField(ca, "encrypted_chip_authentication_data_A_IC");
    encrypted[0] ^= 0x01; // garbles CA_IC's first block, padding block intact
    access::PaceResult result = runAppendixI(v, step4With(v, 0x8A, encrypted));
    EXPECT_FALSE(access::verifyChipAuthenticationMapping(
        result, hexField(ca, "chip_static_public_key_PK_IC")));
}

// ISO7816_C_29, C_32, C_33: no 8A, 8B for 8A, an empty 8A, and A_IC that is not padded data.
TEST(PaceCamTest, MissingOrMalformedEncryptedDataIsMalformed) {
    auto v = appendixI();
    Bytes encrypted =
        hexField(v.at("chip_authentication"), "encrypted_chip_authentication_data_A_IC");
    Bytes truncated(encrypted.begin(), encrypted.end() - 1);
    Bytes badPadding = encrypted;
    badPadding.back() ^= 0x01;
    for (const Bytes& response :
         {step4With(v, 0x8A, {}, false), step4With(v, 0x8B, encrypted), step4With(v, 0x8A, {}),
          step4With(v, 0x8A, truncated), step4With(v, 0x8A, badPadding)}) {
        test::ScriptedChannel card;
        test::scriptApdus(card, v.at("apdus"), 4);
        card.expect(hexField(apdu(v, 4), "command"), response);
        test::expectError(ErrorCode::MalformedData, [&] {
            (void)access::performPace(card, appendixParameters(v), access::PacePasswordType::Mrz,
                                      mrzPassword(v), appendixRandom(v));
        });
    }
}

// A real chip: PACE-CAM, then CA_IC * PK_IC = PK_map,IC with the keyId-13 key of the chip's own
// EF.CardSecurity.
TEST(PaceCamTest, ReplaysRealGermanChipAndVerifiesItsCardSecurityKey) {
    auto session = test::vectors("aes-sm.json").at("B_real_chip_DE_session");
    auto pace = session.at("pace");
    test::ScriptedChannel card;
    test::scriptApdus(card, pace.at("apdus"), pace.at("apdus").size());
    access::PaceParameters parameters;
    parameters.protocol = text(pace, "protocol_oid");
    parameters.parameterId = pace.at("parameter_id").get<std::uint64_t>();

    access::PaceResult result =
        access::performPace(card, parameters, access::PacePasswordType::Mrz,
                            toBytes(text(pace.at("derived"), "mrz_information")),
                            test::replayRandom({hexField(pace, "terminal_mapping_private_key"),
                                                hexField(pace, "terminal_ephemeral_private_key")}));
    EXPECT_TRUE(card.done());
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(session, "ks_enc"));
    EXPECT_EQ(toHex(result.sessionKeys.ksMac), text(session, "ks_mac"));
    EXPECT_EQ(toHex(result.chipAuthenticationData), text(pace.at("derived"), "CA_IC"));

    Bytes file = test::readFile(test::specDir() / "samples/de-real-pace-cam/EF_CardSecurity.bin");
    lds::CardSecurity cardSecurity = lds::CardSecurity::parse(file);
    lds::SecurityInfos infos = lds::SecurityInfos::parse(cardSecurity.securityInfos());
    Bytes staticKey;
    for (const auto& info : infos.chipAuthenticationPublicKeyInfos) {
        if (info.keyId == parameters.parameterId) {
            staticKey = info.publicKey.publicKey;
        }
    }
    ASSERT_FALSE(staticKey.empty());
    EXPECT_TRUE(access::verifyChipAuthenticationMapping(result, staticKey));
}

// The chip's half of PACE against the worked examples of ICAO 9303-11 Appendices G.1 (ECDH
// Generic Mapping), G.2 (DH Generic Mapping), H.1/H.2 (Integrated Mapping) and I (Chip
// Authentication Mapping): the terminal's command APDUs from shared/spec/vectors are fed to the
// card with the chip's nonce and private keys injected, and its responses compared byte for
// byte where the example gives the chip's secrets.

#include "emulator/card/PaceResponder.h"

#include <openssl/obj_mac.h>

#include <gtest/gtest.h>

#include "PaceVectors.h"
#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Padding.h"
#include "emulator/card/PaceEcGroup.h"
#include "emulator/card/PaceKeys.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::paceProfile;
using cccd::emutest::scriptedRandom;
using cccd::emutest::text;
using cccd::test::hexField;

namespace {

// One command APDU into the responder, the response APDU out.
Bytes send(PaceResponder& pace, ByteView commandApdu) {
    std::optional<CommandApdu> command = parseCommandApdu(commandApdu);
    EXPECT_TRUE(command);
    if (command->ins == 0x22) {
        return responseApdu({}, toUint(pace.setAuthenticationTemplate(command->data)));
    }
    CardResponse response = pace.generalAuthenticate(*command);
    return responseApdu(response.data, response.statusWord);
}

void expectSessionKeys(PaceResponder& pace, const nlohmann::json& keys) {
    std::optional<SessionKeys> established = pace.takeSessionKeys();
    ASSERT_TRUE(established);
    EXPECT_EQ(established->cipher, SmCipher::Aes);
    EXPECT_EQ(toHex(established->encryptionKey), text(keys, "ks_enc"));
    EXPECT_EQ(toHex(established->macKey), text(keys, "ks_mac"));
    EXPECT_EQ(established->ssc, Bytes(16, 0)); // §9.8.6.3: PACE starts at 0
    EXPECT_FALSE(pace.takeSessionKeys()) << "keys are handed out once";
}

// Replays all APDUs of a worked example; every response must match.
void replay(PaceResponder& pace, const nlohmann::json& apdus) {
    for (const auto& apdu : apdus) {
        SCOPED_TRACE(text(apdu, "step"));
        EXPECT_EQ(toHex(send(pace, hexField(apdu, "command"))), text(apdu, "response"));
    }
}

// The chip of an Appendix G run: MRZ password, and the nonce and private keys the vector gives.
PaceResponder appendixGChip(const nlohmann::json& v) {
    return PaceResponder(
        paceProfile(text(v, "protocol_oid"), v["parameter_id"],
                    text(v["password"], "mrz_information"), ""),
        scriptedRandom({hexField(v["nonce"], "decrypted_nonce_s"),
                        hexField(v["mapping"], "chip_mapping_private_key"),
                        hexField(v["key_agreement"], "chip_ephemeral_private_key")}));
}

} // namespace

TEST(PaceResponderTest, IcaoAppendixG1EcdhGenericMapping) {
    nlohmann::json v = cccd::test::vectors("icao-pace-ecdh-gm.json");
    PaceResponder pace = appendixGChip(v);
    replay(pace, v["apdus"]);
    expectSessionKeys(pace, v["session_keys"]);
    EXPECT_EQ(toHex(pace.chipEphemeralPublicKey()),
              text(v["key_agreement"], "chip_ephemeral_public_key"));
}

TEST(PaceResponderTest, IcaoAppendixG2DhGenericMapping) {
    nlohmann::json v = cccd::test::vectors("icao-pace-dh-gm.json");
    PaceResponder pace = appendixGChip(v);
    replay(pace, v["apdus"]);
    expectSessionKeys(pace, v["session_keys"]);
}

// Appendix H.1 gives the chip's ephemeral key: the whole run replays. The chip answers the map
// nonce step with an empty dynamic authentication data object 7C 00 (ISO/IEC 7816-4 GENERAL
// AUTHENTICATE answers with a 7C template); the vector's note accepts that or a bare 9000.
TEST(PaceResponderTest, IcaoAppendixH1EcdhIntegratedMapping) {
    nlohmann::json v = cccd::test::vectors("icao-pace-im.json");
    const nlohmann::json& h1 = v["H1_ecdh_im"];
    PaceResponder pace(
        paceProfile(text(h1, "protocol_oid"), h1["parameter_id"], "",
                    text(v["password"], "value_ascii")),
        scriptedRandom({hexField(h1, "nonce_s"), hexField(h1, "chip_ephemeral_private_key")}));
    const nlohmann::json& apdus = h1["apdus"];
    for (std::size_t i = 0; i < apdus.size(); ++i) {
        SCOPED_TRACE(text(apdus[i], "step"));
        std::string expected = text(apdus[i], "response");
        if (i == 2) {
            ASSERT_EQ(expected, "9000");
            expected = "7C009000";
        }
        EXPECT_EQ(toHex(send(pace, hexField(apdus[i], "command"))), expected);
    }
    expectSessionKeys(pace, h1);
}

// Appendix H.2 does not publish the chip's ephemeral key: steps 1 and 2 replay exactly; the
// mapping, keys and tokens are checked in PaceGroupTest.
TEST(PaceResponderTest, IcaoAppendixH2DhIntegratedMappingFirstSteps) {
    nlohmann::json v = cccd::test::vectors("icao-pace-im.json");
    const nlohmann::json& h2 = v["H2_dh_im"];
    PaceResponder pace(paceProfile(text(h2, "protocol_oid"), h2["parameter_id"], "",
                                   text(v["password"], "value_ascii")),
                       scriptedRandom({hexField(h2, "nonce_s")}));
    const nlohmann::json& apdus = h2["apdus"];
    EXPECT_EQ(toHex(send(pace, hexField(apdus[0], "command"))), "9000");
    EXPECT_EQ(toHex(send(pace, hexField(apdus[1], "command"))), text(apdus[1], "response"));
    EXPECT_EQ(toHex(send(pace, hexField(apdus[2], "command"))), "7C009000");
    Bytes keyAgreement = send(pace, hexField(apdus[3], "command"));
    EXPECT_EQ(emutest::swOf(keyAgreement), 0x9000);
    EXPECT_EQ(toHex(ByteView(keyAgreement).first(6)), "7C8183848180");
}

// Appendix I: steps 1 and 2 replay exactly; the chip's ephemeral key is not published, so the
// test finishes the run as the terminal and checks that A_IC decrypts to the example's CA_IC.
TEST(PaceResponderTest, IcaoAppendixIChipAuthenticationMapping) {
    nlohmann::json v = cccd::test::vectors("icao-pace-cam.json");
    const nlohmann::json& ca = v["chip_authentication"];
    CardProfile profile = paceProfile(text(v, "protocol_oid"), v["parameter_id"],
                                      text(v["password"], "mrz_information"), "");
    profile.chipAuthenticationKeyPem =
        emutest::ecPrivateKeyPem("brainpoolP256r1", hexField(ca, "chip_static_private_key_derived"),
                                 hexField(ca, "chip_static_public_key_PK_IC"));
    PaceResponder pace(profile, scriptedRandom({hexField(v, "nonce_s"),
                                                hexField(v["mapping"], "chip_mapping_private_key"),
                                                Bytes(32, 0x42)}));
    const nlohmann::json& apdus = v["apdus"];
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(text(apdus[i], "step"));
        EXPECT_EQ(toHex(send(pace, hexField(apdus[i], "command"))), text(apdus[i], "response"));
    }

    // The terminal's side of steps 2-4 with the example's terminal keys.
    PaceEcGroup group(NID_brainpoolP256r1);
    group.mapGeneric(hexField(v, "nonce_s"),
                     group.agree(hexField(v["mapping"], "terminal_mapping_private_key"),
                                 hexField(v["mapping"], "chip_mapping_public_key")));
    EXPECT_EQ(toHex(group.generator()), text(v["mapping"], "mapped_generator_G"));
    Bytes keyAgreement = send(pace, hexField(apdus[3], "command"));
    ASSERT_EQ(emutest::swOf(keyAgreement), 0x9000);
    Bytes chipKey(keyAgreement.begin() + 4, keyAgreement.end() - 2);
    PaceProtocol protocol = *PaceProtocol::fromOid(text(v, "protocol_oid"));
    SessionKeys keys = paceSessionKeys(
        protocol, group.sharedSecret(hexField(v["key_agreement"], "terminal_ephemeral_private_key"),
                                     chipKey));
    Bytes terminalToken = authenticationToken(protocol, keys.macKey,
                                              tokenInput(text(v, "protocol_oid"), 0x86, chipKey));
    Bytes command = fromHex("008600000C7C0A8508");
    append(command, terminalToken);
    command.push_back(0x00);

    Bytes response = send(pace, command);
    ASSERT_EQ(toHex(ByteView(response).first(4)), "7C3C8608");
    Bytes chipToken(response.begin() + 4, response.begin() + 12);
    EXPECT_EQ(chipToken,
              authenticationToken(
                  protocol, keys.macKey,
                  tokenInput(text(v, "protocol_oid"), 0x86,
                             hexField(v["key_agreement"], "terminal_ephemeral_public_key"))));
    ASSERT_EQ(toHex(ByteView(response).subspan(12, 2)), "8A30");
    Bytes iv = crypto::aesEncryptBlock(keys.encryptionKey, Bytes(16, 0xFF));
    Bytes caIc = crypto::unpad(
        crypto::aesCbcDecrypt(keys.encryptionKey, iv, ByteView(response).subspan(14, 48)));
    EXPECT_EQ(toHex(caIc), text(ca, "chip_authentication_data_CA_IC"));
    EXPECT_EQ(emutest::swOf(response), 0x9000);
    EXPECT_TRUE(pace.takeSessionKeys());
}

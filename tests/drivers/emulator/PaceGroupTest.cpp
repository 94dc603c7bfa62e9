// The card's PACE arithmetic and key schedule, step by step, against the intermediate values of
// ICAO 9303-11 Appendices G, H and I (shared/spec/vectors/icao-pace-*.json): what the APDU
// replays in PaceResponderTest cannot reach because an example keeps the chip's key secret.

#include "emulator/card/PaceGroup.h"

#include <openssl/obj_mac.h>

#include <gtest/gtest.h>

#include "emulator/card/Bignum.h"
#include "emulator/card/PaceDhGroup.h"
#include "emulator/card/PaceEcGroup.h"
#include "emulator/card/PaceKeys.h"
#include "emulator/card/PacePseudoRandom.h"
#include "support/TestData.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::test::hexField;

namespace {

std::string text(const nlohmann::json& object, const char* key) {
    return object.at(key).get<std::string>();
}

PaceProtocol protocolOf(const nlohmann::json& v) {
    return *PaceProtocol::fromOid(text(v, "protocol_oid"));
}

} // namespace

TEST(PaceGroupTest, ParameterIdZeroIsTheRfc5114Group) {
    nlohmann::json group = cccd::test::vectors("icao-pace-dh-gm.json")["group"];
    PaceDhGroup dh("dh_1024_160");
    EXPECT_EQ(toHex(dh.prime()), text(group, "p"));
    EXPECT_EQ(toHex(dh.generator()), text(group, "g"));
    EXPECT_EQ(toHex(dh.order()), text(group, "q"));
}

TEST(PaceGroupTest, StandardizedParameterIds) {
    for (std::uint64_t id : {0, 1, 2}) {
        EXPECT_EQ(PaceGroup::standardized(id)->agreement(), PaceAgreement::Dh) << id;
    }
    // ICAO 9303-11 §9.5.1: bit lengths of p for IDs 8-18.
    const std::size_t bits[] = {192, 192, 224, 224, 256, 256, 320, 384, 384, 512, 521};
    for (std::uint64_t id = 8; id <= 18; ++id) {
        std::unique_ptr<PaceGroup> group = PaceGroup::standardized(id);
        ASSERT_TRUE(group) << id;
        EXPECT_EQ(group->agreement(), PaceAgreement::Ecdh) << id;
        EXPECT_EQ(group->fieldBits(), bits[id - 8]) << id;
    }
    for (std::uint64_t id : {3, 7, 19, 255}) {
        EXPECT_FALSE(PaceGroup::standardized(id)) << id;
    }
    EXPECT_FALSE(PaceGroup::standardized(10)->supportsIntegratedMapping()); // P-224: p = 1 mod 4
    EXPECT_TRUE(PaceGroup::standardized(13)->supportsIntegratedMapping());
}

TEST(PaceGroupTest, GenericMappingOfAppendixG1) {
    nlohmann::json v = cccd::test::vectors("icao-pace-ecdh-gm.json");
    const nlohmann::json& m = v["mapping"];
    PaceEcGroup group(NID_brainpoolP256r1);
    EXPECT_EQ(toHex(group.publicKey(hexField(m, "chip_mapping_private_key"))),
              text(m, "chip_mapping_public_key"));
    SecureBytes h = group.agree(hexField(m, "chip_mapping_private_key"),
                                hexField(m, "terminal_mapping_public_key"));
    EXPECT_EQ(toHex(h), text(m, "shared_secret_H"));
    group.mapGeneric(hexField(v["nonce"], "decrypted_nonce_s"), h);
    EXPECT_EQ(toHex(group.generator()), text(m, "mapped_generator_G"));
    const nlohmann::json& k = v["key_agreement"];
    EXPECT_EQ(toHex(group.sharedSecret(hexField(k, "chip_ephemeral_private_key"),
                                       hexField(k, "terminal_ephemeral_public_key"))),
              text(k, "shared_secret_K"));
}

TEST(PaceGroupTest, GenericMappingOfAppendixG2) {
    nlohmann::json v = cccd::test::vectors("icao-pace-dh-gm.json");
    const nlohmann::json& m = v["mapping"];
    PaceDhGroup group("dh_1024_160");
    SecureBytes h = group.agree(hexField(m, "chip_mapping_private_key"),
                                hexField(m, "terminal_mapping_public_key"));
    EXPECT_EQ(toHex(h), text(m, "shared_secret_h"));
    group.mapGeneric(hexField(v["nonce"], "decrypted_nonce_s"), h);
    EXPECT_EQ(toHex(group.generator()), text(m, "mapped_generator_g"));
}

TEST(PaceGroupTest, IntegratedMappingOfAppendixH1) {
    nlohmann::json h1 = cccd::test::vectors("icao-pace-im.json")["H1_ecdh_im"];
    PaceEcGroup group(NID_brainpoolP256r1);
    SecureBytes r = pacePseudoRandom(protocolOf(h1), hexField(h1, "nonce_s"),
                                     hexField(h1, "terminal_nonce_t"), group.fieldBits());
    EXPECT_EQ(toHex(r), text(h1, "prf_output_R"));
    ASSERT_TRUE(group.mapIntegrated(r));
    EXPECT_EQ(toHex(group.generator()), text(h1, "mapped_generator_G"));
    EXPECT_EQ(toHex(group.publicKey(hexField(h1, "chip_ephemeral_private_key"))),
              text(h1, "chip_ephemeral_public_key"));
}

TEST(PaceGroupTest, IntegratedMappingKeysAndTokensOfAppendixH2) {
    nlohmann::json h2 = cccd::test::vectors("icao-pace-im.json")["H2_dh_im"];
    PaceProtocol protocol = protocolOf(h2);
    PaceDhGroup group("dh_1024_160");
    SecureBytes r = pacePseudoRandom(protocol, hexField(h2, "nonce_s"),
                                     hexField(h2, "terminal_nonce_t"), group.fieldBits());
    EXPECT_EQ(toHex(r), text(h2, "prf_output_R"));
    ASSERT_TRUE(group.mapIntegrated(r));
    EXPECT_EQ(toHex(group.generator()), text(h2, "mapped_generator_g"));
    EXPECT_TRUE(group.isValidPublicKey(hexField(h2, "terminal_ephemeral_public_key")));

    // The chip's side of steps 3 and 4 from the published K.
    SessionKeys keys = paceSessionKeys(protocol, hexField(h2, "shared_secret_K"));
    EXPECT_EQ(toHex(keys.encryptionKey), text(h2, "ks_enc"));
    EXPECT_EQ(toHex(keys.macKey), text(h2, "ks_mac"));
    EXPECT_EQ(toHex(authenticationToken(protocol, keys.macKey,
                                        tokenInput(text(h2, "protocol_oid"), 0x84,
                                                   hexField(h2, "chip_ephemeral_public_key")))),
              text(h2, "T_IFD"));
    EXPECT_EQ(toHex(authenticationToken(protocol, keys.macKey,
                                        tokenInput(text(h2, "protocol_oid"), 0x84,
                                                   hexField(h2, "terminal_ephemeral_public_key")))),
              text(h2, "T_IC"));
}

TEST(PaceGroupTest, TokenInputOfAppendixG) {
    nlohmann::json v = cccd::test::vectors("icao-pace-dh-gm.json");
    EXPECT_EQ(toHex(tokenInput(text(v, "protocol_oid"), PaceDhGroup("dh_1024_160").publicKeyTag(),
                               hexField(v["key_agreement"], "chip_ephemeral_public_key"))),
              text(v["authentication_tokens"], "input_T_IFD"));
}

TEST(PaceGroupTest, PasswordKeysFromMrzAndCan) {
    nlohmann::json g1 = cccd::test::vectors("icao-pace-ecdh-gm.json")["password"];
    EXPECT_EQ(toHex(pacePasswordKey(PacePassword::Mrz, toBytes(text(g1, "mrz_information")),
                                    crypto::KeyType::Aes128)),
              text(g1, "K_pi"));
    nlohmann::json im = cccd::test::vectors("icao-pace-im.json")["password"];
    EXPECT_EQ(toHex(pacePasswordKey(PacePassword::Can, toBytes(text(im, "value_ascii")),
                                    crypto::KeyType::Aes128)),
              text(im, "K_pi"));
}

TEST(PaceGroupTest, ChipAuthenticationDataOfAppendixI) {
    nlohmann::json v = cccd::test::vectors("icao-pace-cam.json");
    const nlohmann::json& ca = v["chip_authentication"];
    PaceEcGroup group(NID_brainpoolP256r1);
    SecureBytes caIc = divideModulo(hexField(v["mapping"], "chip_mapping_private_key"),
                                    hexField(ca, "chip_static_private_key_derived"), group.order());
    EXPECT_EQ(toHex(caIc), text(ca, "chip_authentication_data_CA_IC"));
    EXPECT_EQ(toHex(encryptChipAuthenticationData(hexField(v["session_keys"], "ks_enc"), caIc)),
              text(ca, "encrypted_chip_authentication_data_A_IC"));
}

TEST(PaceGroupTest, RefusesPointsOffTheCurveAndOutsideTheSubgroup) {
    nlohmann::json g1 = cccd::test::vectors("icao-pace-ecdh-gm.json")["mapping"];
    PaceEcGroup curve(NID_brainpoolP256r1);
    Bytes point = hexField(g1, "terminal_mapping_public_key");
    EXPECT_TRUE(curve.isValidPublicKey(point));
    point.back() ^= 0x01;
    EXPECT_FALSE(curve.isValidPublicKey(point));
    EXPECT_FALSE(curve.isValidPublicKey(Bytes(65, 0)));
    EXPECT_FALSE(curve.isValidPublicKey(ByteView(point).first(33))); // compressed length

    PaceDhGroup dh("dh_1024_160");
    EXPECT_FALSE(dh.isValidPublicKey(fromHex("01")));
    Bytes pMinusOne = dh.prime();
    pMinusOne.back() = static_cast<std::uint8_t>(pMinusOne.back() - 1);
    EXPECT_FALSE(dh.isValidPublicKey(pMinusOne)); // order 2, outside the subgroup
    EXPECT_FALSE(dh.isValidPublicKey(fromHex("02")));
}

TEST(PaceGroupTest, PrivateKeysAreDrawnAgainWhileOutOfRange) {
    PaceEcGroup curve(NID_secp521r1); // order of 521 bits in 66 bytes
    std::vector<Bytes> draws{Bytes(66, 0xFF), Bytes(66, 0x00), Bytes(66, 0x01)};
    std::size_t next = 0;
    crypto::RandomSource random = [&](std::size_t size) {
        EXPECT_EQ(size, 66U);
        return draws.at(next++);
    };
    // FF..FF masked to 521 bits is still above n; 00..00 is zero; 01..01 is taken.
    SecureBytes key = curve.generatePrivateKey(random);
    EXPECT_EQ(next, 3U);
    EXPECT_EQ(key.view()[0], 0x01);
}

TEST(PaceGroupTest, ProtocolOids) {
    auto gm = PaceProtocol::fromOid("0.4.0.127.0.7.2.2.4.2.2");
    ASSERT_TRUE(gm);
    EXPECT_EQ(gm->mapping, PaceMapping::Generic);
    EXPECT_EQ(gm->agreement, PaceAgreement::Ecdh);
    EXPECT_EQ(gm->keyType, crypto::KeyType::Aes128);
    auto tdes = PaceProtocol::fromOid("0.4.0.127.0.7.2.2.4.1.1");
    ASSERT_TRUE(tdes);
    EXPECT_EQ(tdes->cipher, SmCipher::Tdes);
    EXPECT_EQ(tdes->agreement, PaceAgreement::Dh);
    EXPECT_EQ(PaceProtocol::fromOid("0.4.0.127.0.7.2.2.4.6.4")->keyType, crypto::KeyType::Aes256);
    EXPECT_FALSE(PaceProtocol::fromOid("0.4.0.127.0.7.2.2.4.6.1")); // no 3DES CAM
    EXPECT_FALSE(PaceProtocol::fromOid("0.4.0.127.0.7.2.2.4.5.2")); // no DH CAM
    EXPECT_FALSE(PaceProtocol::fromOid("0.4.0.127.0.7.2.2.3.2.1")); // Chip Authentication
    EXPECT_TRUE(PaceProtocol::isPaceOid("0.4.0.127.0.7.2.2.4.9.9"));
    EXPECT_FALSE(PaceProtocol::isPaceOid("0.4.0.127.0.7.2.2.41"));
}

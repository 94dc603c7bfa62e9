// ICAO 9303-11 Appendix G.2 (vectors/icao-pace-dh-gm.json: DH Generic Mapping over the RFC 5114
// 1024/160 group, standardized parameter ID 0, AES-128, MRZ password) replayed byte-exact with
// injected randomness.
#include <gtest/gtest.h>

#include "access/Pace.h"
#include "access/PaceCipherSuite.h"
#include "access/PacePassword.h"
#include "crypto/DhGroup.h"
#include "crypto/KeyAgreementGroup.h"
#include "sdk/access/PaceTestSupport.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::hexField;
using test::text;

namespace {

nlohmann::json appendixG2() {
    return test::vectors("icao-pace-dh-gm.json");
}

const nlohmann::json& apdu(const nlohmann::json& v, std::size_t step) {
    return v.at("apdus").at(step);
}

std::unique_ptr<crypto::KeyAgreementGroup> staticGroup(const nlohmann::json& v) {
    return crypto::KeyAgreementGroup::standardized(v.at("parameter_id").get<std::uint64_t>());
}

std::unique_ptr<crypto::KeyAgreementGroup> mappedGroup(const nlohmann::json& v) {
    return staticGroup(v)->mapGeneric(hexField(v.at("nonce"), "decrypted_nonce_s"),
                                      hexField(v.at("mapping"), "terminal_mapping_private_key"),
                                      hexField(v.at("mapping"), "chip_mapping_public_key"));
}

// Appendix G.2 draws the terminal's mapping key, then its ephemeral key (160-bit exponents).
crypto::RandomSource appendixRandom(const nlohmann::json& v) {
    return test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                               hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")});
}

access::PaceParameters appendixParameters(const nlohmann::json& v) {
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.parameterId = v.at("parameter_id").get<std::uint64_t>();
    parameters.referenceParameterId = false; // the Appendix G.2 MSE:Set AT has no DO 84
    return parameters;
}

Bytes mrzPassword(const nlohmann::json& v) {
    return toBytes(text(v.at("password"), "mrz_information"));
}

} // namespace

TEST(PaceDhGmTest, Group0IsTheRfc5114Group) {
    auto v = appendixG2();
    auto group = staticGroup(v);
    ASSERT_EQ(group->keyAgreement(), crypto::KeyAgreementAlgorithm::Dh);
    EXPECT_EQ(group->primeBits(), 1024U);
    EXPECT_EQ(toHex(group->generator()), text(v.at("group"), "g"));
    const auto& dh = dynamic_cast<const crypto::DhGroup&>(*group);
    EXPECT_EQ(toHex(dh.subgroupOrder()), text(v.at("group"), "q"));
}

TEST(PaceDhGmTest, DecryptsAppendixG2Nonce) {
    auto v = appendixG2();
    auto suite = access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid"));
    EXPECT_EQ(suite.keyAgreement, crypto::KeyAgreementAlgorithm::Dh);
    EXPECT_EQ(suite.mapping, access::PaceMapping::Generic);
    SecureBytes kPi =
        access::derivePacePasswordKey(access::PacePasswordType::Mrz, mrzPassword(v), suite.keyType);
    EXPECT_EQ(toHex(kPi), text(v.at("password"), "K_pi"));
    EXPECT_EQ(toHex(suite.decryptNonce(kPi, hexField(v.at("nonce"), "encrypted_nonce_z"))),
              text(v.at("nonce"), "decrypted_nonce_s"));
}

TEST(PaceDhGmTest, MapsAppendixG2Generator) {
    auto v = appendixG2();
    auto mapping = v.at("mapping");
    auto group = staticGroup(v);

    crypto::EphemeralKeyPair terminal = group->generateKeyPair(
        test::replayRandom({hexField(mapping, "terminal_mapping_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey), text(mapping, "terminal_mapping_public_key"));

    // h is the same from either side.
    Bytes chipKey = hexField(mapping, "chip_mapping_public_key");
    EXPECT_EQ(toHex(group->multiply(terminal.privateKey, chipKey)),
              text(mapping, "shared_secret_h"));
    EXPECT_EQ(
        toHex(group->multiply(hexField(mapping, "chip_mapping_private_key"), terminal.publicKey)),
        text(mapping, "shared_secret_h"));

    EXPECT_EQ(toHex(mappedGroup(v)->generator()), text(mapping, "mapped_generator_g"));
}

TEST(PaceDhGmTest, AgreesAppendixG2SharedSecretAndSessionKeys) {
    auto v = appendixG2();
    auto agreement = v.at("key_agreement");
    auto mapped = mappedGroup(v);

    crypto::EphemeralKeyPair terminal = mapped->generateKeyPair(
        test::replayRandom({hexField(agreement, "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey), text(agreement, "terminal_ephemeral_public_key"));
    SecureBytes k =
        mapped->sharedSecret(terminal.privateKey, hexField(agreement, "chip_ephemeral_public_key"));
    EXPECT_EQ(toHex(k), text(agreement, "shared_secret_K"));
    EXPECT_EQ(toHex(mapped->sharedSecret(hexField(agreement, "chip_ephemeral_private_key"),
                                         terminal.publicKey)),
              text(agreement, "shared_secret_K"));

    auto suite = access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid"));
    sm::SessionKeys keys = suite.sessionKeys(k);
    EXPECT_EQ(toHex(keys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(toHex(keys.ksMac), text(v.at("session_keys"), "ks_mac"));
}

TEST(PaceDhGmTest, ComputesAppendixG2AuthenticationTokens) {
    auto v = appendixG2();
    auto agreement = v.at("key_agreement");
    auto tokens = v.at("authentication_tokens");
    auto suite = access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid"));
    Bytes ksMac = hexField(v.at("session_keys"), "ks_mac");
    Bytes chipKey = hexField(agreement, "chip_ephemeral_public_key");
    Bytes terminalKey = hexField(agreement, "terminal_ephemeral_public_key");

    // DH public values sit in 84 of the 7F49 (ICAO 9303-11 §9.4.3).
    EXPECT_EQ(toHex(suite.tokenInput(chipKey)), text(tokens, "input_T_IFD"));
    EXPECT_EQ(toHex(suite.authenticationToken(ksMac, chipKey)), text(tokens, "T_IFD"));
    EXPECT_EQ(toHex(suite.tokenInput(terminalKey)), text(tokens, "input_T_IC"));
    EXPECT_EQ(toHex(suite.authenticationToken(ksMac, terminalKey)), text(tokens, "T_IC"));
}

TEST(PaceDhGmTest, ReplaysAppendixG2Exchange) {
    auto v = appendixG2();
    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());

    access::PaceResult result =
        access::performPace(card, appendixParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixRandom(v));

    EXPECT_TRUE(card.done());
    EXPECT_EQ(result.keyAgreement, crypto::KeyAgreementAlgorithm::Dh);
    EXPECT_EQ(result.mapping, access::PaceMapping::Generic);
    EXPECT_EQ(result.sessionKeys.cipher, sm::SmCipher::Aes);
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(toHex(result.sessionKeys.ksMac), text(v.at("session_keys"), "ks_mac"));
    EXPECT_EQ(toHex(result.sessionKeys.ssc), text(v.at("session_keys"), "ssc_after_pace"));
    EXPECT_EQ(toHex(result.chipEphemeralPublicKey),
              text(v.at("key_agreement"), "chip_ephemeral_public_key"));
}

// Conformance ISO7816_C_17: the chip's DH mapping key must be an element of the subgroup.
TEST(PaceDhGmTest, InvalidChipMappingKeyIsMalformed) {
    auto v = appendixG2();
    Bytes p = hexField(v.at("group"), "p");
    Bytes pMinusOne = p;
    pMinusOne.back() = static_cast<std::uint8_t>(pMinusOne.back() - 1); // p is odd
    Bytes notInSubgroup = hexField(v.at("mapping"), "chip_mapping_public_key");
    notInSubgroup.back() ^= 0x01;
    for (const Bytes& forged : {Bytes{0x00}, Bytes{0x01}, pMinusOne, p, notInSubgroup}) {
        test::ScriptedChannel card;
        test::scriptApdus(card, v.at("apdus"), 2);
        Bytes response = tlv::encode(0x7C, tlv::encode(0x82, forged));
        append(response, Bytes{0x90, 0x00});
        card.expect(hexField(apdu(v, 2), "command"), response);
        test::expectError(ErrorCode::MalformedData, [&] {
            (void)access::performPace(card, appendixParameters(v), access::PacePasswordType::Mrz,
                                      mrzPassword(v), appendixRandom(v));
        });
    }
}

// dmrtd's transcription of the step 4 answer carries a CAR (87) after the token, as a chip does
// when PACE runs with a CHAT (ICAO 9303-11 §4.4.5, Table 4).
TEST(PaceDhGmTest, AcceptsACertificationAuthorityReferenceAfterTheToken) {
    auto v = appendixG2();
    Bytes withCar = hexField(apdu(v, 4), "response_variant_dmrtd");
    append(withCar, Bytes{0x90, 0x00});
    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), 4);
    card.expect(hexField(apdu(v, 4), "command"), withCar);
    access::PaceResult result =
        access::performPace(card, appendixParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixRandom(v));
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_TRUE(card.done());
}

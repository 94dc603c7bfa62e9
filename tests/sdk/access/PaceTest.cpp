// ICAO 9303-11 Appendix G.1 (vectors/icao-pace-ecdh-gm.json: ECDH Generic Mapping,
// brainpoolP256r1, AES-128, MRZ password) replayed byte-exact with injected randomness, and the
// PACE passwords of the invented holder in cccd.md §1.3.
#include "access/Pace.h"

#include <gtest/gtest.h>

#include "access/PaceCipherSuite.h"
#include "access/PacePassword.h"
#include "base/Error.h"
#include "crypto/KeyAgreementGroup.h"
#include "sdk/access/PaceTestSupport.h"
#include "sdk/mrz/CccdSpec.h"

using namespace cccd;
using test::hexField;

namespace {

nlohmann::json paceVectors() {
    return test::vectors("icao-pace-ecdh-gm.json");
}

// Appendix G draws the terminal's mapping key, then its ephemeral key.
crypto::RandomSource appendixGRandom(const nlohmann::json& v) {
    return test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                               hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")});
}

access::PaceParameters appendixGParameters(const nlohmann::json& v) {
    access::PaceParameters parameters;
    parameters.protocol = v.at("protocol_oid").get<std::string>();
    parameters.parameterId = v.at("parameter_id").get<std::uint64_t>();
    parameters.referenceParameterId = false; // the Appendix G MSE:Set AT has no DO 84
    return parameters;
}

Bytes mrzPassword(const nlohmann::json& v) {
    return toBytes(v.at("password").at("mrz_information").get<std::string>());
}

const nlohmann::json& apdu(const nlohmann::json& v, std::size_t step) {
    return v.at("apdus").at(step);
}

// The first `steps` recorded exchanges, byte-exact.
void scriptAppendixG(test::ScriptedChannel& card, const nlohmann::json& v, std::size_t steps) {
    for (std::size_t i = 0; i < steps; ++i) {
        card.expect(hexField(apdu(v, i), "command"), hexField(apdu(v, i), "response"));
    }
}

std::unique_ptr<crypto::KeyAgreementGroup> appendixGGroup(const nlohmann::json& v) {
    return crypto::KeyAgreementGroup::standardized(v.at("parameter_id").get<std::uint64_t>());
}

access::PaceCipherSuite appendixGSuite(const nlohmann::json& v) {
    return access::PaceCipherSuite::fromProtocol(v.at("protocol_oid").get<std::string>());
}

} // namespace

TEST(PaceTest, DerivesAppendixGPasswordKeyFromMrz) {
    auto v = paceVectors();
    SecureBytes kPi = access::derivePacePasswordKey(access::PacePasswordType::Mrz, mrzPassword(v),
                                                    crypto::KeyType::Aes128);
    EXPECT_EQ(toHex(kPi), v.at("password").at("K_pi").get<std::string>());
}

TEST(PaceTest, DerivesCccdPasswordKeysFromCanAndMrz) {
    std::string accessControl = test::spec::section(test::spec::markdown("cccd.md"),
                                                    "### 1.3 Access control: BAC and PACE");
    std::string mrzInformation =
        test::spec::tableRowCode(accessControl, "MRZ information (BAC)").back();
    std::string can = test::spec::tableRowCode(accessControl, "CAN").at(0);
    std::string kPiCan = test::spec::tableRowCode(accessControl, "PACE K_π from CAN").at(0);
    std::string kPiMrz = test::spec::tableRowCode(accessControl, "PACE K_π from MRZ").at(0);

    EXPECT_EQ(toHex(access::derivePacePasswordKey(access::PacePasswordType::Can, toBytes(can),
                                                  crypto::KeyType::Aes128)),
              kPiCan);
    EXPECT_EQ(toHex(access::derivePacePasswordKey(
                  access::PacePasswordType::Mrz, toBytes(mrzInformation), crypto::KeyType::Aes128)),
              kPiMrz);
}

TEST(PaceTest, DecryptsAppendixGNonce) {
    auto v = paceVectors();
    auto nonce = v.at("nonce");
    SecureBytes s = appendixGSuite(v).decryptNonce(hexField(v.at("password"), "K_pi"),
                                                   hexField(nonce, "encrypted_nonce_z"));
    EXPECT_EQ(toHex(s), nonce.at("decrypted_nonce_s").get<std::string>());
}

TEST(PaceTest, MapsAppendixGGenerator) {
    auto v = paceVectors();
    auto mapping = v.at("mapping");
    std::unique_ptr<crypto::KeyAgreementGroup> group = appendixGGroup(v);

    crypto::EphemeralKeyPair terminal = group->generateKeyPair(
        test::replayRandom({hexField(mapping, "terminal_mapping_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey),
              mapping.at("terminal_mapping_public_key").get<std::string>());

    // H is the same from either side.
    Bytes chipKey = hexField(mapping, "chip_mapping_public_key");
    EXPECT_EQ(toHex(group->multiply(terminal.privateKey, chipKey)),
              mapping.at("shared_secret_H").get<std::string>());
    EXPECT_EQ(
        toHex(group->multiply(hexField(mapping, "chip_mapping_private_key"), terminal.publicKey)),
        mapping.at("shared_secret_H").get<std::string>());

    std::unique_ptr<crypto::KeyAgreementGroup> mapped = group->mapGeneric(
        hexField(v.at("nonce"), "decrypted_nonce_s"), terminal.privateKey, chipKey);
    EXPECT_EQ(toHex(mapped->generator()), mapping.at("mapped_generator_G").get<std::string>());
    EXPECT_NE(toHex(group->generator()), toHex(mapped->generator()));
}

TEST(PaceTest, AgreesAppendixGSharedSecretAndSessionKeys) {
    auto v = paceVectors();
    auto mapping = v.at("mapping");
    auto agreement = v.at("key_agreement");
    std::unique_ptr<crypto::KeyAgreementGroup> mapped =
        appendixGGroup(v)->mapGeneric(hexField(v.at("nonce"), "decrypted_nonce_s"),
                                      hexField(mapping, "terminal_mapping_private_key"),
                                      hexField(mapping, "chip_mapping_public_key"));

    crypto::EphemeralKeyPair terminal = mapped->generateKeyPair(
        test::replayRandom({hexField(agreement, "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey),
              agreement.at("terminal_ephemeral_public_key").get<std::string>());
    SecureBytes k =
        mapped->sharedSecret(terminal.privateKey, hexField(agreement, "chip_ephemeral_public_key"));
    EXPECT_EQ(toHex(k), agreement.at("shared_secret_K").get<std::string>());
    EXPECT_EQ(toHex(mapped->sharedSecret(hexField(agreement, "chip_ephemeral_private_key"),
                                         terminal.publicKey)),
              agreement.at("shared_secret_K").get<std::string>());

    sm::SessionKeys keys = appendixGSuite(v).sessionKeys(k);
    auto expected = v.at("session_keys");
    EXPECT_EQ(keys.cipher, sm::SmCipher::Aes);
    EXPECT_EQ(toHex(keys.ksEnc), expected.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(keys.ksMac), expected.at("ks_mac").get<std::string>());
    EXPECT_EQ(toHex(keys.ssc), expected.at("ssc_after_pace").get<std::string>());
}

TEST(PaceTest, ComputesAppendixGAuthenticationTokens) {
    auto v = paceVectors();
    auto agreement = v.at("key_agreement");
    auto tokens = v.at("authentication_tokens");
    access::PaceCipherSuite suite = appendixGSuite(v);
    Bytes ksMac = hexField(v.at("session_keys"), "ks_mac");
    Bytes chipKey = hexField(agreement, "chip_ephemeral_public_key");
    Bytes terminalKey = hexField(agreement, "terminal_ephemeral_public_key");

    EXPECT_EQ(toHex(suite.tokenInput(chipKey)), tokens.at("input_T_IFD").get<std::string>());
    EXPECT_EQ(toHex(suite.authenticationToken(ksMac, chipKey)),
              tokens.at("T_IFD").get<std::string>());
    EXPECT_EQ(toHex(suite.tokenInput(terminalKey)), tokens.at("input_T_IC").get<std::string>());
    EXPECT_EQ(toHex(suite.authenticationToken(ksMac, terminalKey)),
              tokens.at("T_IC").get<std::string>());
}

TEST(PaceTest, ReplaysAppendixGExchange) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, v.at("apdus").size());

    access::PaceResult result =
        access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixGRandom(v));

    EXPECT_TRUE(card.done());
    auto expected = v.at("session_keys");
    EXPECT_EQ(result.sessionKeys.cipher, sm::SmCipher::Aes);
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), expected.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(result.sessionKeys.ksMac), expected.at("ks_mac").get<std::string>());
    EXPECT_EQ(toHex(result.sessionKeys.ssc), expected.at("ssc_after_pace").get<std::string>());
    EXPECT_EQ(toHex(result.chipEphemeralPublicKey),
              v.at("key_agreement").at("chip_ephemeral_public_key").get<std::string>());
    EXPECT_EQ(result.mapping, access::PaceMapping::Generic);
    EXPECT_EQ(result.keyAgreement, crypto::KeyAgreementAlgorithm::Ecdh);
    EXPECT_EQ(result.keyType, crypto::KeyType::Aes128);
    EXPECT_EQ(toHex(result.chipMappingPublicKey),
              v.at("mapping").at("chip_mapping_public_key").get<std::string>());
    EXPECT_TRUE(result.chipAuthenticationData.empty());
    EXPECT_EQ(result.parameterId, 13U);
}

TEST(PaceTest, SendsParameterIdInMseSetAtWhenAsked) {
    auto v = paceVectors();
    auto parameterId = v.at("parameter_id").get<std::uint8_t>();
    // The Appendix G command with DO 84 (parameter ID) appended and Lc grown by its 3 bytes.
    Bytes command = hexField(apdu(v, 0), "command");
    command[4] = static_cast<std::uint8_t>(command[4] + 3);
    append(command, Bytes{0x84, 0x01, parameterId});
    test::ScriptedChannel card;
    card.expect(command, fromHex("6A80"));

    access::PaceParameters parameters = appendixGParameters(v);
    parameters.referenceParameterId = true;
    test::expectError(ErrorCode::CardStatus, [&] {
        (void)access::performPace(card, parameters, access::PacePasswordType::Mrz, mrzPassword(v),
                                  appendixGRandom(v));
    });
    EXPECT_TRUE(card.done());
}

TEST(PaceTest, WrongPasswordAtStep4IsAccessDenied) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, 2); // MSE:Set AT and the encrypted nonce, byte-exact
    // Another password decrypts another nonce, so G~ and the terminal's ephemeral key differ.
    card.expect({}, hexField(apdu(v, 2), "response"));
    card.expect({}, hexField(apdu(v, 3), "response"));
    card.expect({}, fromHex("6300"));
    Bytes wrongMrz = mrzPassword(v);
    wrongMrz.back() = wrongMrz.back() == '0' ? '1' : '0'; // another composite check digit
    try {
        (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                  wrongMrz, appendixGRandom(v));
        FAIL() << "PACE with a wrong password succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AccessDenied);
        EXPECT_EQ(e.statusWord(), 0x6300);
    }
    EXPECT_TRUE(card.done());
}

TEST(PaceTest, ForgedChipTokenIsAccessDenied) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, 4);
    Bytes forged = hexField(apdu(v, 4), "response");
    forged[4] ^= 0x01; // first byte of T_IC inside 7C 0A 86 08
    card.expect(hexField(apdu(v, 4), "command"), forged);
    test::expectError(ErrorCode::AccessDenied, [&] {
        (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                  mrzPassword(v), appendixGRandom(v));
    });
    EXPECT_TRUE(card.done());
}

TEST(PaceTest, ChipMappingKeyOffTheCurveIsMalformed) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, 2);
    Bytes forged = hexField(apdu(v, 2), "response");
    forged[forged.size() - 3] ^= 0x01; // last byte of the point's y-coordinate
    card.expect(hexField(apdu(v, 2), "command"), forged);
    test::expectError(ErrorCode::MalformedData, [&] {
        (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                  mrzPassword(v), appendixGRandom(v));
    });
}

TEST(PaceTest, ChipEchoingTheTerminalKeyIsRejected) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, 3);
    // The step 3 command's 7C 43 83 41 <point> comes back as 7C 43 84 41 <point>.
    Bytes command = hexField(apdu(v, 3), "command");
    Bytes echo(command.begin() + 5, command.end() - 1);
    echo[2] = 0x84;
    append(echo, Bytes{0x90, 0x00});
    card.expect(command, echo);
    test::expectError(ErrorCode::MalformedData, [&] {
        (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                  mrzPassword(v), appendixGRandom(v));
    });
}

// The four steps' refusals: a refused step 1-3 is a card status error, a refusal at step 4 means
// the password does not open the card.
TEST(PaceTest, RefusedStepsKeepTheStatusWord) {
    auto v = paceVectors();
    for (std::size_t step = 1; step <= 3; ++step) {
        for (const char* sw : {"6A80", "6300", "6982"}) {
            test::ScriptedChannel card;
            scriptAppendixG(card, v, step);
            card.expect(hexField(apdu(v, step), "command"), fromHex(sw));
            test::expectError(ErrorCode::CardStatus,
                              static_cast<std::uint16_t>(std::stoul(sw, nullptr, 16)), [&] {
                                  (void)access::performPace(card, appendixGParameters(v),
                                                            access::PacePasswordType::Mrz,
                                                            mrzPassword(v), appendixGRandom(v));
                              });
            EXPECT_TRUE(card.done()) << "step " << step << " SW " << sw;
        }
    }
}

TEST(PaceTest, RefusalAtStep4IsAccessDeniedOrCardStatus) {
    auto v = paceVectors();

    struct Row {
        const char* sw;
        ErrorCode code;
    };

    for (Row row : {Row{"6300", ErrorCode::AccessDenied}, Row{"6982", ErrorCode::AccessDenied},
                    Row{"6985", ErrorCode::AccessDenied}, Row{"6A80", ErrorCode::CardStatus}}) {
        test::ScriptedChannel card;
        scriptAppendixG(card, v, 4);
        card.expect(hexField(apdu(v, 4), "command"), fromHex(row.sw));
        test::expectError(row.code, static_cast<std::uint16_t>(std::stoul(row.sw, nullptr, 16)),
                          [&] {
                              (void)access::performPace(card, appendixGParameters(v),
                                                        access::PacePasswordType::Mrz,
                                                        mrzPassword(v), appendixGRandom(v));
                          });
    }
}

// Conformance ISO7816_C_11/13/19: a wrong tag inside 7C, and answers that are not a 7C at all.
TEST(PaceTest, MalformedDynamicAuthenticationDataIsMalformed) {
    auto v = paceVectors();
    std::vector<std::pair<std::size_t, Bytes>> faults = {
        {1, fromHex("7C129010854D8DF5827FA6852D1A4FA701CDDDCA9000")}, // tag 90 for 80
        {1, fromHex("7D1280109BFF93E6ED9F5F9764EC0D783D14FB039000")}, // 7D for 7C
        {1, fromHex("7C1280109BFF9000")},                             // truncated
        {1, fromHex("9000")},                                         // no data
        {4, fromHex("7C0A9608917F37B5C0E6D8D19000")},                 // tag 96 for 86
    };
    for (const auto& [step, response] : faults) {
        test::ScriptedChannel card;
        scriptAppendixG(card, v, step);
        card.expect({}, response);
        test::expectError(ErrorCode::MalformedData, [&] {
            (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                      mrzPassword(v), appendixGRandom(v));
        });
    }
}

// A Generic Mapping run ignores a stray 8A after the chip's token (conformance ISO7816_C_35).
TEST(PaceTest, IgnoresEncryptedChipAuthenticationDataAfterGenericMapping) {
    auto v = paceVectors();
    Bytes recorded = hexField(apdu(v, 4), "response"); // 7C 0A 86 08 <T_IC> 90 00
    Bytes response = fromHex("7C0E");
    response.insert(response.end(), recorded.begin() + 2, recorded.end() - 2);
    append(response, fromHex("8A0211229000"));
    test::ScriptedChannel card;
    scriptAppendixG(card, v, 4);
    card.expect(hexField(apdu(v, 4), "command"), response);
    access::PaceResult result =
        access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixGRandom(v));
    EXPECT_TRUE(result.chipAuthenticationData.empty());
    EXPECT_TRUE(card.done());
}

TEST(PaceTest, ChecksChipAuthenticationMappingOnlyAfterCam) {
    auto v = paceVectors();
    test::ScriptedChannel card;
    scriptAppendixG(card, v, v.at("apdus").size());
    access::PaceResult result =
        access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                            mrzPassword(v), appendixGRandom(v));
    test::expectError(ErrorCode::InvalidArgument, [&] {
        (void)access::verifyChipAuthenticationMapping(result, result.chipMappingPublicKey);
    });
}

TEST(PaceTest, DomainParametersMustSuitTheProtocol) {
    auto v = paceVectors();
    test::ScriptedChannel card; // nothing may be sent
    access::PaceParameters parameters = appendixGParameters(v);
    parameters.parameterId = 0; // a MODP group for an ECDH protocol
    test::expectError(ErrorCode::InvalidArgument, [&] {
        (void)access::performPace(card, parameters, access::PacePasswordType::Mrz, mrzPassword(v),
                                  appendixGRandom(v));
    });
    parameters.parameterId = 7; // reserved
    test::expectError(ErrorCode::NotSupported, [&] {
        (void)access::performPace(card, parameters, access::PacePasswordType::Mrz, mrzPassword(v),
                                  appendixGRandom(v));
    });
}

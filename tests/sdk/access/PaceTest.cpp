// ICAO 9303-11 Appendix G.1 (vectors/icao-pace-ecdh-gm.json: ECDH Generic Mapping,
// brainpoolP256r1, AES-128, MRZ password) replayed byte-exact with injected randomness, and the
// PACE passwords of the invented holder in cccd.md §1.3.
#include "access/Pace.h"

#include <array>

#include <gtest/gtest.h>

#include "access/PaceCipherSuite.h"
#include "access/PaceEcdh.h"
#include "access/PacePassword.h"
#include "base/Error.h"
#include "sdk/mrz/CccdSpec.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"

using namespace cccd;
using test::hexField;

namespace {

nlohmann::json paceVectors() {
    return test::vectors("icao-pace-ecdh-gm.json");
}

crypto::RandomSource replay(std::vector<Bytes> values) {
    auto queue = std::make_shared<std::vector<Bytes>>(std::move(values));
    return [queue](std::size_t count) {
        if (queue->empty()) {
            ADD_FAILURE() << "more randomness drawn than the vector has";
            return Bytes(count, 0);
        }
        Bytes next = queue->front();
        queue->erase(queue->begin());
        EXPECT_EQ(next.size(), count);
        return next;
    };
}

// Appendix G draws the terminal's mapping key, then its ephemeral key.
crypto::RandomSource appendixGRandom(const nlohmann::json& v) {
    return replay({hexField(v.at("mapping"), "terminal_mapping_private_key"),
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

access::PaceEcdhGroup appendixGGroup(const nlohmann::json& v) {
    return access::PaceEcdhGroup::standardized(v.at("parameter_id").get<std::uint64_t>());
}

access::PaceCipherSuite appendixGSuite(const nlohmann::json& v) {
    return access::PaceCipherSuite::fromProtocol(v.at("protocol_oid").get<std::string>());
}

template <typename Call> void expectError(ErrorCode expected, Call&& call) {
    try {
        call();
        ADD_FAILURE() << "no error thrown";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), expected) << e.what();
    }
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
    access::PaceEcdhGroup group = appendixGGroup(v);

    access::PaceKeyPair terminal =
        group.generateKeyPair(replay({hexField(mapping, "terminal_mapping_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey),
              mapping.at("terminal_mapping_public_key").get<std::string>());

    // H is the same from either side.
    Bytes chipKey = hexField(mapping, "chip_mapping_public_key");
    EXPECT_EQ(toHex(group.multiply(terminal.privateKey, chipKey)),
              mapping.at("shared_secret_H").get<std::string>());
    EXPECT_EQ(
        toHex(group.multiply(hexField(mapping, "chip_mapping_private_key"), terminal.publicKey)),
        mapping.at("shared_secret_H").get<std::string>());

    access::PaceEcdhGroup mapped = group.mapGeneric(hexField(v.at("nonce"), "decrypted_nonce_s"),
                                                    terminal.privateKey, chipKey);
    EXPECT_EQ(toHex(mapped.generator()), mapping.at("mapped_generator_G").get<std::string>());
    EXPECT_NE(toHex(group.generator()), toHex(mapped.generator()));
}

TEST(PaceTest, AgreesAppendixGSharedSecretAndSessionKeys) {
    auto v = paceVectors();
    auto mapping = v.at("mapping");
    auto agreement = v.at("key_agreement");
    access::PaceEcdhGroup mapped =
        appendixGGroup(v).mapGeneric(hexField(v.at("nonce"), "decrypted_nonce_s"),
                                     hexField(mapping, "terminal_mapping_private_key"),
                                     hexField(mapping, "chip_mapping_public_key"));

    access::PaceKeyPair terminal =
        mapped.generateKeyPair(replay({hexField(agreement, "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(terminal.publicKey),
              agreement.at("terminal_ephemeral_public_key").get<std::string>());
    SecureBytes k =
        mapped.sharedSecret(terminal.privateKey, hexField(agreement, "chip_ephemeral_public_key"));
    EXPECT_EQ(toHex(k), agreement.at("shared_secret_K").get<std::string>());
    EXPECT_EQ(toHex(mapped.sharedSecret(hexField(agreement, "chip_ephemeral_private_key"),
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
    expectError(ErrorCode::CardStatus, [&] {
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
    expectError(ErrorCode::AccessDenied, [&] {
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
    expectError(ErrorCode::MalformedData, [&] {
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
    expectError(ErrorCode::MalformedData, [&] {
        (void)access::performPace(card, appendixGParameters(v), access::PacePasswordType::Mrz,
                                  mrzPassword(v), appendixGRandom(v));
    });
}

// ICAO 9303-11 §9.5.1: the EC rows of the standardized domain parameters, by field size.
TEST(PaceTest, KnowsStandardizedCurves8To18) {
    struct Row {
        std::uint64_t id;
        const char* name;
        std::size_t fieldBits;
    };

    const std::array<Row, 11> rows = {{{8, "secp192r1", 192},
                                       {9, "brainpoolP192r1", 192},
                                       {10, "secp224r1", 224},
                                       {11, "brainpoolP224r1", 224},
                                       {12, "secp256r1", 256},
                                       {13, "brainpoolP256r1", 256},
                                       {14, "brainpoolP320r1", 320},
                                       {15, "secp384r1", 384},
                                       {16, "brainpoolP384r1", 384},
                                       {17, "brainpoolP512r1", 512},
                                       {18, "secp521r1", 521}}};
    for (const Row& row : rows) {
        Bytes g = access::PaceEcdhGroup::standardized(row.id).generator();
        EXPECT_EQ(g.size(), 1 + 2 * ((row.fieldBits + 7) / 8)) << row.name;
    }
    for (std::uint64_t id : {0, 1, 2, 7, 19}) {
        expectError(ErrorCode::NotSupported,
                    [&] { (void)access::PaceEcdhGroup::standardized(id); });
    }
}

TEST(PaceTest, RejectsOtherPaceVariants) {
    expectError(ErrorCode::NotSupported, [] {
        (void)access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.4.2"); // ECDH-IM
    });
    expectError(ErrorCode::InvalidArgument, [] {
        (void)access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.3.2.2"); // CA, not PACE
    });
}

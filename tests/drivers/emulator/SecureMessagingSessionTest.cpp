// The card's secure messaging with AES (ICAO 9303-11 §9.8 with AES-CBC and CMAC) against
// shared/spec/vectors/aes-sm.json: part A, the BSI EAC worked example's primitives, and part B,
// a recorded real-chip session, replayed from the chip's side byte for byte.

#include "emulator/card/SecureMessagingSession.h"

#include <variant>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "emulator/card/CommandApdu.h"
#include "support/TestData.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::test::hexField;

namespace {

SessionKeys aesKeys(const nlohmann::json& keys, const char* enc, const char* mac, Bytes ssc) {
    SessionKeys out;
    out.cipher = SmCipher::Aes;
    out.encryptionKey = SecureBytes(hexField(keys, enc));
    out.macKey = SecureBytes(hexField(keys, mac));
    out.ssc = std::move(ssc);
    return out;
}

// DO'87' of a protected response: 87 L 01 || cryptogram.
Bytes cryptogramOf(ByteView response) {
    EXPECT_EQ(response[0], 0x87);
    std::size_t length = response[1];
    return Bytes(response.begin() + 3, response.begin() + 2 + static_cast<long>(length));
}

} // namespace

class AesSmPrimitives : public testing::TestWithParam<const char*> {};

// Part A: with SSC 0 the first response is encrypted under SSC 1 and the second MACed under
// SSC 2, exactly the counters of the BSI example.
TEST_P(AesSmPrimitives, EncryptionAndMacOfTheBsiWorkedExample) {
    nlohmann::json example =
        cccd::test::vectors("aes-sm.json")["A_bsi_eac_worked_example_primitives"][GetParam()];
    SecureMessagingSession session(aesKeys(example, "ks_enc", "ks_mac", Bytes(16, 0)));

    Bytes first = session.wrapResponse(hexField(example["encryption"], "plaintext"), 0x9000);
    EXPECT_EQ(toHex(session.ssc()), example["encryption"]["ssc"].get<std::string>());
    EXPECT_EQ(cryptogramOf(first), hexField(example["encryption"], "ciphertext"));

    Bytes second = session.wrapResponse({}, 0x9000);
    EXPECT_EQ(toHex(session.ssc()), example["mac"]["ssc"].get<std::string>());
    Bytes expected = hexField(example["mac"], "data"); // DO'99' only
    append(expected, fromHex("8E08"));
    append(expected, hexField(example["mac"], "mac"));
    append(expected, fromHex("9000"));
    EXPECT_EQ(second, expected);
}

INSTANTIATE_TEST_SUITE_P(Bsi, AesSmPrimitives, testing::Values("ecdh", "dh"));

// Part B: unwrap each of the terminal's protected commands, wrap the chip's plain response.
TEST(SecureMessagingSessionTest, ReplaysTheRealChipAesSessionFromTheCardSide) {
    nlohmann::json b = cccd::test::vectors("aes-sm.json")["B_real_chip_DE_session"];
    SecureMessagingSession session(aesKeys(b, "ks_enc", "ks_mac", hexField(b, "ssc_initial")));

    for (const auto& exchange : b["sm_exchanges"]) {
        SCOPED_TRACE(exchange["unprotected_command"].get<std::string>());
        std::optional<CommandApdu> outer =
            parseCommandApdu(hexField(exchange, "protected_command"));
        ASSERT_TRUE(outer);
        auto inner = session.unwrapCommand(*outer);
        ASSERT_TRUE(std::holds_alternative<CommandApdu>(inner));
        EXPECT_EQ(toHex(session.ssc()), exchange["ssc_command"].get<std::string>());
        std::optional<CommandApdu> expected =
            parseCommandApdu(hexField(exchange, "unprotected_command"));
        const auto& command = std::get<CommandApdu>(inner);
        EXPECT_EQ(command.cla, expected->cla);
        EXPECT_EQ(command.ins, expected->ins);
        EXPECT_EQ(command.p1, expected->p1);
        EXPECT_EQ(command.p2, expected->p2);
        EXPECT_EQ(command.data, expected->data);
        EXPECT_EQ(command.ne, expected->ne);

        Bytes plain = hexField(exchange, "unprotected_response");
        ByteView data = ByteView(plain).first(plain.size() - 2);
        auto sw = static_cast<std::uint16_t>((plain[plain.size() - 2] << 8) | plain.back());
        EXPECT_EQ(session.wrapResponse(data, sw), hexField(exchange, "protected_response"));
        EXPECT_EQ(toHex(session.ssc()), exchange["ssc_response"].get<std::string>());
    }
    EXPECT_EQ(toHex(session.ssc()), b["ssc_final"].get<std::string>());
}

TEST(SecureMessagingSessionTest, AesCommandWithAWrongMacAnswers6988) {
    nlohmann::json b = cccd::test::vectors("aes-sm.json")["B_real_chip_DE_session"];
    SecureMessagingSession session(aesKeys(b, "ks_enc", "ks_mac", hexField(b, "ssc_initial")));
    Bytes command = hexField(b["sm_exchanges"][0], "protected_command");
    command[command.size() - 2] ^= 0x01; // last MAC byte, before Le
    auto inner = session.unwrapCommand(*parseCommandApdu(command));
    ASSERT_TRUE(std::holds_alternative<StatusWord>(inner));
    EXPECT_EQ(std::get<StatusWord>(inner), StatusWord::SmDataObjectsIncorrect);
}

TEST(SecureMessagingSessionTest, RestartSwitchesKeysAndCounter) {
    nlohmann::json b = cccd::test::vectors("aes-sm.json")["B_real_chip_DE_session"];
    SessionKeys tdes;
    tdes.encryptionKey = SecureBytes(Bytes(16, 0x11));
    tdes.macKey = SecureBytes(Bytes(16, 0x22));
    tdes.ssc = Bytes(8, 0);
    SecureMessagingSession session(std::move(tdes));
    EXPECT_EQ(session.cipher(), SmCipher::Tdes);
    (void)session.wrapResponse({}, 0x9000);

    session.restart(aesKeys(b, "ks_enc", "ks_mac", hexField(b, "ssc_initial")));
    EXPECT_EQ(session.cipher(), SmCipher::Aes);
    auto inner = session.unwrapCommand(
        *parseCommandApdu(hexField(b["sm_exchanges"][0], "protected_command")));
    EXPECT_TRUE(std::holds_alternative<CommandApdu>(inner));
}

TEST(SecureMessagingSessionTest, RefusesAnSscOfTheWrongSize) {
    SessionKeys keys;
    keys.cipher = SmCipher::Aes;
    keys.encryptionKey = SecureBytes(Bytes(16, 1));
    keys.macKey = SecureBytes(Bytes(16, 2));
    keys.ssc = Bytes(8, 0);
    EXPECT_THROW(SecureMessagingSession{std::move(keys)}, Error);
}

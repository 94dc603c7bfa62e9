// The chip side of BAC and secure messaging against ICAO 9303-11 Appendix D (vectors from
// shared/spec/vectors/icao-bac.json, never retyped).

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "TestTerminal.h"
#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "emulator/card/EmulatedCard.h"
#include "support/TestData.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::statusWord;

namespace {

EmulatedCard icaoCard() {
    nlohmann::json v = cccd::test::vectors("icao-bac.json");
    const auto& d3 = v["D3_authentication_and_session_keys"];
    CardProfile profile;
    profile.name = "icao-appendix-d";
    profile.atr = fromHex("3B80800101");
    profile.mrzInformation = SecureBytes(toBytes(emutest::icaoMrzInformation()));
    profile.applicationFiles = {
        {0x011E, cccd::test::hexField(v["D4_secure_messaging"], "ef_com_reassembled"),
         FileAccess::Bac}};
    return EmulatedCard(std::move(profile),
                        emutest::scriptedRandom({cccd::test::hexField(d3, "rnd_ic"),
                                                 cccd::test::hexField(d3, "k_ic")}));
}

} // namespace

TEST(BacResponderTest, IcaoWorkedExampleFromTheCardSide) {
    nlohmann::json v = cccd::test::vectors("icao-bac.json");
    const auto& d3 = v["D3_authentication_and_session_keys"];
    EmulatedCard card = icaoCard();

    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(card.transmit(cccd::test::hexField(d3, "get_challenge_command")),
              cccd::test::hexField(d3, "get_challenge_response"));
    EXPECT_EQ(card.transmit(cccd::test::hexField(d3, "external_authenticate_command")),
              cccd::test::hexField(d3, "external_authenticate_response"));
    ASSERT_TRUE(card.secureMessagingActive());

    // D.4: protected SELECT EF.COM and two protected READ BINARY, byte for byte.
    for (const auto& exchange : v["D4_secure_messaging"]["exchanges"]) {
        SCOPED_TRACE(exchange["name"].get<std::string>());
        EXPECT_EQ(toHex(card.transmit(cccd::test::hexField(exchange, "protected_command"))),
                  exchange["protected_response"].get<std::string>());
    }
}

// BacFaults: the chip's answer to EXTERNAL AUTHENTICATE with a wrong M.IC, or with a valid M.IC
// over a cryptogram that echoes another RND.IFD (BSI TR-03105-5.1 ISO7816_B_01, B_02).
TEST(BacResponderTest, FaultsChangeTheChipsAnswer) {
    nlohmann::json d3 = cccd::test::vectors("icao-bac.json")["D3_authentication_and_session_keys"];
    Bytes expected = cccd::test::hexField(d3, "external_authenticate_response");
    Bytes seed = crypto::sha1(toBytes(emutest::icaoMrzInformation()));
    seed.resize(16);
    SecureBytes kEnc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
    SecureBytes kMac = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);

    EmulatedCard wrongMac = icaoCard();
    wrongMac.faults().bac.wrongMac = true;
    (void)wrongMac.transmit(cccd::test::hexField(d3, "get_challenge_command"));
    Bytes answer = wrongMac.transmit(cccd::test::hexField(d3, "external_authenticate_command"));
    ASSERT_EQ(answer.size(), expected.size());
    EXPECT_EQ(Bytes(answer.begin(), answer.end() - 3), Bytes(expected.begin(), expected.end() - 3));
    EXPECT_NE(answer, expected);

    EmulatedCard wrongCryptogram = icaoCard();
    wrongCryptogram.faults().bac.wrongCryptogram = true;
    (void)wrongCryptogram.transmit(cccd::test::hexField(d3, "get_challenge_command"));
    answer = wrongCryptogram.transmit(cccd::test::hexField(d3, "external_authenticate_command"));
    ASSERT_EQ(answer.size(), 42u);
    ByteView eIc = ByteView(answer).first(32);
    EXPECT_EQ(crypto::retailMac(kMac, crypto::pad(eIc, 8)),
              Bytes(answer.begin() + 32, answer.end() - 2));
    Bytes r = crypto::tdesCbcDecrypt(kEnc, Bytes(8, 0), eIc);
    Bytes rGood = crypto::tdesCbcDecrypt(kEnc, Bytes(8, 0), ByteView(expected).first(32));
    EXPECT_EQ(r[15], rGood[15] ^ 0x01) << "RND.IFD's last bit";
    r[15] = rGood[15];
    EXPECT_EQ(r, rGood);
    EXPECT_TRUE(wrongCryptogram.secureMessagingActive()) << "the chip keeps its keys";
}

TEST(BacResponderTest, AcceptsLe00OnExternalAuthenticate) {
    nlohmann::json d3 = cccd::test::vectors("icao-bac.json")["D3_authentication_and_session_keys"];
    EmulatedCard card = icaoCard();
    (void)card.transmit(cccd::test::hexField(d3, "get_challenge_command"));
    Bytes command = cccd::test::hexField(d3, "external_authenticate_command");
    command.back() = 0x00;
    EXPECT_EQ(card.transmit(command), cccd::test::hexField(d3, "external_authenticate_response"));
}

TEST(BacResponderTest, WrongMacAnswers6300AndLeavesNoSession) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    EXPECT_EQ(terminal.bac(/*corruptMac=*/true), 0x6300);
    EXPECT_FALSE(card.secureMessagingActive());
    EXPECT_EQ(toHex(card.transmit(fromHex("0CB000000D9701048E080102030405060708"
                                          "00"))),
              "6988");
}

TEST(BacResponderTest, WrongAccessKeyAnswers6300) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, "L898902C<369080619406237");
    EXPECT_EQ(terminal.bac(), 0x6300);
    EXPECT_FALSE(card.secureMessagingActive());
}

TEST(BacResponderTest, StaleChallengeIsRefused) {
    nlohmann::json d3 = cccd::test::vectors("icao-bac.json")["D3_authentication_and_session_keys"];
    EmulatedCard card = icaoCard();
    Bytes command = cccd::test::hexField(d3, "external_authenticate_command");
    EXPECT_EQ(statusWord(card.transmit(command)), 0x6985); // no GET CHALLENGE before
    (void)card.transmit(cccd::test::hexField(d3, "get_challenge_command"));
    EXPECT_EQ(statusWord(card.transmit(command)), 0x9000);
    EXPECT_EQ(statusWord(card.transmit(command)), 0x6985); // challenge used up
}

TEST(BacResponderTest, ExternalAuthenticateChecksLengths) {
    EmulatedCard card = icaoCard();
    (void)card.transmit(fromHex("0084000008"));
    EXPECT_EQ(statusWord(card.transmit(fromHex("008200000401020304"))), 0x6700);
    EXPECT_EQ(statusWord(card.transmit(fromHex("0084000004"))), 0x6700);
}

TEST(SecureMessagingSessionTest, WrongCommandMacAnswers6988AndEndsTheSession) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    ASSERT_EQ(statusWord(terminal.selectFile(0x011E)), 0x9000);

    Bytes tampered = terminal.protect(0xB0, 0, 0, {}, 4, /*corruptMac=*/true);
    EXPECT_EQ(toHex(card.transmit(tampered)), "6988");
    EXPECT_FALSE(card.secureMessagingActive());
    // Plain from now on: the protected file is closed again.
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0000004"))), "6982");
}

TEST(SecureMessagingSessionTest, MissingMacAnswers6987) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    EXPECT_EQ(toHex(card.transmit(fromHex("0CB0000003970104"
                                          "00"))),
              "6987");
    EXPECT_FALSE(card.secureMessagingActive());
}

TEST(SecureMessagingSessionTest, PlainCommandEndsTheSession) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "9000");
    EXPECT_FALSE(card.secureMessagingActive());
}

TEST(SecureMessagingSessionTest, ProtectedErrorStatusKeepsTheSession) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    EXPECT_EQ(toHex(terminal.selectFile(0x010B)), "6A82"); // DG11 absent, answered protected
    EXPECT_TRUE(card.secureMessagingActive());
    EXPECT_EQ(terminal.readFile(0x0101), card.profile().applicationFiles[1].data);
}

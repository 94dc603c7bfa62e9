// PACE through the emulated card's command dispatch (ICAO 9303-11 §4.4.4): MSE:Set AT routing,
// GENERAL AUTHENTICATE chaining, refusals, the secure messaging that follows, and a card that
// offers PACE only.

#include <gtest/gtest.h>

#include "PaceVectors.h"
#include "TestTerminal.h"
#include "base/Error.h"
#include "emulator/card/EmulatedCard.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::paceProfile;
using cccd::emutest::scriptedRandom;
using cccd::emutest::swOf;
using cccd::emutest::text;
using cccd::test::hexField;

namespace {

nlohmann::json g1() {
    return cccd::test::vectors("icao-pace-ecdh-gm.json");
}

CardProfile g1Profile() {
    nlohmann::json v = g1();
    return paceProfile(text(v, "protocol_oid"), v["parameter_id"],
                       text(v["password"], "mrz_information"), "123456");
}

std::deque<Bytes> g1Random() {
    nlohmann::json v = g1();
    return {hexField(v["nonce"], "decrypted_nonce_s"),
            hexField(v["mapping"], "chip_mapping_private_key"),
            hexField(v["key_agreement"], "chip_ephemeral_private_key")};
}

Bytes command(const nlohmann::json& apdus, std::size_t step) {
    return hexField(apdus[step], "command");
}

} // namespace

TEST(PaceCardTest, AppendixG1ThroughTheCardOpensAesSecureMessaging) {
    nlohmann::json v = g1();
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    for (const auto& apdu : v["apdus"]) {
        SCOPED_TRACE(text(apdu, "step"));
        EXPECT_EQ(toHex(card.transmit(hexField(apdu, "command"))), text(apdu, "response"));
    }
    ASSERT_TRUE(card.secureMessagingActive());
    EXPECT_EQ(card.secureMessagingCipher(), SmCipher::Aes);

    // A plain command ends the session, as after BAC.
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "9000");
    EXPECT_FALSE(card.secureMessagingActive());
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0000004"))), "6982");
}

TEST(PaceCardTest, MseWithAProtocolOrParameterTheCardDoesNotOfferAnswers6A80) {
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    // id-PACE-ECDH-GM-AES-CBC-CMAC-256 and id-PACE-DH-GM-AES-CBC-CMAC-128 are not offered.
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040204830101"))), "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040102830101"))), "6A80");
    // The offered protocol with parameter ID 12 instead of 13.
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A412800A04007F0007020204020283010184010C"))),
              "6A80");
    // An OID outside PACE and Chip Authentication, and no OID at all.
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40C80072A8648CE3D0201830101"))), "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A403830101"))), "6A80");
    // The offered protocol with parameter ID 13 explicitly.
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A412800A04007F0007020204020283010184010D"))),
              "9000");
}

// An option on explicit domain parameters is named by its proprietary ID (ICAO 9303-11
// §9.2.2), not by the standardized ID of the group behind it, and runs in that group: Appendix
// G.1 goes through unchanged but for DO 84.
TEST(PaceCardTest, MseNamesExplicitDomainParametersByTheirProprietaryId) {
    CardProfile profile = g1Profile();
    profile.pace[0].explicitParameterId = 0x20;
    EmulatedCard card(profile, scriptedRandom(g1Random()));
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A412800A04007F0007020204020283010184010D"))),
              "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A412800A04007F00070202040202830101840120"))),
              "9000");
    nlohmann::json v = g1();
    for (std::size_t step = 1; step < v["apdus"].size(); ++step) {
        SCOPED_TRACE(text(v["apdus"][step], "step"));
        EXPECT_EQ(toHex(card.transmit(command(v["apdus"], step))),
                  text(v["apdus"][step], "response"));
    }
    EXPECT_TRUE(card.secureMessagingActive());
}

TEST(PaceCardTest, MseWithAPasswordTheCardLacksAnswers6A88) {
    CardProfile profile = g1Profile();
    profile.can = SecureBytes();
    EmulatedCard card(std::move(profile));
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040202830102"))), "6A88");
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040202830103"))), "6A88");
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040202830101"))), "9000");
}

TEST(PaceCardTest, GeneralAuthenticateNeedsMseAndChaining) {
    nlohmann::json apdus = g1()["apdus"];
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    EXPECT_EQ(toHex(card.transmit(command(apdus, 1))), "6985"); // no MSE:Set AT yet

    ASSERT_EQ(toHex(card.transmit(command(apdus, 0))), "9000");
    Bytes unchained = command(apdus, 1);
    unchained[0] = 0x00;
    EXPECT_EQ(toHex(card.transmit(unchained)), "6985");
    EXPECT_EQ(toHex(card.transmit(command(apdus, 1))), "6985") << "the run ended";

    // Chaining on a command other than GENERAL AUTHENTICATE is refused.
    EXPECT_EQ(toHex(card.transmit(fromHex("10A4040C07A0000002471001"))), "6884");
}

TEST(PaceCardTest, ChainedLastStepAnswers6883) {
    nlohmann::json apdus = g1()["apdus"];
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    for (std::size_t step = 0; step < 4; ++step) {
        ASSERT_EQ(swOf(card.transmit(command(apdus, step))), 0x9000) << step;
    }
    Bytes chained = command(apdus, 4);
    chained[0] = 0x10;
    EXPECT_EQ(toHex(card.transmit(chained)), "6883");
    EXPECT_FALSE(card.secureMessagingActive());
}

TEST(PaceCardTest, WrongTerminalTokenAnswers6300AndLeavesNoSession) {
    nlohmann::json apdus = g1()["apdus"];
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    for (std::size_t step = 0; step < 4; ++step) {
        ASSERT_EQ(swOf(card.transmit(command(apdus, step))), 0x9000) << step;
    }
    Bytes wrongToken = command(apdus, 4);
    wrongToken[wrongToken.size() - 2] ^= 0x01;
    EXPECT_EQ(toHex(card.transmit(wrongToken)), "6300");
    EXPECT_FALSE(card.secureMessagingActive());
    EXPECT_EQ(toHex(card.transmit(command(apdus, 4))), "6985") << "the run ended";
}

TEST(PaceCardTest, MappingKeyOffTheCurveAnswers6A80) {
    nlohmann::json apdus = g1()["apdus"];
    EmulatedCard card(g1Profile(), scriptedRandom(g1Random()));
    ASSERT_EQ(toHex(card.transmit(command(apdus, 0))), "9000");
    ASSERT_EQ(swOf(card.transmit(command(apdus, 1))), 0x9000);
    Bytes offCurve = command(apdus, 2);
    offCurve[offCurve.size() - 2] ^= 0x01; // last byte of y
    EXPECT_EQ(toHex(card.transmit(offCurve)), "6A80");
}

TEST(PaceCardTest, TerminalKeyEqualToTheChipsAnswers6A80) {
    nlohmann::json v = g1();
    std::deque<Bytes> random = g1Random();
    random.back() = hexField(v["key_agreement"], "terminal_ephemeral_private_key");
    EmulatedCard card(g1Profile(), scriptedRandom(random));
    for (std::size_t step = 0; step < 3; ++step) {
        ASSERT_EQ(swOf(card.transmit(command(v["apdus"], step))), 0x9000) << step;
    }
    EXPECT_EQ(toHex(card.transmit(command(v["apdus"], 3))), "6A80");
}

TEST(PaceCardTest, PaceOnlyCardRefusesBacButServesCardAccess) {
    CardProfile profile = g1Profile();
    ASSERT_FALSE(profile.offersBac());
    EmulatedCard card(std::move(profile));
    Bytes cardAccess = card.profile().masterFiles[0].data;

    // EF.CardAccess from the MF (SELECT MF itself answers 6D00 like the CCCD).
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4000C023F00"))), "6D00");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011C"))), "9000");
    EXPECT_EQ(emutest::dataOf(card.transmit(fromHex("00B0000000"))), cardAccess);

    // No BAC.
    EXPECT_EQ(toHex(card.transmit(fromHex("0084000008"))), "6D00");
    EXPECT_EQ(toHex(card.transmit(fromHex("0082000028" + std::string(80, '0') + "28"))), "6D00");

    // Inside the application EF.CardAccess stays readable by FID and by short EF identifier.
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(emutest::dataOf(card.transmit(fromHex("00B09C0000"))), cardAccess);
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011C"))), "9000");
    EXPECT_EQ(emutest::dataOf(card.transmit(fromHex("00B0000000"))), cardAccess);
}

TEST(PaceCardTest, CardWithoutPaceRefusesMse) {
    EmulatedCard card(emutest::sampleProfile());
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40F800A04007F00070202040202830101"))), "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("10860000027C0000"))), "6985");
}

TEST(PaceCardTest, ChipAuthenticationAndActiveAuthenticationAreNotThereYet) {
    EmulatedCard card(g1Profile());
    // MSE:Set AT with id-CA-ECDH-AES-CBC-CMAC-128, MSE:Set KAT, INTERNAL AUTHENTICATE.
    EXPECT_EQ(toHex(card.transmit(fromHex("0022C1A40C800A04007F00070202030202"))), "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("002241A603840101"))), "6A80");
    EXPECT_EQ(toHex(card.transmit(fromHex("0088000008010203040506070800"))), "6D00");
}

TEST(PaceCardTest, ProfileWithAnOptionTheCardCannotServeIsRefused) {
    CardProfile unknownGroup = g1Profile();
    unknownGroup.pace = {{"0.4.0.127.0.7.2.2.4.2.2", 7}};
    EXPECT_THROW(EmulatedCard{std::move(unknownGroup)}, Error);

    CardProfile camWithoutKey = g1Profile();
    camWithoutKey.pace = {{"0.4.0.127.0.7.2.2.4.6.2", 13}};
    EXPECT_THROW(EmulatedCard{std::move(camWithoutKey)}, Error);

    CardProfile dhOnACurve = g1Profile();
    dhOnACurve.pace = {{"0.4.0.127.0.7.2.2.4.1.2", 13}};
    EXPECT_THROW(EmulatedCard{std::move(dhOnACurve)}, Error);
}

// The card's side of the Chip and Active Authentication cases of BSI TR-03105-5.1
// (conformance.md §2.5, §2.6): several Chip Authentication keys told apart by the key reference
// DO 84 (ISO7816_D_04/D_05), and the faults of ChipAuthenticityFaults. Driven by the card tests'
// own terminal (BAC, 3DES secure messaging) and OpenSSL keys, never by the SDK's terminal side.
#include <gtest/gtest.h>

#include "TestKeys.h"
#include "TestProfiles.h"
#include "TestTerminal.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

constexpr const char* IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1"; // ICAO 9303-11 §9.2.5

struct TwoKeyCard {
    crypto::EvpPkeyPtr first = emutest::generatedKey("EC", "prime256v1");
    crypto::EvpPkeyPtr second = emutest::generatedKey("EC", "brainpoolP256r1");
    CardProfile profile = emutest::sampleProfile();

    TwoKeyCard() {
        profile.chipAuthenticationProtocol = IdCaEcdh3Des;
        profile.chipAuthenticationKeyPem =
            SecureBytes(toBytes(emutest::privateKeyPem(first.get())));
        profile.chipAuthenticationKeyId = 1;
        profile.additionalChipAuthenticationKeys.push_back(
            {SecureBytes(toBytes(emutest::privateKeyPem(second.get()))), 2, IdCaEcdh3Des});
    }
};

// MSE:Set KAT (ICAO 9303-11 §6.2): DO 91 the terminal's ephemeral key, DO 84 the key reference.
Bytes mseSetKat(ByteView terminalKey, std::optional<std::uint8_t> reference) {
    Bytes data = tlv::encode(0x91, terminalKey);
    if (reference) {
        append(data, tlv::encode(0x84, Bytes{*reference}));
    }
    return data;
}

// The status word of MSE:Set KAT after BAC on a fresh session of the card.
std::uint16_t keyAgreementStatus(EmulatedCard& card, ByteView terminalKey,
                                 std::optional<std::uint8_t> reference) {
    card.reset();
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    EXPECT_EQ(terminal.bac(), 0x9000);
    return emutest::statusWord(
        terminal.secure(0x22, 0x41, 0xA6, mseSetKat(terminalKey, reference), std::nullopt));
}

} // namespace

// DO 84 names the key: a brainpoolP256r1 terminal key agrees with key 2 (brainpool) only. With
// two keys, an MSE:Set without DO 84 names none (ICAO 9303-11 §6.2: required when ambiguous).
TEST(ChipAuthenticityFaultsTest, TwoKeysAreChosenByTheKeyReference) {
    TwoKeyCard keys;
    EmulatedCard card(keys.profile);
    Bytes brainpoolKey =
        emutest::encodedPublicKey(emutest::generatedKey("EC", "brainpoolP256r1").get());
    EXPECT_EQ(keyAgreementStatus(card, brainpoolKey, 2), 0x9000);
    EXPECT_EQ(keyAgreementStatus(card, brainpoolKey, 1), 0x6A80); // not a P-256 point
    EXPECT_EQ(keyAgreementStatus(card, brainpoolKey, std::nullopt), 0x6A80);
    EXPECT_EQ(keyAgreementStatus(card, brainpoolKey, 3), 0x6A80);

    Bytes p256Key = emutest::encodedPublicKey(emutest::generatedKey("EC", "prime256v1").get());
    EXPECT_EQ(keyAgreementStatus(card, p256Key, 1), 0x9000);
}

// ISO7816_D_15: the card answers an unknown key reference with the status word of the fault.
TEST(ChipAuthenticityFaultsTest, UnknownKeyReferenceAnswersTheFaultsStatusWord) {
    TwoKeyCard keys;
    EmulatedCard card(keys.profile);
    Bytes p256Key = emutest::encodedPublicKey(emutest::generatedKey("EC", "prime256v1").get());
    card.faults().chipAuthenticity.unknownKeyReferenceStatus = 0x6A88;
    EXPECT_EQ(keyAgreementStatus(card, p256Key, 9), 0x6A88);
    EXPECT_EQ(keyAgreementStatus(card, p256Key, std::nullopt), 0x6A88);
    EXPECT_EQ(keyAgreementStatus(card, p256Key, 1), 0x9000);
}

// ISO7816_D_03: with the fault, even a card with one key insists on DO 84.
TEST(ChipAuthenticityFaultsTest, RequireKeyReferenceRefusesAnMseWithoutIt) {
    TwoKeyCard keys;
    keys.profile.additionalChipAuthenticationKeys.clear();
    EmulatedCard card(keys.profile);
    Bytes p256Key = emutest::encodedPublicKey(emutest::generatedKey("EC", "prime256v1").get());
    EXPECT_EQ(keyAgreementStatus(card, p256Key, std::nullopt), 0x9000);
    card.faults().chipAuthenticity.requireKeyReference = true;
    EXPECT_EQ(keyAgreementStatus(card, p256Key, std::nullopt), 0x6A80);
    EXPECT_EQ(keyAgreementStatus(card, p256Key, 1), 0x9000);
}

// ISO7816_D_09: after MSE:Set KAT the card refuses the BAC keys (plain 6988), unless the fault
// keeps them.
TEST(ChipAuthenticityFaultsTest, KeepOldKeysFaultStaysOnTheBacSession) {
    TwoKeyCard keys;
    keys.profile.additionalChipAuthenticationKeys.clear();
    Bytes p256Key = emutest::encodedPublicKey(emutest::generatedKey("EC", "prime256v1").get());
    for (bool keep : {false, true}) {
        SCOPED_TRACE(keep);
        EmulatedCard card(keys.profile);
        card.faults().chipAuthenticity.keepOldKeysAfterChipAuthentication = keep;
        emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
        ASSERT_EQ(terminal.bac(), 0x9000);
        Bytes agreed = terminal.secure(0x22, 0x41, 0xA6, mseSetKat(p256Key, 1), std::nullopt);
        ASSERT_EQ(emutest::statusWord(agreed), 0x9000);
        Bytes select = terminal.selectFile(0x011E);
        EXPECT_EQ(toHex(select), keep ? "9000" : "6988");
    }
}

TEST(ChipAuthenticityFaultsTest, AdditionalKeysRoundTripThroughProfileJson) {
    TwoKeyCard keys;
    CardProfile copy = parseProfile(profileToJson(keys.profile));
    ASSERT_EQ(copy.additionalChipAuthenticationKeys.size(), 1u);
    EXPECT_EQ(copy.additionalChipAuthenticationKeys[0].keyId, 2u);
    EXPECT_EQ(copy.additionalChipAuthenticationKeys[0].protocol, IdCaEcdh3Des);
    EXPECT_EQ(toString(copy.additionalChipAuthenticationKeys[0].privateKeyPem.view()),
              toString(keys.profile.additionalChipAuthenticationKeys[0].privateKeyPem.view()));

    keys.profile.chipAuthenticationKeyId.reset(); // several keys need keyIds
    EXPECT_THROW((void)parseProfile(profileToJson(keys.profile)), Error);
}

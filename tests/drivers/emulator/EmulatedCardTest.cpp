// Command processing of the emulated card: SELECT, READ BINARY, access conditions, status words
// (ISO/IEC 7816-4 §5.6 and §11, ICAO 9303-11 §4.3), and the profile's quirks.

#include "emulator/card/EmulatedCard.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "TestTerminal.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::dataOf;
using cccd::emutest::statusWord;

namespace {

std::string sw(ByteView response) {
    return toHex(response.last(2));
}

} // namespace

TEST(EmulatedCardTest, PlainReadOfAnLdsFileBeforeBacAnswers6982) {
    EmulatedCard card(emutest::sampleProfile());
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "9000");
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0000004"))), "6982");
}

TEST(EmulatedCardTest, Dg3AnswersSecurityStatusNotSatisfiedEvenUnderBac) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    EXPECT_EQ(toHex(terminal.selectFile(0x0103)), "6982");
    EXPECT_TRUE(card.secureMessagingActive());
}

TEST(EmulatedCardTest, SelectMasterFileAnswersTheProfileStatus) {
    EmulatedCard vietnamese(emutest::sampleProfile());
    EXPECT_EQ(toHex(vietnamese.transmit(fromHex("00A4000C023F00"))), "6D00");

    CardProfile standard = emutest::sampleProfile();
    standard.selectMfStatus.reset();
    EmulatedCard other(std::move(standard));
    EXPECT_EQ(toHex(other.transmit(fromHex("00A4000C023F00"))), "9000");
}

// ISO/IEC 7816-4 §7.1.1, P1 08: a path from the MF reaches the MF's EF even from inside the
// application and on a card that refuses SELECT MF.
TEST(EmulatedCardTest, SelectByPathFromTheMasterFileReachesItsFiles) {
    EmulatedCard card(emutest::sampleProfile());
    ASSERT_EQ(toHex(card.transmit(fromHex("00A4000C023F00"))), "6D00");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4080C02011C"))), "9000");
    Bytes response = card.transmit(fromHex("00B0000000"));
    EXPECT_EQ(dataOf(response), card.profile().masterFiles[0].data);
    // The MF is the current DF now: EF.COM is the application's.
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "6A82");
    // Application files have no path from the MF here; a longer path is not known either.
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4080C02011E"))), "6A82");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4080C04011C011C"))), "6A82");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4080C03011C01"))), "6700");
}

TEST(EmulatedCardTest, MissingFileAnswers6A82) {
    EmulatedCard card(emutest::sampleProfile());
    (void)card.transmit(fromHex("00A4040C07A0000002471001"));
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02010B"))), "6A82");
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4040C07A0000002471002"))), "6A82");
}

TEST(EmulatedCardTest, CardAccessIsReadableWithoutAuthentication) {
    EmulatedCard card(emutest::sampleProfile());
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011C"))), "9000");
    Bytes response = card.transmit(fromHex("00B0000000"));
    EXPECT_EQ(sw(response), "6282"); // 54 bytes, fewer than Le = 256
    EXPECT_EQ(dataOf(response), card.profile().masterFiles[0].data);
}

TEST(EmulatedCardTest, LdsFilesAreNotVisibleFromTheMasterFile) {
    EmulatedCard card(emutest::sampleProfile());
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "6A82");
}

TEST(EmulatedCardTest, SelectReturnsControlInformationWhenAsked) {
    EmulatedCard card(emutest::sampleProfile());
    Bytes fci = card.transmit(fromHex("00A4040007A000000247100100"));
    EXPECT_EQ(toHex(fci), "6F098407A00000024710019000"); // FCI: DF name
    Bytes fcp = card.transmit(fromHex("00A4020402010200"));
    // FCP: size 80 (20000 = 4E20), descriptor 82 (transparent EF), FID 83.
    EXPECT_EQ(toHex(fcp), "620B80024E2082010183020102"
                          "9000");
}

TEST(EmulatedCardTest, ReadBinaryShortLe00Is256Bytes) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    ASSERT_EQ(statusWord(terminal.selectFile(0x0102)), 0x9000);
    Bytes response = terminal.readBinary(0x0100, 256);
    EXPECT_EQ(sw(response), "9000");
    const Bytes& dg2 = card.profile().applicationFiles[2].data;
    EXPECT_EQ(dataOf(response), Bytes(dg2.begin() + 256, dg2.begin() + 512));
}

TEST(EmulatedCardTest, ReadBinaryExtendedLe0000ReadsTheWholeFile) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    ASSERT_EQ(statusWord(terminal.selectFile(0x0102)), 0x9000);
    Bytes response = terminal.readBinary(0, 65536); // DO'97' 0000
    EXPECT_EQ(sw(response), "6282");
    EXPECT_EQ(dataOf(response), card.profile().applicationFiles[2].data);
}

TEST(EmulatedCardTest, ReadBinaryAtAndBeyondTheEndOfFile) {
    EmulatedCard card(emutest::sampleProfile());
    (void)card.transmit(fromHex("00A4020C02011C"));
    Bytes tail = card.transmit(fromHex("00B0003010")); // offset 48 of 54, Le 16
    EXPECT_EQ(sw(tail), "6282");
    EXPECT_EQ(dataOf(tail).size(), 6u);
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0003601"))), "6282"); // offset = size
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0003701"))), "6B00"); // offset > size
    EXPECT_EQ(sw(card.transmit(fromHex("00B0003006"))), "9000");
}

// A file of 40,000 bytes: the even INS reaches offset 32,767 at most, the odd INS B1 reads on
// with the offset in DO'54' and the bytes in DO'53', under secure messaging in DO'85'.
TEST(EmulatedCardTest, ReadBinaryOddInsReadsPast32767) {
    CardProfile profile = emutest::sampleProfile();
    profile.applicationFiles[2].data = emutest::ldsFile(0x75, 40000);
    const Bytes& dg2 = profile.applicationFiles[2].data;
    EmulatedCard card(profile);
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    ASSERT_EQ(statusWord(terminal.selectFile(0x0102)), 0x9000);

    Bytes raw = card.transmit(
        terminal.protect(0xB1, 0, 0, tlv::encode(0x54, tlv::encodeUnsigned(0x9000)), 100));
    EXPECT_EQ(raw.at(0), 0x85) << "odd INS: the cryptogram in DO'85'";
    Bytes answer = terminal.unprotect(raw);
    EXPECT_EQ(sw(answer), "9000");
    Bytes expected = tlv::encode(0x53, Bytes(dg2.begin() + 0x9000, dg2.begin() + 0x9000 + 98));
    EXPECT_EQ(dataOf(answer), expected) << "DO'53' and its 98 bytes fill Le 100";

    Bytes tail = terminal.readBinaryOdd(39990, 200);
    EXPECT_EQ(sw(tail), "6282");
    EXPECT_EQ(dataOf(tail), tlv::encode(0x53, Bytes(dg2.end() - 10, dg2.end())));
    EXPECT_EQ(sw(terminal.readBinaryOdd(40001, 10)), "6B00");
    EXPECT_EQ(sw(terminal.secure(0xB1, 0, 0, fromHex("5300"), 10)), "6A80") << "no DO'54'";

    // A FID in P1-P2 selects the file; the even INS with the same file stays below 32,768.
    Bytes byFid = terminal.secure(0xB1, 0x01, 0x01, tlv::encode(0x54, Bytes{0x00}), 7);
    EXPECT_EQ(dataOf(byFid),
              tlv::encode(0x53, Bytes(profile.applicationFiles[1].data.begin(),
                                      profile.applicationFiles[1].data.begin() + 5)));
}

// CardProfile::readBeyondEndStatus: a read whose Le reaches past the end is refused whole.
TEST(EmulatedCardTest, ReadBeyondTheEndRefusedWhenTheProfileSaysSo) {
    CardProfile profile = emutest::sampleProfile();
    profile.readBeyondEndStatus = 0x6700;
    EmulatedCard card(parseProfile(profileToJson(profile)));
    (void)card.transmit(fromHex("00A4020C02011C"));
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0003010"))), "6700"); // offset 48 of 54, Le 16
    EXPECT_EQ(sw(card.transmit(fromHex("00B0003006"))), "9000");
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0003701"))), "6B00");
}

TEST(EmulatedCardTest, ReadBinaryPlainExtendedLengthAndShortFileIdentifier) {
    EmulatedCard card(emutest::sampleProfile());
    Bytes whole = card.transmit(fromHex("00B09C00000000")); // SFI 1C, offset 0, Le 0000
    EXPECT_EQ(sw(whole), "6282");
    EXPECT_EQ(dataOf(whole), card.profile().masterFiles[0].data);
}

TEST(EmulatedCardTest, CardWithoutExtendedLengthAnswers6700) {
    EmulatedCard card(emutest::sampleProfile(/*extendedLength=*/false));
    (void)card.transmit(fromHex("00A4020C02011C"));
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0000000000"
                                          "0"))),
              "6700");
    EXPECT_EQ(sw(card.transmit(fromHex("00B0000000"))), "6282");
}

TEST(EmulatedCardTest, WrongLengthUnknownInstructionAndClass) {
    EmulatedCard card(emutest::sampleProfile());
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C03011C"))), "6700");   // Lc 3, 2 bytes follow
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C03011C01"))), "6700"); // FID of 3 bytes
    EXPECT_EQ(toHex(card.transmit(fromHex("00B00000"))), "6700");         // no Le
    EXPECT_EQ(toHex(card.transmit(fromHex("00CA010000"))), "6D00");
    EXPECT_EQ(toHex(card.transmit(fromHex("80A4020C02011C"))), "6E00");
    EXPECT_EQ(toHex(card.transmit(fromHex("00B0000004"))), "6986"); // no current EF
}

TEST(EmulatedCardTest, ResetEndsTheSessionAndReselectsTheMasterFile) {
    EmulatedCard card(emutest::sampleProfile());
    emutest::TestTerminal terminal(card, emutest::icaoMrzInformation());
    ASSERT_EQ(terminal.bac(), 0x9000);
    card.reset();
    EXPECT_FALSE(card.secureMessagingActive());
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4020C02011E"))), "6A82");
}

TEST(EmulatedCardTest, ProfileJsonRoundTrips) {
    CardProfile profile = emutest::sampleProfile();
    profile.activeAuthenticationKeyPem = SecureBytes(toBytes("-----BEGIN PRIVATE KEY-----"));
    CardProfile copy = parseProfile(profileToJson(profile));
    EXPECT_EQ(copy.name, profile.name);
    EXPECT_EQ(copy.atr, profile.atr);
    EXPECT_EQ(toString(copy.mrzInformation.view()), emutest::icaoMrzInformation());
    EXPECT_EQ(copy.selectMfStatus, profile.selectMfStatus);
    ASSERT_EQ(copy.applicationFiles.size(), profile.applicationFiles.size());
    for (const ElementaryFile& original : profile.applicationFiles) {
        auto same = std::find_if(copy.applicationFiles.begin(), copy.applicationFiles.end(),
                                 [&](const ElementaryFile& ef) { return ef.fid == original.fid; });
        ASSERT_NE(same, copy.applicationFiles.end());
        EXPECT_EQ(same->data, original.data);
        EXPECT_EQ(same->access, original.access);
    }
    EXPECT_EQ(copy.masterFiles[0].access, FileAccess::Always);
    EXPECT_EQ(toString(copy.activeAuthenticationKeyPem.view()), "-----BEGIN PRIVATE KEY-----");
}

TEST(EmulatedCardTest, ProfileWithUnknownAccessIsRejected) {
    EXPECT_THROW((void)parseProfile(R"({"format":"cccd-emulator-profile/1","atr":"3B00",
        "access":{},"application":{"0101":{"data":"6100","access":"never"}}})"),
                 Error);
    EXPECT_THROW((void)parseProfile(R"({"format":"other","atr":"3B00","access":{}})"), Error);
}

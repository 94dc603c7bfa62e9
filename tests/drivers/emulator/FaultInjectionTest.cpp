// Fault hooks of the emulated card (conformance.md §6): removal mid-read, corrupted secure
// messaging responses, corrupted files, forced status words.

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "TestTerminal.h"
#include "crypto/Hash.h"
#include "emulator/card/EmulatedCard.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::dataOf;
using cccd::emutest::statusWord;

namespace {

struct Session {
    EmulatedCard card{emutest::sampleProfile()};
    emutest::TestTerminal terminal{card, emutest::icaoMrzInformation()};

    Session() { EXPECT_EQ(terminal.bac(), 0x9000); }
};

} // namespace

TEST(FaultInjectionTest, CardPulledDuringDg2) {
    Session s;
    s.card.faults().removal = FaultPlan::Removal{0x0102, 4096};
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0102)), 0x9000);
    std::size_t offset = 0;
    try {
        for (; offset < 20000; offset += 223) {
            Bytes part = s.terminal.readBinary(offset, 223);
            ASSERT_EQ(statusWord(part), 0x9000);
        }
        FAIL() << "the card never left";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::CardRemoved);
    }
    EXPECT_LE(offset, 4096u);
    EXPECT_GT(offset + 223, 4096u);
    EXPECT_TRUE(s.card.removed());
    EXPECT_THROW((void)s.card.transmit(fromHex("00A4040C07A0000002471001")), Error);

    s.card.insert();
    EXPECT_EQ(toHex(s.card.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
}

TEST(FaultInjectionTest, CorruptResponseMacIsCaughtByTheTerminal) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    s.card.faults().nextResponse.corruptMac = true;
    Bytes raw = s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4));
    EXPECT_THROW((void)s.terminal.unprotect(raw), Error);
    EXPECT_FALSE(s.card.faults().nextResponse.corruptMac); // one-shot
}

TEST(FaultInjectionTest, DroppedStatusObjectIsMissingFromTheResponse) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    s.card.faults().nextResponse.dropObject = 0x99;
    Bytes raw = s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4));
    EXPECT_THROW((void)s.terminal.unprotect(raw), Error);
}

TEST(FaultInjectionTest, ForcedStatusWordEndsTheSession) {
    Session s;
    s.card.faults().nextStatusWord = 0x6987;
    EXPECT_EQ(toHex(s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4))), "6987");
    EXPECT_FALSE(s.card.secureMessagingActive());
}

TEST(FaultInjectionTest, CorruptedDataGroupNoLongerMatchesItsHash) {
    Session s;
    Bytes original = s.terminal.readFile(0x0101);
    s.card.corruptFile(0x0101, 10);
    Bytes corrupted = s.terminal.readFile(0x0101);
    EXPECT_EQ(corrupted.size(), original.size());
    EXPECT_NE(crypto::sha256(corrupted), crypto::sha256(original));
    EXPECT_THROW(s.card.corruptFile(0x0101, 95), Error);
}

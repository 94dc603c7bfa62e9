// Fault hooks of the emulated card (conformance.md §6): removal mid-read, corrupted secure
// messaging responses, corrupted files, forced status words.

#include <chrono>

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

void arm(EmulatedCard& card, std::string_view text) {
    std::variant<CommandFault, std::string> fault = parseCommandFault(text);
    ASSERT_TRUE(std::holds_alternative<CommandFault>(fault)) << std::get<std::string>(fault);
    card.arm(std::get<CommandFault>(fault));
}

// DG1's first `n` bytes as the profile holds them.
Bytes dg1Head(const EmulatedCard& card, std::size_t n) {
    for (const ElementaryFile& ef : card.profile().applicationFiles) {
        if (ef.fid == 0x0101) {
            return Bytes(ef.data.begin(), ef.data.begin() + static_cast<std::ptrdiff_t>(n));
        }
    }
    return {};
}

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

// The per-command faults (FaultPlan::commands): the card does what each one says.

TEST(CommandFaultTest, SkippedOrRepeatedSscFailsTheTerminalsMac) {
    for (const char* fault : {"skip-ssc", "repeat-ssc"}) {
        Session s;
        ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
        arm(s.card, fault);
        EXPECT_THROW((void)s.terminal.readBinary(0, 4), Error) << fault;
        EXPECT_TRUE(s.card.faults().commands.empty()) << fault;
    }
}

TEST(CommandFaultTest, TruncatedResponseLosesItsLastBytes) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    arm(s.card, "truncate 3");
    Bytes raw = s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4));
    EXPECT_EQ(statusWord(raw), 0x9000);
    EXPECT_THROW((void)s.terminal.unprotect(raw), Error);
}

TEST(CommandFaultTest, ExtendedReadGivesMoreThanLe) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    arm(s.card, "extend 5");
    Bytes data = dataOf(s.terminal.readBinary(0, 4));
    EXPECT_EQ(data, dg1Head(s.card, 9));
    arm(s.card, "extend 3 ins=84");
    EXPECT_EQ(s.card.transmit(fromHex("0084000008")).size(), 8u + 3u + 2u); // GET CHALLENGE
}

TEST(CommandFaultTest, StatusOnlyAndFileErrorsHitTheirCommand) {
    Session s;
    arm(s.card, "status-only 6A82 ins=A4 fid=0102");
    arm(s.card, "status-only 6982 ins=B0 fid=0101");
    EXPECT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    EXPECT_EQ(toHex(s.terminal.readBinary(0, 4)), "6982");
    EXPECT_EQ(toHex(s.terminal.readBinary(0, 4)),
              toHex(concat(dg1Head(s.card, 4), Bytes{0x90, 0})));
    EXPECT_EQ(toHex(s.terminal.selectFile(0x0102)), "6A82");
    EXPECT_EQ(toHex(s.terminal.selectFile(0x0102)), "9000"); // once
    arm(s.card, "status-only");
    EXPECT_EQ(toHex(s.terminal.readBinary(0, 4)), "9000"); // no data
    EXPECT_TRUE(s.card.secureMessagingActive());
}

TEST(CommandFaultTest, AlwaysAndNthCommandTriggers) {
    Session s;
    arm(s.card, "status-only 6A82 ins=A4 fid=0102 always");
    EXPECT_EQ(toHex(s.terminal.selectFile(0x0102)), "6A82");
    EXPECT_EQ(toHex(s.terminal.selectFile(0x0102)), "6A82");
    EXPECT_EQ(s.card.faults().commands.size(), 1u);
    s.card.faults().clear();
    // Counted from the reset of the card's construction, as its statistics are.
    std::size_t second = s.card.statistics().commands + 2;
    arm(s.card, "status-only 6F00 at=" + std::to_string(second));
    EXPECT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    EXPECT_EQ(toHex(s.terminal.readBinary(0, 4)), "6F00");
}

TEST(CommandFaultTest, RemoveLeavesItsCommandUnansweredUntilTheCardIsBack) {
    const Bytes selectApplication = fromHex("00A4040C07A0000002471001");
    Session s;
    arm(s.card, "remove at=" + std::to_string(s.card.statistics().commands + 2));
    EXPECT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    try {
        (void)s.terminal.readBinary(0, 4);
        FAIL() << "the card did not leave";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::CardRemoved);
    }
    EXPECT_TRUE(s.card.removed());
    EXPECT_FALSE(s.card.secureMessagingActive());
    EXPECT_TRUE(s.card.faults().commands.empty()) << "once";
    try {
        (void)s.card.transmit(selectApplication);
        FAIL() << "a removed card answered";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::CardRemoved);
    }

    // Back on the reader: powered up afresh, a new session opens.
    s.card.insert();
    EXPECT_FALSE(s.card.removed());
    EXPECT_FALSE(s.card.selectedFile());
    emutest::TestTerminal again{s.card, emutest::icaoMrzInformation()};
    EXPECT_EQ(again.bac(), 0x9000);
    EXPECT_EQ(statusWord(again.selectFile(0x0101)), 0x9000);
    EXPECT_EQ(dataOf(again.readBinary(0, 4)), dg1Head(s.card, 4));
}

TEST(CommandFaultTest, RemoveByInstructionAndFileHitsTheUnwrappedCommand) {
    Session s;
    arm(s.card, "remove ins=B0 fid=0102");
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    EXPECT_EQ(dataOf(s.terminal.readBinary(0, 4)), dg1Head(s.card, 4));
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0102)), 0x9000);
    ASSERT_TRUE(s.card.selectedFile());
    EXPECT_EQ(s.card.selectedFile()->fid, 0x0102);
    EXPECT_EQ(s.card.selectedFile()->df, FileSystem::Df::Application);
    EXPECT_THROW((void)s.terminal.readBinary(0, 4), Error);
    EXPECT_TRUE(s.card.removed());
    EXPECT_TRUE(std::holds_alternative<std::string>(parseCommandFault("remove 3")));
}

TEST(CommandFaultTest, ChainedResponseComesThroughGetResponse) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    arm(s.card, "chain 10");
    Bytes raw = s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 32));
    Bytes joined;
    int pieces = 1;
    while (raw.size() >= 2 && raw[raw.size() - 2] == 0x61) {
        EXPECT_LE(raw.size(), 12u);
        joined.insert(joined.end(), raw.begin(), raw.end() - 2);
        Bytes get = fromHex("00C00000");
        get.push_back(raw.back());
        raw = s.card.transmit(get);
        ++pieces;
    }
    append(joined, raw);
    EXPECT_GT(pieces, 2);
    EXPECT_EQ(s.terminal.unprotect(joined), concat(dg1Head(s.card, 32), Bytes{0x90, 0}));
    EXPECT_TRUE(s.card.secureMessagingActive());
}

TEST(CommandFaultTest, WrongLeAsksForTheExactLength) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    arm(s.card, "wrong-le 16 ins=B0");
    EXPECT_EQ(toHex(s.terminal.readBinary(0, 32)), "6C10");
    EXPECT_EQ(dataOf(s.terminal.readBinary(0, 16)), dg1Head(s.card, 16));
}

TEST(CommandFaultTest, EarlyEndGivesFewerBytesWith6282) {
    Session s;
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    arm(s.card, "early-end 5");
    Bytes answer = s.terminal.readBinary(0, 32);
    EXPECT_EQ(statusWord(answer), 0x6282);
    EXPECT_EQ(dataOf(answer), dg1Head(s.card, 5));
}

TEST(CommandFaultTest, GarbageReplacesTheResponse) {
    Session s;
    arm(s.card, "garbage hex:DEADBEEF");
    EXPECT_EQ(toHex(s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4))), "DEADBEEF");
    arm(s.card, "garbage 7");
    EXPECT_EQ(s.card.transmit(fromHex("0084000008")).size(), 7u);
}

TEST(CommandFaultTest, SlowCardSleepsBeforeAnswering) {
    Session s;
    arm(s.card, "delay 60");
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(60));
}

TEST(CommandFaultTest, ResetDuringSecureMessagingRefusesTheProtectedCommand) {
    Session s;
    arm(s.card, "reset");
    EXPECT_EQ(toHex(s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 4))), "6988");
    EXPECT_FALSE(s.card.secureMessagingActive());
    Session t;
    arm(t.card, "reset 6987");
    EXPECT_EQ(toHex(t.card.transmit(t.terminal.protect(0xA4, 2, 0x0C, fromHex("0101"), {}))),
              "6987");
    // A plain command after a reset is answered as by a fresh card.
    arm(t.card, "reset");
    EXPECT_EQ(t.card.transmit(fromHex("0084000008")).size(), 10u);
}

TEST(CommandFaultTest, LengthOctetsOfAFileAreChanged) {
    Session s;
    Bytes head = dg1Head(s.card, 2);
    arm(s.card, "tlv-length 0101 1 -1");
    ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
    Bytes changed = dataOf(s.terminal.readBinary(0, 2));
    EXPECT_EQ(changed[1], static_cast<std::uint8_t>(head[1] - 1));

    Session t;
    arm(t.card, "oversize-length 0101 1");
    ASSERT_EQ(statusWord(t.terminal.selectFile(0x0101)), 0x9000);
    EXPECT_EQ(toHex(dataOf(t.terminal.readBinary(0, 6))).substr(2), "847FFFFFFF");
    EXPECT_THROW(arm(t.card, "tlv-length 0101 5000 +1"), Error);
}

TEST(CommandFaultTest, ProfileFaultsAreArmedAndRoundTrip) {
    CardProfile profile = emutest::sampleProfile();
    profile.faults = {"status-only 6A82 ins=A4 fid=0102 always", "chain 0 ins=B0"};
    CardProfile back = parseProfile(profileToJson(profile));
    EXPECT_EQ(back.faults, profile.faults);
    EmulatedCard card(back);
    EXPECT_EQ(card.faults().commands.size(), 2u);

    profile.faults = {"explode"};
    try {
        (void)parseProfile(profileToJson(profile));
        FAIL() << "a bad fault was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}

// The secure messaging faults as per-command faults: they hit the command their trigger names,
// here the READ BINARY of DG1 and not the SELECT before it.
TEST(CommandFaultTest, SecureMessagingFaultsHitTheirCommand) {
    for (const char* fault : {"corrupt-mac ins=B0", "corrupt-cryptogram fid=0101 ins=B0",
                              "drop-do 87 ins=B0", "drop-do 99 ins=B0", "drop-do 8E ins=B0"}) {
        SCOPED_TRACE(fault);
        Session s;
        arm(s.card, fault);
        ASSERT_EQ(statusWord(s.terminal.selectFile(0x0101)), 0x9000);
        Bytes raw = s.card.transmit(s.terminal.protect(0xB0, 0, 0, {}, 8));
        bool opened = false;
        try {
            Bytes plain = s.terminal.unprotect(raw);
            opened = dataOf(plain) == dg1Head(s.card, 8);
        } catch (const Error&) {
        }
        EXPECT_FALSE(opened);
        EXPECT_TRUE(s.card.faults().commands.empty());
    }
    std::variant<CommandFault, std::string> bad = parseCommandFault("drop-do 97");
    EXPECT_TRUE(std::holds_alternative<std::string>(bad));
}

// reader::readCard against the emulated card: access, the faults of conformance.md §6 ("APDU-level
// faults", TR-03105-5.1 ISO7816_B_03..B_09), a card pulled mid-read, T=0 transport status words
// and files the session may not read. Every failure must be a typed Error, never a crash or hang.
#include "reader/CardReader.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <variant>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "T0Channels.h"
#include "emulator/card/FaultPlan.h"
#include "reader/Document.h"
#include "reader/ReadState.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

constexpr std::uint16_t Dg2Fid = 0x0102;

// Short reads, so DG2 takes many commands and a fault can land in its middle.
reader::ReadOptions shortReads(std::uint32_t seed = 5) {
    reader::ReadOptions options;
    options.extendedLength = reader::ExtendedLengthMode::Never;
    options.random = seededRandom(seed);
    return options;
}

// Runs `arm` once, from the first progress event of DG2 that leaves part of the file unread:
// the fault then hits the next protected response, in the middle of DG2.
reader::ProgressCallback inTheMiddleOfDg2(std::function<void()> arm) {
    auto armed = std::make_shared<bool>(false);
    return [armed, arm = std::move(arm)](const reader::ReadProgress& p) {
        if (!*armed && p.file == "DG2" && p.bytesRead < p.totalBytes) {
            *armed = true;
            arm();
        }
    };
}

Error readWithFaultInDg2(emulator::EmulatorChannel& card,
                         const std::function<void(emulator::FaultPlan&)>& fault) {
    reader::ReadOptions options = shortReads();
    options.onProgress = inTheMiddleOfDg2([&card, fault] { fault(card.card().faults()); });
    return errorOf([&] { (void)reader::readCard(card, accessKey("vn-basic"), options); });
}

void expectSameFilesAsTheCard(const reader::CardReadout& readout,
                              const emulator::CardProfile& card) {
    EXPECT_EQ(readout.efCom, fileOf(card, 0x011E));
    EXPECT_EQ(readout.efSod, fileOf(card, 0x011D));
    for (int dg : {1, 2, 13, 14, 15}) {
        ASSERT_TRUE(readout.dataGroups.contains(dg)) << "DG" << dg;
        EXPECT_EQ(readout.dataGroups.at(dg), fileOf(card, static_cast<std::uint16_t>(0x0100 + dg)));
    }
}

// One whole inspection (readCard, then interpret) of vn-basic with the card's faults armed.
struct Inspection {
    std::optional<reader::CardReadout> readout;
    std::optional<reader::Document> document;
    std::optional<Error> error;
    std::chrono::milliseconds elapsed{0};
    std::size_t unfired = 0; ///< one-shot faults still pending at the end: they never fired
};

// A read that takes longer than this hangs, as far as these tests are concerned.
constexpr std::chrono::seconds InspectionBound{20};

Inspection inspectWithFaults(const std::vector<std::string>& faults,
                             reader::ReadOptions options = shortReads()) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    for (const std::string& text : faults) {
        std::variant<emulator::CommandFault, std::string> fault = emulator::parseCommandFault(text);
        if (const auto* error = std::get_if<std::string>(&fault)) {
            ADD_FAILURE() << text << ": " << *error;
            return {};
        }
        card.card().arm(std::get<emulator::CommandFault>(fault));
    }
    Inspection out;
    auto start = std::chrono::steady_clock::now();
    try {
        out.readout = reader::readCard(card, accessKey("vn-basic"), options);
        out.document = reader::interpret(*out.readout, trustStore());
    } catch (const Error& e) {
        out.error = e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "an untyped exception: " << e.what();
    }
    out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    EXPECT_LT(out.elapsed, InspectionBound);
    const std::vector<emulator::CommandFault>& pending = card.card().faults().commands;
    out.unfired = static_cast<std::size_t>(
        std::count_if(pending.begin(), pending.end(),
                      [](const emulator::CommandFault& f) { return !f.when.always; }));
    return out;
}

} // namespace

// Chip Authentication proves the chip without signing anything the caller chose; a server's
// nonce as the Active Authentication challenge gets DG15's signature over it as well.
TEST(CardReaderTest, TheCallersChallengeIsSignedAfterChipAuthenticationToo) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::ReadOptions options = shortReads();
    options.activeAuthenticationChallenge = Bytes{1, 2, 3, 4, 5, 6, 7, 8};
    reader::Document d =
        reader::interpret(reader::readCard(card, accessKey("vn-basic"), options), trustStore());

    ASSERT_TRUE(d.readout.chipAuthentication.has_value());
    EXPECT_TRUE(d.readout.chipAuthentication->passed());
    ASSERT_TRUE(d.readout.activeAuthentication.has_value());
    EXPECT_TRUE(d.readout.activeAuthentication->passed());
    EXPECT_EQ(d.readout.activeAuthentication->challenge, options.activeAuthenticationChallenge);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

TEST(CardReaderTest, WithoutAChallengeChipAuthenticationAloneProvesTheChip) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CardReadout readout = reader::readCard(card, accessKey("vn-basic"), shortReads());
    ASSERT_TRUE(readout.chipAuthentication.has_value());
    EXPECT_TRUE(readout.chipAuthentication->passed());
    EXPECT_FALSE(readout.activeAuthentication.has_value());
}

TEST(CardReaderTest, WrongKeyIsAccessDeniedWith6300) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    mrz::MrzKey right = accessKey("vn-basic");
    mrz::MrzKey wrong("000000000", right.birthDate(), right.expiryDate());

    Error e = errorOf([&] { (void)reader::readCard(card, wrong, shortReads()); });
    EXPECT_EQ(e.code(), ErrorCode::AccessDenied) << e.what();
    EXPECT_EQ(e.statusWord(), 0x6300);
    EXPECT_FALSE(card.card().secureMessagingActive());
}

TEST(CardReaderTest, CardRemovedInTheMiddleOfDg2IsCardRemoved) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    std::size_t half = fileOf(card.card().profile(), Dg2Fid).size() / 2;
    card.card().faults().removal = emulator::FaultPlan::Removal{Dg2Fid, half};
    std::size_t dg2BytesSeen = 0;
    reader::ReadOptions options = shortReads();
    options.onProgress = [&](const reader::ReadProgress& p) {
        if (p.file == "DG2") {
            dg2BytesSeen = p.bytesRead;
        }
    };

    Error e = errorOf([&] { (void)reader::readCard(card, accessKey("vn-basic"), options); });
    EXPECT_EQ(e.code(), ErrorCode::CardRemoved) << e.what();
    EXPECT_TRUE(card.card().removed());
    EXPECT_GT(dg2BytesSeen, 0u);
    EXPECT_LE(dg2BytesSeen, half);
}

// With extended length DG2 comes in one READ BINARY: the removal hits that one.
TEST(CardReaderTest, CardRemovedDuringAnExtendedReadIsCardRemoved) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    card.card().faults().removal = emulator::FaultPlan::Removal{Dg2Fid, 100};
    reader::ReadOptions options;
    options.random = seededRandom(5);

    Error e = errorOf([&] { (void)reader::readCard(card, accessKey("vn-basic"), options); });
    EXPECT_EQ(e.code(), ErrorCode::CardRemoved) << e.what();
}

// ISO7816_B_08: a wrong DO8E MAC.
TEST(CardReaderTest, CorruptedResponseMacIsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e =
        readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextResponse.corruptMac = true; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
}

// ISO7816_B_09: a garbled DO87 under a valid MAC; only the padding gives it away. A garbled last
// block unpads by chance about once in 255 keys, so the session keys are fixed by the seeds.
TEST(CardReaderTest, CorruptedCryptogramIsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e = readWithFaultInDg2(
        card, [](emulator::FaultPlan& f) { f.nextResponse.corruptCryptogram = true; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
}

// ISO7816_B_07: no DO99.
TEST(CardReaderTest, MissingDo99IsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e =
        readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextResponse.dropObject = 0x99; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
}

// ISO7816_B_05: no DO8E.
TEST(CardReaderTest, MissingDo8EIsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e =
        readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextResponse.dropObject = 0x8E; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
}

// ISO7816_B_06: no DO87 although data were asked for; the MAC then covers an object that is
// not there.
TEST(CardReaderTest, MissingDo87IsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e =
        readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextResponse.dropObject = 0x87; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
}

// ISO7816_B_04: the chip answers 6988 in plain and drops the session.
TEST(CardReaderTest, PlainSmErrorMidSessionIsSecureMessagingError) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e = readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextStatusWord = 0x6988; });
    EXPECT_EQ(e.code(), ErrorCode::SecureMessaging) << e.what();
    EXPECT_EQ(e.statusWord(), 0x6988);
}

// Any other plain status word mid-read is the card's answer to READ BINARY: CardStatus, SW kept.
TEST(CardReaderTest, PlainErrorStatusMidSessionIsCardStatus) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e = readWithFaultInDg2(card, [](emulator::FaultPlan& f) { f.nextStatusWord = 0x6F00; });
    EXPECT_EQ(e.code(), ErrorCode::CardStatus) << e.what();
    EXPECT_EQ(e.statusWord(), 0x6F00);
}

// ISO/IEC 7816-4 §5.3.4 on T=0: responses come in pieces behind 61XX and GET RESPONSE.
TEST(CardReaderTest, ResponsesSplitWith61XXAreJoined) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    GetResponseChannel t0(card, 64);

    reader::CardReadout readout = reader::readCard(t0, accessKey("vn-basic"), shortReads());
    EXPECT_GT(t0.getResponses(), 0u);
    expectSameFilesAsTheCard(readout, card.card().profile());
}

// A plain (unprotected) 6CXX to a protected READ BINARY: the chip has left secure messaging
// (ICAO 9303-11 §9.8.5), so re-sending the same protected bytes with another Le would only
// meet 6988. Access control runs once more, the file is selected again and the command repeated
// with Le = XX; the read then completes. The protected 6CXX of TR-03105-5.1 ISO7816_C_06 is
// re-asked without that: HostileCardTest.WrongLeAtTheFirstReadIsAskedAgainExactly.
TEST(CardReaderTest, PlainWrongLeUnderSecureMessagingOpensTheChipAgain) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    WrongLeOnceChannel t0(card, 0xB0);
    reader::ReadOptions options = shortReads();
    options.accessPolicy = reader::AccessPolicy::BacOnly; // the first READ BINARY is protected
    reader::CardReadout readout = reader::readCard(t0, accessKey("vn-basic"), options);
    EXPECT_TRUE(t0.answered());
    EXPECT_EQ(readout.secureMessagingRecoveries, 1u);
    expectSameFilesAsTheCard(readout, card.card().profile());
}

// The count of recoveries covers every session of a resumed read: the one the card's removal
// ended is not forgotten.
TEST(CardReaderTest, RecoveriesOfASessionTheCardsRemovalEndedStillCount) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    WrongLeOnceChannel t0(card, 0xB0);
    reader::ReadOptions options = shortReads();
    options.accessPolicy = reader::AccessPolicy::BacOnly;
    reader::ReadState state;
    options.state = &state;
    auto fault = emulator::parseCommandFault("remove ins=B0 at=20");
    ASSERT_TRUE(std::holds_alternative<emulator::CommandFault>(fault));
    card.card().arm(std::get<emulator::CommandFault>(fault));
    EXPECT_THROW((void)reader::readCard(t0, accessKey("vn-basic"), options), Error);
    ASSERT_TRUE(t0.answered());
    EXPECT_EQ(state.secureMessagingRecoveries(), 1u);

    card.card().insert();
    reader::CardReadout readout = reader::readCard(t0, accessKey("vn-basic"), options);
    EXPECT_EQ(readout.sessions, 2u);
    EXPECT_EQ(readout.secureMessagingRecoveries, 1u);
    expectSameFilesAsTheCard(readout, card.card().profile());
}

// BL-30: DG3 is behind EAC (6982 to SELECT); it is skipped with its reason, never fatal.
TEST(CardReaderTest, Dg3BehindEacIsSkippedAsAccessDenied) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CardReadout readout = reader::readCard(card, accessKey("vn-basic"), shortReads());

    EXPECT_FALSE(readout.dataGroups.contains(3));
    auto dg3 = std::find_if(readout.skipped.begin(), readout.skipped.end(),
                            [](const reader::SkippedFile& s) { return s.dataGroup == 3; });
    ASSERT_NE(dg3, readout.skipped.end());
    EXPECT_EQ(dg3->reason, "access_denied");
    EXPECT_EQ(readout.skipped.size(), 1u);
    expectSameFilesAsTheCard(readout, card.card().profile());
}

// The hostile-card faults (FaultPlan::commands) that change what the card delivers: every one
// ends in a typed Error or in a document that is not verified, in bounded time.
TEST(CardReaderFaultTest, CorruptingFaultsNeverGiveAVerifiedDocument) {
    const std::vector<std::string> faults = {
        "skip-ssc ins=B0 fid=0102",
        "repeat-ssc ins=B0 fid=0102",
        "truncate 3 ins=B0 fid=0102",
        "truncate 1 ins=B0 fid=0101",
        "extend 4 ins=B0 fid=0102",
        "status-only ins=B0 fid=0102",
        "status-only ins=B0 fid=0102 always",
        "status-only 6A82 ins=A4 fid=0101",
        "status-only 6A82 ins=A4 fid=011D",
        "status-only 6982 ins=B0 fid=0101",
        "status-only 6982 ins=B0 fid=0102 always",
        "status-only 6A82 ins=B0 fid=0102",
        "early-end 0 ins=B0 fid=0102 always",
        "wrong-le 0 ins=B0 fid=0102 always",
        "wrong-le 300 ins=B0 fid=0102 always",
        "garbage 16 ins=B0 fid=0102",
        "garbage 1 ins=B0 fid=0101",
        "garbage hex:9000 ins=B0 fid=0102",
        "garbage hex:6100 ins=B0 fid=0102 always",
        "reset ins=B0 fid=0102",
        "reset 6987 ins=A4 fid=0102",
        "tlv-length 0101 1 +1",
        "tlv-length 0101 1 -1",
        "tlv-length 0101 3 +7",
        "tlv-length 0102 2 -1",
        "oversize-length 0101 1",
        "oversize-length 0102 1",
        "oversize-length 011D 1",
    };
    for (const std::string& fault : faults) {
        SCOPED_TRACE(fault);
        Inspection inspection = inspectWithFaults({fault});
        EXPECT_EQ(inspection.unfired, 0u) << "the fault never fired";
        if (inspection.document) {
            EXPECT_FALSE(inspection.document->verified());
        } else {
            EXPECT_TRUE(inspection.error.has_value());
        }
    }
}

// Faults a reader should get through: 61XX chains (T=0), one 6CXX, 6282 with data, a slow
// card. The record then equals the card's files and the document is verified.
TEST(CardReaderFaultTest, RecoverableFaultsGiveTheFaultFreeRecord) {
    const std::vector<std::string> faults = {
        "chain 50 always",
        "chain 0 ins=B0 fid=0102 always",
        "chain 0 ins=B0 fid=0102",
        "wrong-le 64 ins=B0 fid=0102",
        "wrong-le 64 ins=B0 fid=0101",
        "early-end ins=B0 fid=0102",
        "early-end 1000 ins=B0 fid=0101",
        "early-end 1000 ins=B0 always",
        "delay 20 ins=B0 fid=0101",
        "early-end ins=B0 fid=011C",
        "wrong-le 8 ins=B0 fid=011C",
        "chain 1 at=1",
    };
    for (const std::string& fault : faults) {
        SCOPED_TRACE(fault);
        Inspection inspection = inspectWithFaults({fault});
        EXPECT_EQ(inspection.unfired, 0u) << "the fault never fired";
        ASSERT_FALSE(inspection.error) << inspection.error->what();
        ASSERT_TRUE(inspection.document);
        expectSameFilesAsTheCard(*inspection.readout, profile("vn-basic"));
        EXPECT_TRUE(inspection.document->verified());
    }
}

// A card too slow for the caller: its time limit (the cancel flag) ends the read between two
// commands with Error(Cancelled), long before the card would have finished.
TEST(CardReaderFaultTest, SlowCardIsCancelledByTheCallersTimeout) {
    std::atomic<bool> cancel{false};
    reader::ReadOptions options = shortReads();
    options.cancel = &cancel;
    std::thread timer([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    Inspection inspection = inspectWithFaults({"delay 100 ins=B0 always"}, std::move(options));
    timer.join();
    ASSERT_TRUE(inspection.error);
    EXPECT_EQ(inspection.error->code(), ErrorCode::Cancelled) << inspection.error->what();
    EXPECT_LT(inspection.elapsed, std::chrono::seconds(3));
}

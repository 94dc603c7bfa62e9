// Card loss and resume (reader::ReadState): the card pulled at every command of a full read
// ends the read with Error(CardRemoved); put back, the read goes on in a new session from the
// last finished file and offset, reads no byte twice, and gives the uninterrupted read's
// record. A resume onto another card is refused or fails verification.
#include "reader/ReadState.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "reader/CardReader.h"
#include "reader/Document.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGetChallenge = 0x84;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint16_t Dg2Fid = 0x0102;

/// One READ BINARY that was answered: the file (current DF and FID, as the card says) and the
/// offset.
using FileRead = std::tuple<int, std::uint16_t, std::size_t>;

/// One command's header as it went out: secure messaging authenticates the header but leaves
/// it in clear (ICAO 9303-11 §9.8).
struct Command {
    std::uint8_t cla = 0;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;

    [[nodiscard]] bool plain() const { return (cla & 0x0C) == 0; }
};

// Between the reader and the in-process card: which file each answered READ BINARY read and
// from where (the header of a protected command is in clear; the card tells which EF is
// selected, since the SELECT's data is encrypted), and every command sent.
class ReadRecorder : public transport::CardChannel {
public:
    explicit ReadRecorder(emulator::EmulatorChannel& card) : m_card(card) {}

    Bytes transmit(ByteView command) override {
        Command sent{command[0], command[1], command[2], command[3]};
        m_sent.push_back(sent);
        Bytes response = m_card.transmit(command); // a removed card throws: nothing answered
        if (sent.ins == InsReadBinary) {
            std::optional<emulator::EmulatedCard::SelectedFile> file = m_card.card().selectedFile();
            EXPECT_TRUE(file) << "READ BINARY without a selected file";
            if (file) {
                m_reads.emplace_back(static_cast<int>(file->df), file->fid,
                                     std::size_t(sent.p1) << 8 | sent.p2);
            }
        }
        return response;
    }

    Bytes atr() const override { return m_card.atr(); }

    transport::ChannelCapabilities capabilities() const override { return m_card.capabilities(); }

    [[nodiscard]] const std::vector<FileRead>& reads() const { return m_reads; }

    [[nodiscard]] const std::vector<Command>& sent() const { return m_sent; }

    /// BAC or PACE runs begun: GET CHALLENGE, or MSE:Set AT for PACE (C1A4), in plain.
    [[nodiscard]] std::size_t accessRuns() const {
        return static_cast<std::size_t>(std::count_if(m_sent.begin(), m_sent.end(), [](auto c) {
            return c.plain() && (c.ins == InsGetChallenge ||
                                 (c.ins == InsManageSecurityEnvironment && c.p1 == 0xC1));
        }));
    }

private:
    emulator::EmulatorChannel& m_card;
    std::vector<FileRead> m_reads;
    std::vector<Command> m_sent;
};

struct Reference {
    reader::CardReadout readout;
    std::vector<FileRead> reads;
    std::vector<Command> sent;
    /// The number of the command that completes BAC or PACE (the last plain EXTERNAL or GENERAL
    /// AUTHENTICATE): a cut after it falls into an opened session.
    std::size_t accessDone = 0;
};

struct Card {
    std::shared_ptr<emulator::EmulatedCard> card;
    emulator::EmulatorChannel channel;

    explicit Card(const emulator::CardProfile& cardProfile, std::uint32_t seed = 7)
        : card(std::make_shared<emulator::EmulatedCard>(cardProfile, seededRandom(seed))),
          channel(card) {}
};

reader::ReadOptions optionsFor(reader::ExtendedLengthMode mode, std::uint32_t seed,
                               reader::ReadState* state = nullptr) {
    reader::ReadOptions options;
    options.extendedLength = mode;
    options.random = seededRandom(seed);
    options.state = state;
    return options;
}

Reference referenceRead(const emulator::CardProfile& cardProfile, const mrz::MrzKey& key,
                        reader::ExtendedLengthMode mode) {
    Card card(cardProfile);
    ReadRecorder recorder(card.channel);
    Reference out{reader::readCard(recorder, key, optionsFor(mode, 5)), recorder.reads(),
                  recorder.sent()};
    for (std::size_t i = 0; i < out.sent.size(); ++i) {
        const Command& c = out.sent[i];
        if (c.plain() && (c.ins == InsExternalAuthenticate || c.ins == InsGeneralAuthenticate)) {
            out.accessDone = i + 1;
        }
    }
    return out;
}

void arm(emulator::EmulatedCard& card, const std::string& text) {
    std::variant<emulator::CommandFault, std::string> fault = emulator::parseCommandFault(text);
    ASSERT_TRUE(std::holds_alternative<emulator::CommandFault>(fault)) << text;
    card.arm(std::get<emulator::CommandFault>(fault));
}

std::vector<std::pair<int, std::string>> skippedOf(const reader::CardReadout& readout) {
    std::vector<std::pair<int, std::string>> out;
    for (const reader::SkippedFile& s : readout.skipped) {
        out.emplace_back(s.dataGroup, s.reason);
    }
    return out;
}

// The record, as far as the card decides it: files, skipped files, how the chip was opened and
// proved.
void expectSameRecord(const reader::CardReadout& got, const reader::CardReadout& want) {
    EXPECT_EQ(got.atr, want.atr);
    EXPECT_EQ(got.efCardAccess, want.efCardAccess);
    EXPECT_EQ(got.efCardSecurity, want.efCardSecurity);
    EXPECT_EQ(got.efCom, want.efCom);
    EXPECT_EQ(got.efSod, want.efSod);
    EXPECT_EQ(got.dataGroups, want.dataGroups);
    EXPECT_EQ(skippedOf(got), skippedOf(want));
    EXPECT_EQ(got.extendedLength, want.extendedLength);
    EXPECT_EQ(got.access.protocol, want.access.protocol);
    EXPECT_EQ(got.access.paceProtocol, want.access.paceProtocol);
    EXPECT_EQ(got.chipAuthenticationMapping.has_value(),
              want.chipAuthenticationMapping.has_value());
    if (got.chipAuthenticationMapping) {
        EXPECT_TRUE(got.chipAuthenticationMapping->passed());
    }
    ASSERT_EQ(got.chipAuthentication.has_value(), want.chipAuthentication.has_value());
    if (got.chipAuthentication) {
        EXPECT_EQ(got.chipAuthentication->status, want.chipAuthentication->status);
    }
    ASSERT_EQ(got.activeAuthentication.has_value(), want.activeAuthentication.has_value());
    if (got.activeAuthentication) {
        EXPECT_EQ(got.activeAuthentication->status, want.activeAuthentication->status);
    }
}

std::vector<FileRead> sorted(std::vector<FileRead> reads) {
    std::sort(reads.begin(), reads.end());
    return reads;
}

struct LoopCase {
    const char* persona;
    reader::ExtendedLengthMode mode;
};

class ReadStateLoopTest : public ::testing::TestWithParam<LoopCase> {};

} // namespace

// Issue "card loss and resume": for every command i of a full read, the card leaves at i (the
// command goes unanswered), comes back, and the read resumes with the same state.
TEST_P(ReadStateLoopTest, CardPulledAtEveryCommandResumesToTheUninterruptedRecord) {
    const LoopCase param = GetParam();
    const emulator::CardProfile cardProfile = profile(param.persona);
    const mrz::MrzKey key = accessKey(param.persona);
    const Reference reference = referenceRead(cardProfile, key, param.mode);
    const verify::TrustStore trust = trustStore();
    ASSERT_TRUE(reader::interpret(reference.readout, trust).verified());
    ASSERT_GT(reference.accessDone, 0u);
    const auto started = std::chrono::steady_clock::now();

    for (std::size_t cut = 1; cut <= reference.sent.size(); ++cut) {
        SCOPED_TRACE("card pulled at command " + std::to_string(cut));
        Card card(cardProfile, static_cast<std::uint32_t>(cut));
        arm(*card.card, "remove at=" + std::to_string(cut));
        reader::ReadState state;

        ReadRecorder interrupted(card.channel);
        Error e = errorOf(
            [&] { (void)reader::readCard(interrupted, key, optionsFor(param.mode, 11, &state)); });
        ASSERT_EQ(e.code(), ErrorCode::CardRemoved) << e.what();
        ASSERT_EQ(interrupted.sent().size(), cut);
        EXPECT_FALSE(state.empty());

        card.card->insert(); // back on the reader, powered up afresh
        ReadRecorder resumed(card.channel);
        reader::CardReadout readout =
            reader::readCard(resumed, key, optionsFor(param.mode, 13, &state));

        expectSameRecord(readout, reference.readout);
        EXPECT_TRUE(reader::interpret(readout, trust).verified());
        EXPECT_TRUE(state.empty()) << "a completed read leaves nothing behind";
        // A new BAC or PACE run, and the session count says whether the first one had opened.
        EXPECT_EQ(resumed.accessRuns(), 1u);
        EXPECT_EQ(readout.sessions, cut > reference.accessDone ? 2u : 1u);
        // Together the two sessions read what one read does, and nothing twice.
        std::vector<FileRead> both = interrupted.reads();
        both.insert(both.end(), resumed.reads().begin(), resumed.reads().end());
        EXPECT_EQ(sorted(both), sorted(reference.reads));
        const Command& pulled = reference.sent[cut - 1];
        bool pulledAtProtectedRead = !pulled.plain() && pulled.ins == InsReadBinary;
        EXPECT_EQ(readout.readBinaryCommands,
                  reference.readout.readBinaryCommands + (pulledAtProtectedRead ? 1 : 0));
    }
    std::cout << "[ timing   ] " << param.persona << ": " << reference.sent.size() << " cuts in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - started)
                     .count()
              << " ms\n";
}

INSTANTIATE_TEST_SUITE_P(
    Cards, ReadStateLoopTest,
    ::testing::Values(LoopCase{"vn-basic", reader::ExtendedLengthMode::Auto},
                      LoopCase{"vn-basic", reader::ExtendedLengthMode::Never},
                      LoopCase{"pace-cam-p256", reader::ExtendedLengthMode::Auto},
                      LoopCase{"aa-ecdsa", reader::ExtendedLengthMode::Auto},
                      LoopCase{"bac-only", reader::ExtendedLengthMode::Never}),
    [](const auto& param) {
        std::string name = param.param.persona;
        std::replace(name.begin(), name.end(), '-', '_');
        return name + (param.param.mode == reader::ExtendedLengthMode::Never ? "_short" : "");
    });

// Progress stays meaningful: the resumed file is reported from where it stopped, and the files
// finished before are not reported again.
TEST(ReadStateTest, ProgressTakesTheFileUpWhereItStopped) {
    const emulator::CardProfile cardProfile = profile("vn-basic");
    Card card(cardProfile);
    std::size_t dg2Size = fileOf(cardProfile, Dg2Fid).size();
    card.card->faults().removal = emulator::FaultPlan::Removal{Dg2Fid, dg2Size / 2};
    reader::ReadState state;
    Error e = errorOf([&] {
        (void)reader::readCard(card.channel, accessKey("vn-basic"),
                               optionsFor(reader::ExtendedLengthMode::Never, 3, &state));
    });
    ASSERT_EQ(e.code(), ErrorCode::CardRemoved);
    std::optional<std::pair<std::string, std::size_t>> unfinished = state.unfinishedFile();
    ASSERT_TRUE(unfinished);
    EXPECT_EQ(unfinished->first, "DG2");
    EXPECT_GT(unfinished->second, 0u);
    EXPECT_LE(unfinished->second, dg2Size / 2);
    EXPECT_EQ(state.finishedFiles(), 5u) << "EF.ATR/INFO, EF.COM, EF.SOD, DG1, DG13";

    card.card->insert();
    std::vector<reader::ReadProgress> events;
    reader::ReadOptions options = optionsFor(reader::ExtendedLengthMode::Never, 4, &state);
    options.onProgress = [&](const reader::ReadProgress& p) { events.push_back(p); };
    reader::CardReadout readout = reader::readCard(card.channel, accessKey("vn-basic"), options);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().file, "DG2");
    EXPECT_EQ(events.front().bytesRead, unfinished->second);
    EXPECT_EQ(events.front().totalBytes, dg2Size);
    for (const reader::ReadProgress& p : events) {
        EXPECT_NE(p.file, "EF.COM");
        EXPECT_NE(p.file, "EF.SOD");
        EXPECT_NE(p.file, "DG1");
        EXPECT_NE(p.file, "DG13");
    }
    EXPECT_EQ(readout.dataGroups.at(2), fileOf(cardProfile, Dg2Fid));
    EXPECT_EQ(readout.sessions, 2u);
}

// A card with another ATR is refused before any command, and the state stays good for the
// right card. One the access key does not open is refused by BAC or PACE.
TEST(ReadStateTest, ResumeOntoAnotherCardIsRefused) {
    const emulator::CardProfile cardProfile = profile("vn-basic");
    const mrz::MrzKey key = accessKey("vn-basic");
    Card card(cardProfile);
    card.card->faults().removal = emulator::FaultPlan::Removal{Dg2Fid, 4000};
    reader::ReadState state;
    const reader::ReadOptions options = optionsFor(reader::ExtendedLengthMode::Never, 3, &state);
    ASSERT_EQ(errorOf([&] { (void)reader::readCard(card.channel, key, options); }).code(),
              ErrorCode::CardRemoved);
    auto unfinished = state.unfinishedFile();

    emulator::CardProfile otherProfile = profile("vn-long-residence");
    ASSERT_NE(otherProfile.atr, cardProfile.atr);
    Card other(otherProfile);
    EXPECT_FALSE(state.belongsTo(other.channel.atr()));
    Error e = errorOf([&] { (void)reader::readCard(other.channel, key, options); });
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << e.what();
    EXPECT_EQ(other.card->statistics().commands, 0u);

    otherProfile.atr = cardProfile.atr; // the same model: only the key tells them apart
    Card sameModel(otherProfile);
    e = errorOf([&] { (void)reader::readCard(sameModel.channel, key, options); });
    EXPECT_EQ(e.code(), ErrorCode::AccessDenied) << e.what();

    EXPECT_EQ(state.unfinishedFile(), unfinished);
    card.card->insert();
    reader::CardReadout readout = reader::readCard(card.channel, key, options);
    EXPECT_EQ(readout.dataGroups.at(2), fileOf(cardProfile, Dg2Fid));
    EXPECT_EQ(readout.sessions, 2u) << "the refused PACE opened no session";
    EXPECT_TRUE(reader::interpret(readout, trustStore()).verified());
}

// The worst case: a card of the same model that the same key opens (two cards whose CAN or MRZ
// key collide). At every cut, the resumed read is refused or does not verify, unless the
// second card gave every signed file (then the record is wholly the second card's).
TEST(ReadStateTest, ResumeOntoACardTheKeyAlsoOpensNeverVerifiesAMix) {
    const emulator::CardProfile cardProfile = profile("vn-basic");
    const mrz::MrzKey key = accessKey("vn-basic");
    emulator::CardProfile impostor = profile("vn-long-residence");
    impostor.atr = cardProfile.atr;
    impostor.mrzInformation = cardProfile.mrzInformation;
    impostor.can = cardProfile.can;
    const Reference reference = referenceRead(cardProfile, key, reader::ExtendedLengthMode::Auto);
    const Reference impostorReference =
        referenceRead(impostor, key, reader::ExtendedLengthMode::Auto);
    const verify::TrustStore trust = trustStore();
    // The impostor's own DG1 is not the key that opened it: the content checks (DG1 against the
    // MRZ key) already refuse it alone. Mixes are held to the same rule below.
    EXPECT_FALSE(reader::interpret(impostorReference.readout, trust).verified());

    std::size_t unverified = 0;
    for (std::size_t cut = 1; cut <= reference.sent.size(); ++cut) {
        SCOPED_TRACE("card pulled at command " + std::to_string(cut));
        Card card(cardProfile);
        arm(*card.card, "remove at=" + std::to_string(cut));
        reader::ReadState state;
        const reader::ReadOptions options = optionsFor(reader::ExtendedLengthMode::Auto, 3, &state);
        ASSERT_EQ(errorOf([&] { (void)reader::readCard(card.channel, key, options); }).code(),
                  ErrorCode::CardRemoved);
        bool sodFromTheFirstCard = state.finished("EF.SOD") != nullptr;

        Card other(impostor);
        try {
            reader::CardReadout readout = reader::readCard(other.channel, key, options);
            if (!reader::interpret(readout, trust).verified()) {
                ++unverified;
                continue;
            }
            EXPECT_FALSE(sodFromTheFirstCard) << "a mix of two cards verified";
            EXPECT_EQ(readout.efSod, impostorReference.readout.efSod);
            EXPECT_EQ(readout.dataGroups, impostorReference.readout.dataGroups);
        } catch (const Error&) {
            ++unverified; // refused: also fine
        }
    }
    EXPECT_GT(unverified, reference.sent.size() / 2);
}

TEST(ReadStateTest, ClearForgetsTheCardAndItsFiles) {
    const emulator::CardProfile cardProfile = profile("vn-basic");
    Card card(cardProfile);
    card.card->faults().removal = emulator::FaultPlan::Removal{Dg2Fid, 100};
    reader::ReadState state;
    EXPECT_TRUE(state.empty());
    EXPECT_TRUE(state.belongsTo(Bytes{0x3B, 0x00}));
    (void)errorOf([&] {
        (void)reader::readCard(card.channel, accessKey("vn-basic"),
                               optionsFor(reader::ExtendedLengthMode::Auto, 3, &state));
    });
    EXPECT_FALSE(state.empty());
    EXPECT_TRUE(state.cardAccess());
    EXPECT_EQ(state.sessions(), 1u);
    EXPECT_FALSE(state.belongsTo(Bytes{0x3B, 0x00}));
    state.clear();
    EXPECT_TRUE(state.empty());
    EXPECT_EQ(state.finishedFiles(), 0u);
    EXPECT_FALSE(state.unfinishedFile());
    EXPECT_TRUE(state.belongsTo(Bytes{0x3B, 0x00}));
}

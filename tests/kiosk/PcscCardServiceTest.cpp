// The counter's card service on its worker thread, over an emulated terminal instead of pcscd:
// events in order, never blocking the caller, the read timeout, a read the card's removal broke
// off continued when the card is back (and read afresh after the session's end, with another key
// or on another card), and a whole session through the workflow with events handed across
// threads.
#include "kiosk/core/PcscCardService.h"

#include <functional>
#include <mutex>

#include <gtest/gtest.h>

#include "KioskTestSupport.h"
#include "kiosk/core/CardEventQueue.h"
#include "kiosk/core/Workflow.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

using namespace std::chrono_literals;

constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsReadBinaryOdd = 0xB1;
constexpr std::uint16_t Dg2Fid = 0x0102;

// The emulated card's channel, counting the READ BINARY commands sent (the header of a protected
// command is in clear, ICAO 9303-11 §9.8).
class CountingChannel : public transport::CardChannel {
public:
    CountingChannel(std::shared_ptr<emulator::EmulatedCard> card, std::atomic<int>& readBinaries)
        : m_channel(std::move(card)), m_readBinaries(readBinaries) {}

    Bytes transmit(ByteView command) override {
        if (command.size() >= 2 &&
            (command[1] == InsReadBinary || command[1] == InsReadBinaryOdd)) {
            ++m_readBinaries;
        }
        return m_channel.transmit(command);
    }

    Bytes atr() const override { return m_channel.atr(); }

    transport::ChannelCapabilities capabilities() const override {
        return m_channel.capabilities();
    }

    std::string readerName() const override { return m_channel.readerName(); }

    void watchCancel(const std::atomic<bool>* flag) override { m_channel.watchCancel(flag); }

private:
    emulator::EmulatorChannel m_channel;
    std::atomic<int>& m_readBinaries;
};

// A reader the test puts a card on and takes it off.
class EmulatedTerminal : public CardTerminal {
public:
    EmulatedTerminal(std::function<std::shared_ptr<emulator::EmulatedCard>()> card,
                     std::atomic<bool>& present, std::atomic<int>& readBinaries)
        : m_card(std::move(card)), m_present(present), m_readBinaries(readBinaries) {}

    std::string waitForCard(std::chrono::milliseconds timeout,
                            const std::atomic<bool>& stop) override {
        auto end = std::chrono::steady_clock::now() + timeout;
        while (!m_present) {
            if (stop) {
                throw Error(ErrorCode::Cancelled, "stopped");
            }
            if (std::chrono::steady_clock::now() > end) {
                throw Error(ErrorCode::Timeout, "no card");
            }
            std::this_thread::sleep_for(5ms);
        }
        return "Emulated Reader 0";
    }

    bool waitForRemoval(const std::string&, std::chrono::milliseconds timeout) override {
        auto end = std::chrono::steady_clock::now() + timeout;
        while (m_present) {
            if (std::chrono::steady_clock::now() > end) {
                return false;
            }
            std::this_thread::sleep_for(5ms);
        }
        return true;
    }

    std::unique_ptr<transport::CardChannel> connect(const std::string&) override {
        std::shared_ptr<emulator::EmulatedCard> card = m_card();
        card->reset();
        return std::make_unique<CountingChannel>(std::move(card), m_readBinaries);
    }

private:
    std::function<std::shared_ptr<emulator::EmulatedCard>()> m_card;
    std::atomic<bool>& m_present;
    std::atomic<int>& m_readBinaries;
};

// What the card decides of a record: its files, what was skipped, how the chip proved itself.
void expectSameRecord(const reader::Document& got, const reader::Document& want) {
    EXPECT_EQ(got.readout.atr, want.readout.atr);
    EXPECT_EQ(got.readout.efCardAccess, want.readout.efCardAccess);
    EXPECT_EQ(got.readout.efCom, want.readout.efCom);
    EXPECT_EQ(got.readout.efSod, want.readout.efSod);
    EXPECT_EQ(got.readout.dataGroups, want.readout.dataGroups);
    EXPECT_EQ(got.readout.skipped.size(), want.readout.skipped.size());
    EXPECT_EQ(got.readout.access.protocol, want.readout.access.protocol);
    EXPECT_EQ(got.chipVerdict(), want.chipVerdict());
    EXPECT_EQ(got.verified(), want.verified());
}

class PcscCardServiceTest : public ::testing::Test {
protected:
    void start(std::chrono::milliseconds readTimeout = 30s) {
        PcscCardServiceOptions options;
        options.readTimeout = readTimeout;
        options.trustStore = readertest::trustStore();
        options.openTerminal = [this] {
            return std::make_unique<EmulatedTerminal>([this] { return card(); }, m_present,
                                                      m_readBinaries);
        };
        m_service = std::make_unique<PcscCardService>(std::move(options));
        m_service->setSink(m_events.sink());
        m_service->start();
    }

    CardEvent next() {
        std::optional<CardEvent> event = m_events.pop(30s);
        if (!event) {
            ADD_FAILURE() << "no event within 30 s";
            return ReadFailed{ErrorCode::Timeout};
        }
        return std::move(*event);
    }

    /// The next event that is not progress; the progress before it goes to m_progress.
    CardEvent nextOutcome() {
        m_progress.clear();
        CardEvent event = next();
        while (std::holds_alternative<ReadProgressed>(event)) {
            ++m_progressEvents;
            m_progress.push_back(std::get<ReadProgressed>(event));
            event = next();
        }
        return event;
    }

    /// The card on the reader (the worker thread asks on connecting).
    std::shared_ptr<emulator::EmulatedCard> card() {
        std::lock_guard lock(m_cardMutex);
        return m_onReader ? m_onReader : m_card;
    }

    /// `card` is put on the reader.
    void putDown(std::shared_ptr<emulator::EmulatedCard> card) {
        {
            std::lock_guard lock(m_cardMutex);
            m_onReader = std::move(card);
        }
        m_present = true;
        ASSERT_TRUE(std::holds_alternative<CardPresent>(next()));
    }

    /// The card is taken off the reader (after a removal fault: its reader notices too).
    void takeAway() {
        m_present = false;
        ASSERT_TRUE(std::holds_alternative<CardRemoved>(next()));
    }

    /// Reads the card on the reader with `accessKey` to the end; the document, or nullptr with
    /// a test failure.
    std::shared_ptr<reader::Document> readToTheEnd(const reader::AccessKey& accessKey) {
        m_service->read(accessKey);
        CardEvent outcome = nextOutcome();
        if (!std::holds_alternative<ReadDone>(outcome)) {
            ADD_FAILURE() << "the read did not complete";
            return nullptr;
        }
        return std::get<ReadDone>(outcome).document;
    }

    /// The card the fixture reads, whose removal half-way through DG2 breaks off the next read:
    /// an uninterrupted read's document (`reference`) and READ BINARY count, then the read cut
    /// by the removal, the card taken away and put back. Returns the cut read's READ BINARY
    /// count.
    int cutReadAndPutBack(std::shared_ptr<reader::Document>& reference, int& referenceReads) {
        start();
        putDown(m_card);
        m_readBinaries = 0;
        reference = readToTheEnd(key());
        referenceReads = m_readBinaries;
        if (!reference || !reference->verified()) {
            ADD_FAILURE() << "the uninterrupted read does not verify";
            return 0;
        }
        takeAway();

        std::size_t dg2Size = readertest::fileOf(m_card->profile(), Dg2Fid).size();
        m_card->faults().removal = emulator::FaultPlan::Removal{Dg2Fid, dg2Size / 2};
        putDown(m_card);
        m_readBinaries = 0;
        m_service->read(key());
        CardEvent outcome = nextOutcome();
        EXPECT_TRUE(std::holds_alternative<ReadFailed>(outcome));
        if (const auto* failed = std::get_if<ReadFailed>(&outcome)) {
            EXPECT_EQ(failed->code, ErrorCode::CardRemoved);
        }
        int cutReads = m_readBinaries;
        takeAway();
        m_card->insert();
        putDown(m_card);
        m_readBinaries = 0;
        return cutReads;
    }

    reader::AccessKey key() const {
        return reader::AccessKey::fromIdNumber(
            readertest::persona("vn-basic")["personalIdNumber"].get<std::string>());
    }

    std::mutex m_cardMutex;
    std::shared_ptr<emulator::EmulatedCard> m_card = std::make_shared<emulator::EmulatedCard>(
        readertest::profile("vn-basic"), readertest::seededRandom(3));
    std::shared_ptr<emulator::EmulatedCard> m_onReader; ///< m_card when empty
    std::atomic<bool> m_present{false};
    std::atomic<int> m_readBinaries{0};
    CardEventQueue m_events;
    std::unique_ptr<PcscCardService> m_service;
    int m_progressEvents = 0;
    std::vector<ReadProgressed> m_progress;
};

TEST_F(PcscCardServiceTest, ReportsCardReadAndRemovalInOrder) {
    start();
    m_present = true;
    ASSERT_TRUE(std::holds_alternative<CardPresent>(next()));

    auto before = std::chrono::steady_clock::now();
    m_service->read(key());
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "read() must not block";
    CardEvent outcome = nextOutcome();
    ASSERT_TRUE(std::holds_alternative<ReadDone>(outcome));
    EXPECT_GT(m_progressEvents, 3);
    EXPECT_TRUE(std::get<ReadDone>(outcome).document->verified());

    m_present = false;
    EXPECT_TRUE(std::holds_alternative<CardRemoved>(next()));
}

TEST_F(PcscCardServiceTest, ReadTimeoutEndsTheRead) {
    start(0ms);
    m_present = true;
    ASSERT_TRUE(std::holds_alternative<CardPresent>(next()));
    m_service->read(key());
    CardEvent outcome = nextOutcome();
    ASSERT_TRUE(std::holds_alternative<ReadFailed>(outcome));
    EXPECT_EQ(std::get<ReadFailed>(outcome).code, ErrorCode::Timeout);
}

TEST_F(PcscCardServiceTest, WrongKeyIsReportedAsAccessDenied) {
    start();
    m_present = true;
    ASSERT_TRUE(std::holds_alternative<CardPresent>(next()));
    m_service->read(reader::AccessKey::fromIdNumber("001090099999"));
    CardEvent outcome = nextOutcome();
    ASSERT_TRUE(std::holds_alternative<ReadFailed>(outcome));
    EXPECT_EQ(std::get<ReadFailed>(outcome).code, ErrorCode::AccessDenied);
}

TEST_F(PcscCardServiceTest, DrivesTheWorkflowAcrossThreads) {
    start();
    FormCatalog catalog = kiosktest::shippedForms();
    SystemClock clock;
    Workflow workflow(*m_service, catalog, clock, nullptr, WorkflowConfig{"c1", "k1"});
    m_present = true;
    auto pumpUntil = [&](WorkflowStep step) {
        auto end = std::chrono::steady_clock::now() + 30s;
        while (workflow.step() != step && std::chrono::steady_clock::now() < end) {
            if (std::optional<CardEvent> event = m_events.pop(100ms)) {
                workflow.handle(*event);
            }
        }
        return workflow.step() == step;
    };
    ASSERT_TRUE(pumpUntil(WorkflowStep::ObtainingKey));
    ASSERT_TRUE(workflow.provideIdNumber(
        readertest::persona("vn-basic")["personalIdNumber"].get<std::string>()));
    ASSERT_TRUE(pumpUntil(WorkflowStep::Verified));
    EXPECT_FALSE(workflow.session().portrait.empty());
    m_present = false;
    ASSERT_TRUE(pumpUntil(WorkflowStep::WaitingForCard));
    EXPECT_FALSE(workflow.session().holdsPersonalData());
}

// The card leaves half-way through DG2 and comes back: the read goes on in a second session
// from where it stopped, says so in its progress, and gives the uninterrupted read's record
// with hardly more READ BINARY commands than one read. A completed read keeps nothing.
TEST_F(PcscCardServiceTest, ReadBrokenOffByRemovalContinuesWhenTheCardIsBack) {
    std::shared_ptr<reader::Document> reference;
    int referenceReads = 0;
    int cutReads = cutReadAndPutBack(reference, referenceReads);
    ASSERT_TRUE(reference);
    ASSERT_GT(cutReads, 0);

    std::shared_ptr<reader::Document> resumed = readToTheEnd(key());
    ASSERT_TRUE(resumed);
    expectSameRecord(*resumed, *reference);
    EXPECT_EQ(resumed->readout.sessions, 2u);
    EXPECT_LE(cutReads + m_readBinaries, referenceReads + 1) << "one READ BINARY lost, no more";
    EXPECT_LT(cutReads + m_readBinaries, 2 * referenceReads);
    ASSERT_FALSE(m_progress.empty());
    EXPECT_EQ(m_progress.front().progress.file, "DG2") << "taken up where it stopped";
    for (const ReadProgressed& p : m_progress) {
        EXPECT_TRUE(p.resumed) << p.progress.file;
        EXPECT_NE(p.progress.file, "DG1") << "finished before the card left";
    }

    m_readBinaries = 0;
    std::shared_ptr<reader::Document> again = readToTheEnd(key());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->readout.sessions, 1u);
    EXPECT_EQ(m_readBinaries, referenceReads);
}

// The session's end wipes the broken-off read: the next read, the same card and key, is a
// whole read in one session.
TEST_F(PcscCardServiceTest, SessionEndMakesTheNextReadStartAfresh) {
    std::shared_ptr<reader::Document> reference;
    int referenceReads = 0;
    ASSERT_GT(cutReadAndPutBack(reference, referenceReads), 0);
    ASSERT_TRUE(reference);

    m_service->forgetCard();
    std::shared_ptr<reader::Document> fresh = readToTheEnd(key());
    ASSERT_TRUE(fresh);
    expectSameRecord(*fresh, *reference);
    EXPECT_EQ(fresh->readout.sessions, 1u);
    EXPECT_EQ(m_readBinaries, referenceReads);
    ASSERT_FALSE(m_progress.empty());
    EXPECT_FALSE(m_progress.front().resumed);
}

// Another key is another citizen, even when it opens the same card: read afresh.
TEST_F(PcscCardServiceTest, AnotherKeyReadsAfresh) {
    std::shared_ptr<reader::Document> reference;
    int referenceReads = 0;
    ASSERT_GT(cutReadAndPutBack(reference, referenceReads), 0);
    ASSERT_TRUE(reference);

    std::shared_ptr<reader::Document> fresh =
        readToTheEnd(reader::AccessKey::fromMrz(readertest::accessKey("vn-basic")));
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->readout.sessions, 1u);
    EXPECT_TRUE(fresh->verified());
    EXPECT_EQ(fresh->readout.dataGroups, reference->readout.dataGroups);
    ASSERT_FALSE(m_progress.empty());
    EXPECT_FALSE(m_progress.front().resumed);
}

// After the cut, another card (another model: another ATR) that the same key opens: it is read
// afresh, and its record holds nothing of the first card.
TEST_F(PcscCardServiceTest, AnotherCardAfterACutIsReadAfresh) {
    std::shared_ptr<reader::Document> reference;
    int referenceReads = 0;
    ASSERT_GT(cutReadAndPutBack(reference, referenceReads), 0);
    ASSERT_TRUE(reference);
    takeAway();

    emulator::CardProfile otherProfile = readertest::profile("vn-long-residence");
    ASSERT_NE(otherProfile.atr, m_card->atr());
    otherProfile.can = m_card->profile().can; // the key opens both
    auto other =
        std::make_shared<emulator::EmulatedCard>(otherProfile, readertest::seededRandom(5));
    putDown(other);
    m_readBinaries = 0;
    std::shared_ptr<reader::Document> fresh = readToTheEnd(key());
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->readout.sessions, 1u);
    EXPECT_TRUE(fresh->verified());
    EXPECT_EQ(fresh->readout.atr, otherProfile.atr);
    EXPECT_EQ(fresh->readout.dataGroups.at(1), readertest::fileOf(otherProfile, 0x0101));
    EXPECT_EQ(fresh->readout.dataGroups.at(2), readertest::fileOf(otherProfile, Dg2Fid));
    EXPECT_NE(fresh->readout.dataGroups, reference->readout.dataGroups);
    ASSERT_FALSE(m_progress.empty());
    EXPECT_FALSE(m_progress.front().resumed);

    takeAway(); // and the first card again: nothing of its broken-off read is left
    putDown(m_card);
    std::shared_ptr<reader::Document> first = readToTheEnd(key());
    ASSERT_TRUE(first);
    expectSameRecord(*first, *reference);
    EXPECT_EQ(first->readout.sessions, 1u);
}

// Through the workflow: the card leaves mid-read ("put it back"), comes back, and the session
// goes on to a verified identity read in two sessions; the session's end reaches the service.
TEST_F(PcscCardServiceTest, TheWorkflowResumesTheReadWhenTheCardIsBack) {
    std::size_t dg2Size = readertest::fileOf(m_card->profile(), Dg2Fid).size();
    m_card->faults().removal = emulator::FaultPlan::Removal{Dg2Fid, dg2Size / 2};
    start();
    FormCatalog catalog = kiosktest::shippedForms();
    SystemClock clock;
    Workflow workflow(*m_service, catalog, clock, nullptr, WorkflowConfig{"c1", "k1"});
    auto pumpUntil = [&](const std::function<bool()>& done) {
        auto end = std::chrono::steady_clock::now() + 30s;
        while (!done() && std::chrono::steady_clock::now() < end) {
            if (std::optional<CardEvent> event = m_events.pop(100ms)) {
                workflow.handle(*event);
            }
        }
        return done();
    };
    auto at = [&](WorkflowStep step) {
        return [&workflow, step] { return workflow.step() == step; };
    };
    m_present = true;
    ASSERT_TRUE(pumpUntil(at(WorkflowStep::ObtainingKey)));
    ASSERT_TRUE(workflow.provideIdNumber(
        readertest::persona("vn-basic")["personalIdNumber"].get<std::string>()));
    ASSERT_TRUE(pumpUntil(at(WorkflowStep::ReadInterrupted)));
    m_present = false;
    ASSERT_TRUE(pumpUntil([&] { return !workflow.cardPresent(); }));
    EXPECT_EQ(workflow.step(), WorkflowStep::ReadInterrupted);
    m_card->insert();
    m_present = true;
    ASSERT_TRUE(pumpUntil(at(WorkflowStep::Verified)));
    ASSERT_TRUE(workflow.session().document);
    EXPECT_EQ(workflow.session().document->readout.sessions, 2u);
    m_present = false;
    ASSERT_TRUE(pumpUntil(at(WorkflowStep::WaitingForCard)));
    EXPECT_FALSE(workflow.session().holdsPersonalData());
}

} // namespace

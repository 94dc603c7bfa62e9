// The counter's card service on its worker thread, over an emulated terminal instead of pcscd:
// events in order, never blocking the caller, the read timeout, and a whole session through the
// workflow with events handed across threads.
#include "kiosk/core/PcscCardService.h"

#include <gtest/gtest.h>

#include "KioskTestSupport.h"
#include "kiosk/core/CardEventQueue.h"
#include "kiosk/core/Workflow.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

using namespace std::chrono_literals;

// A reader the test puts the card on and takes it off.
class EmulatedTerminal : public CardTerminal {
public:
    EmulatedTerminal(std::shared_ptr<emulator::EmulatedCard> card, std::atomic<bool>& present)
        : m_card(std::move(card)), m_present(present) {}

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
        m_card->reset();
        return std::make_unique<emulator::EmulatorChannel>(m_card);
    }

private:
    std::shared_ptr<emulator::EmulatedCard> m_card;
    std::atomic<bool>& m_present;
};

class PcscCardServiceTest : public ::testing::Test {
protected:
    void start(std::chrono::milliseconds readTimeout = 30s) {
        PcscCardServiceOptions options;
        options.readTimeout = readTimeout;
        options.trustStore = readertest::trustStore();
        options.openTerminal = [this] {
            return std::make_unique<EmulatedTerminal>(m_card, m_present);
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

    /// The next event that is not progress.
    CardEvent nextOutcome() {
        CardEvent event = next();
        while (std::holds_alternative<ReadProgressed>(event)) {
            ++m_progressEvents;
            event = next();
        }
        return event;
    }

    reader::AccessKey key() const {
        return reader::AccessKey::fromIdNumber(
            readertest::persona("vn-basic")["personalIdNumber"].get<std::string>());
    }

    std::shared_ptr<emulator::EmulatedCard> m_card = std::make_shared<emulator::EmulatedCard>(
        readertest::profile("vn-basic"), readertest::seededRandom(3));
    std::atomic<bool> m_present{false};
    CardEventQueue m_events;
    std::unique_ptr<PcscCardService> m_service;
    int m_progressEvents = 0;
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

} // namespace

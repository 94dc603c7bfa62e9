#pragma once

// A CardService for tests: the emulated card read in process, synchronously, its events queued
// until the test delivers them (as a real service's events reach the workflow's thread later).

#include <deque>

#include "KioskTestSupport.h"
#include "ManualClock.h"
#include "kiosk/core/CardService.h"
#include "kiosk/core/Workflow.h"

namespace cccd::kiosktest {

class EmulatorCardService : public kiosk::CardService {
public:
    EmulatorCardService(const std::string& persona, verify::TrustStore trustStore)
        : m_card(readertest::cardOnReader(persona)), m_trustStore(std::move(trustStore)) {}

    void setSink(kiosk::CardEventSink) override {}

    void start() override {}

    /// A read the card's removal broke off is kept, as PcscCardService keeps it, until the
    /// workflow says the session ended (forgetCard).
    void read(const reader::AccessKey& key) override {
        ++reads;
        bool resumed = !m_state.empty();
        reader::ReadOptions options;
        options.random = readertest::seededRandom(static_cast<std::uint32_t>(reads));
        options.state = &m_state;
        options.onProgress = [this, resumed](const reader::ReadProgress& p) {
            m_events.push_back(kiosk::ReadProgressed{p, resumed});
        };
        try {
            reader::CardReadout readout = reader::readCard(m_card, key, options);
            m_events.push_back(kiosk::ReadDone{std::make_shared<reader::Document>(
                reader::interpret(std::move(readout), m_trustStore))});
        } catch (const Error& e) {
            m_events.push_back(kiosk::ReadFailed{e.code()});
            if (e.code() == ErrorCode::CardRemoved) {
                m_events.push_back(kiosk::CardRemoved{});
            } else {
                m_state.clear();
            }
        }
    }

    void cancelRead() override { ++cancels; }

    void forgetCard() override {
        ++forgets;
        m_state.clear();
    }

    /// The card is put on the reader (back, after a removal).
    void present() {
        if (m_card.card().removed()) {
            m_card.card().insert();
        }
        m_events.push_back(kiosk::CardPresent{"emulated"});
    }

    void push(kiosk::CardEvent event) { m_events.push_back(std::move(event)); }

    /// Hands every queued event to the workflow, including those its reactions queue.
    void deliverTo(kiosk::Workflow& workflow) {
        while (!m_events.empty()) {
            kiosk::CardEvent event = std::move(m_events.front());
            m_events.pop_front();
            workflow.handle(event);
        }
    }

    [[nodiscard]] emulator::EmulatedCard& card() { return m_card.card(); }

    int reads = 0;
    int cancels = 0;
    int forgets = 0;

private:
    emulator::EmulatorChannel m_card;
    reader::ReadState m_state;
    verify::TrustStore m_trustStore;
    std::deque<kiosk::CardEvent> m_events;
};

/// 00:00 UTC of an ISO 8601 date ("2026-12-04").
inline std::chrono::system_clock::time_point utcDay(const std::string& iso) {
    std::chrono::year_month_day day{
        std::chrono::year(std::stoi(iso.substr(0, 4))),
        std::chrono::month(static_cast<unsigned>(std::stoi(iso.substr(5, 2)))),
        std::chrono::day(static_cast<unsigned>(std::stoi(iso.substr(8, 2))))};
    return std::chrono::sys_days(day);
}

/// The QR a persona's card would print (cccd.md §4.1: 7 fields, dates as ddmmyyyy), from the
/// persona's own values.
inline std::string qrTextOf(const nlohmann::json& persona) {
    auto date = [](const std::string& iso) {
        return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
    };
    std::string sex = persona["sex"].get<std::string>() == "F" ? "Nữ" : "Nam";
    return persona["personalIdNumber"].get<std::string>() + "|" +
           persona["oldIdNumber"].get<std::string>() + "|" +
           persona["fullName"].get<std::string>() + "|" +
           date(persona["dateOfBirth"].get<std::string>()) + "|" + sex + "|" +
           persona["placeOfResidence"].get<std::string>() + "|" +
           date(persona["dateOfIssue"].get<std::string>());
}

} // namespace cccd::kiosktest

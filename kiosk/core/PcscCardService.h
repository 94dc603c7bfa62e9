#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/CardService.h"
#include "kiosk/core/CardTerminal.h"
#include "verify/TrustStore.h"

namespace cccd::kiosk {

struct PcscCardServiceOptions {
    std::optional<std::string> readerName; ///< empty: the first reader that holds a card
    std::chrono::milliseconds readTimeout{15000};
    verify::TrustStore trustStore;
    std::vector<int> dataGroups; ///< empty: every one the card lists
    /// Opens the terminal, on the worker thread; empty: PC/SC (openPcscTerminal).
    std::function<std::unique_ptr<CardTerminal>()> openTerminal;
};

/// The card service of a real counter: PC/SC on a worker thread (reader and card watching,
/// readCard and interpret); the caller never waits. Events go to the sink from that thread.
class PcscCardService : public CardService {
public:
    explicit PcscCardService(PcscCardServiceOptions options);
    ~PcscCardService() override;
    PcscCardService(const PcscCardService&) = delete;
    PcscCardService& operator=(const PcscCardService&) = delete;

    /// Set before start(): called from the worker thread.
    void setSink(CardEventSink sink) override;
    void start() override;
    void read(const reader::AccessKey& key) override;
    void cancelRead() override;

private:
    void run();
    void watchCard(CardTerminal& terminal, bool& readerMissingReported);
    void readNow(CardTerminal& terminal, const std::string& reader, const reader::AccessKey& key);
    void report(CardEvent event);

    PcscCardServiceOptions m_options;
    CardEventSink m_sink;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancel{false};
    std::mutex m_mutex;
    std::optional<reader::AccessKey> m_request;
};

} // namespace cccd::kiosk

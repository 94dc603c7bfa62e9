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
#include "reader/CardReader.h"
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
///
/// A read that a failure of the link broke off (the card left the field or was reset, the
/// reader lost it, an exchange failed or took too long) is kept (reader::ReadState) with a copy
/// of its key: the next read with the same key, once the card is back, continues it in a new
/// session instead of starting over, and its progress says so (ReadProgressed::resumed). Any
/// other outcome, another key, another card (another ATR), forgetCard() and destruction wipe
/// it.
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
    /// The kept read is wiped on the worker thread, before it takes the next read request and
    /// within a poll interval when it takes none.
    void forgetCard() override;

private:
    void run();
    void watchCard(CardTerminal& terminal, bool& readerMissingReported);
    void readNow(CardTerminal& terminal, const std::string& reader, const reader::AccessKey& key);
    [[nodiscard]] reader::CardReadout readKept(transport::CardChannel& channel,
                                               const reader::AccessKey& key,
                                               const reader::ReadOptions& options, bool& resumed);
    void forgetIfAsked();
    void forgetRead();
    void report(CardEvent event);

    PcscCardServiceOptions m_options;
    CardEventSink m_sink;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancel{false};
    std::mutex m_mutex;
    std::optional<reader::AccessKey> m_request; ///< under m_mutex
    bool m_forget = false;                      ///< under m_mutex: forgetCard() was called
    // The worker thread's alone: the read that broke off, and the key it began with.
    reader::ReadState m_state;
    std::optional<reader::AccessKey> m_stateKey;
};

} // namespace cccd::kiosk

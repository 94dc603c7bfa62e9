#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pcsc/PcscChannel.h"

namespace cccd::pcsc {

/// One PC/SC context (pcsc-lite on Linux; WinSCard and the macOS framework share the API).
/// Lists readers and waits for card insertion and removal with SCardGetStatusChange.
class PcscContext {
public:
    PcscContext();
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    /// Reader names; empty when none is attached.
    [[nodiscard]] std::vector<std::string> readers() const;

    /// Readers that currently hold a card.
    [[nodiscard]] std::vector<std::string> readersWithCard() const;

    /// Waits until a card is present in `reader` (or, with no name, in any reader) and returns
    /// that reader's name. Throws Error(Timeout) after `timeout`, Error(NoReader) when no
    /// reader is attached and `waitForReader` is false.
    /// `cancel`, when given, is polled a few times a second: setting it (e.g. from a signal
    /// handler) ends the wait with Error(Cancelled).
    [[nodiscard]] std::string waitForCard(const std::optional<std::string>& reader,
                                          std::chrono::milliseconds timeout,
                                          bool waitForReader = false,
                                          const std::atomic<bool>* cancel = nullptr) const;

    /// Waits until the card leaves `reader`; returns false on timeout. Throws Error(Cancelled)
    /// when cancel() interrupts it.
    bool waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) const;

    /// Connects to the card in `reader` (T=1 or T=0; contactless cards appear as T=1).
    [[nodiscard]] std::unique_ptr<PcscChannel> connect(const std::string& reader,
                                                       PcscChannelOptions options = {}) const;

    /// Interrupts a blocking wait (waitForCard, waitForRemoval) from another thread: it throws
    /// Error(Cancelled). An exchange in progress is not affected (see PcscChannel::watchCancel).
    void cancel() const;

    [[nodiscard]] long handle() const { return m_context; }

private:
    long m_context = 0;
};

} // namespace cccd::pcsc

#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "transport/CardChannel.h"

namespace cccd::kiosk {

/// The few reader operations the card service's worker needs: PC/SC at a counter
/// (PcscTerminal), an emulated card in tests. Used from the worker thread only.
class CardTerminal {
public:
    virtual ~CardTerminal() = default;

    /// The reader that holds a card, once one does. Throws Error(Timeout) after `timeout`,
    /// Error(NoReader) or Error(ReaderUnplugged) when there is no reader, Error(Cancelled) when
    /// `stop` is set.
    [[nodiscard]] virtual std::string waitForCard(std::chrono::milliseconds timeout,
                                                  const std::atomic<bool>& stop) = 0;

    /// True once the card has left `reader`; false after `timeout`.
    virtual bool waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) = 0;

    [[nodiscard]] virtual std::unique_ptr<transport::CardChannel>
    connect(const std::string& reader) = 0;
};

/// CardTerminal over PC/SC (pcsc-lite, WinSCard): `readerName` or, when empty, any reader.
/// Throws Error when the PC/SC service is not running.
[[nodiscard]] std::unique_ptr<CardTerminal> openPcscTerminal(std::optional<std::string> readerName);

} // namespace cccd::kiosk

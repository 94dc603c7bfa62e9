#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "emulator/card/LinkModel.h"
#include "emulator/vpcd/CardSlot.h"

namespace cccd::emulator {

struct VpcdOptions {
    /// vpcd's default port (vsmartcard: 0x8C0B = 35963); the card connects to it on 127.0.0.1.
    std::uint16_t port = 35963;
    std::chrono::milliseconds reconnectDelay{1000};
    LinkModel link = LinkModel::off(); ///< slept before each response when enabled
};

/// Connects the card in a slot to vsmartcard's vpcd as a TCP client on the loopback interface.
/// While the slot holds a card the client stays connected (reconnecting after vpcd restarts);
/// an empty slot means no connection, which pcscd sees as "card removed".
class VpcdClient {
public:
    VpcdClient(CardSlot& slot, VpcdOptions options);

    /// Serves until stop(); call from a thread of its own.
    void run();

    /// Thread-safe; run() returns within about 100 ms.
    void stop() { m_stopping = true; }

    [[nodiscard]] bool connected() const { return m_connected; }

private:
    void serve(int socket, std::uint64_t generation);
    void pause(std::chrono::milliseconds duration) const;

    CardSlot& m_slot;
    VpcdOptions m_options;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_connected{false};
};

} // namespace cccd::emulator

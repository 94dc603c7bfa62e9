#pragma once

#include <atomic>
#include <filesystem>

#include "emulator/tools/EmulatorController.h"

namespace cccd::emulator {

/// The emulator's control interface: a UNIX stream socket taking one command per line and
/// answering one line each (drivers/emulator/README.md). Clients are served one after another.
class ControlServer {
public:
    /// Binds the socket (replacing a stale one), mode 0600. Throws Error(Io).
    ControlServer(std::filesystem::path path, EmulatorController& controller);
    ~ControlServer();

    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    /// Serves until stop() or a `quit` command.
    void run();

    void stop() { m_stopping = true; }

private:
    void serveClient(int client);

    std::filesystem::path m_path;
    EmulatorController& m_controller;
    int m_listener = -1;
    std::atomic<bool> m_stopping{false};
};

} // namespace cccd::emulator

#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "emulator/vpcd/CardSlot.h"

namespace cccd::emulator {

struct ControllerOptions {
    std::filesystem::path profilesDir; ///< where `present <name>` finds <name>.json
    /// swap: how long the reader stays empty, so that pcscd notices the removal.
    std::chrono::milliseconds swapGap{1500};
};

/// Executes control protocol lines against the card slot and answers one reply line
/// ("ok ..." or "error ..."). Replies name profiles, never personal data.
class EmulatorController {
public:
    EmulatorController(CardSlot& slot, ControllerOptions options);

    [[nodiscard]] std::string execute(std::string_view line);

    /// Loads a profile (a file, or a name in the profiles directory) and puts the card on the
    /// reader. Throws cccd::Error when the profile cannot be loaded.
    void present(const std::string& profile);

    [[nodiscard]] bool quitRequested() const { return m_quit; }

private:
    [[nodiscard]] std::filesystem::path resolve(const std::string& profile) const;

    CardSlot& m_slot;
    ControllerOptions m_options;
    std::atomic<bool> m_quit{false};
};

} // namespace cccd::emulator

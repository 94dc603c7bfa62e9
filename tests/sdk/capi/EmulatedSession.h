#pragma once

#include <memory>
#include <string>

#include "cccd/cccd.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"

namespace cccd::capitest {

/// A session of the C API on the build's emulated card `profile` (build/profiles), in process:
/// what cccd_session_open_pcsc gives for a card in a reader, without pcscd. Test support only,
/// never part of libcccd.so.
[[nodiscard]] cccd_session* openEmulatedSession(cccd_context* context, const std::string& profile);

/// The same on a card the test built or changed (faults, files).
[[nodiscard]] cccd_session* openEmulatedSession(cccd_context* context,
                                                std::shared_ptr<emulator::EmulatedCard> card);

/// The build's card profile `name`, to change before it makes a card.
[[nodiscard]] emulator::CardProfile loadTestProfile(const std::string& name);

/// The directory of the build's card profiles and their test CSCA (csca.pem).
[[nodiscard]] std::string profilesDirectory();

} // namespace cccd::capitest

#pragma once

#include <string>

#include "cccd/cccd.h"

namespace cccd::capitest {

/// A session of the C API on the build's emulated card `profile` (build/profiles), in process:
/// what cccd_session_open_pcsc gives for a card in a reader, without pcscd. Test support only,
/// never part of libcccd.so.
[[nodiscard]] cccd_session* openEmulatedSession(cccd_context* context, const std::string& profile);

/// The directory of the build's card profiles and their test CSCA (csca.pem).
[[nodiscard]] std::string profilesDirectory();

} // namespace cccd::capitest

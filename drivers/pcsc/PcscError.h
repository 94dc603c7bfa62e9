#pragma once

#include <string_view>

#include "base/Error.h"

namespace cccd::pcsc {

/// Maps a PC/SC return code (pcsclite.h) to the SDK's error; the raw code is kept in the
/// context string. `duringSession` turns "no card" into "card removed".
[[noreturn]] void throwPcscError(long rv, std::string_view operation, bool duringSession = false);

} // namespace cccd::pcsc

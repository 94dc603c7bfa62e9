#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

/// What a command handler answers before secure messaging wraps it.
struct CardResponse {
    Bytes data;
    std::uint16_t statusWord = 0x9000;
    bool cardRemoved = false; ///< a removal fault fired: the reader gets no answer at all
};

/// A response with no data.
[[nodiscard]] inline CardResponse status(StatusWord sw) {
    return {{}, toUint(sw), false};
}

} // namespace cccd::emulator

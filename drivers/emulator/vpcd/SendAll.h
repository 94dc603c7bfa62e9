#pragma once

#include "base/Bytes.h"

namespace cccd::emulator {

/// Writes all of `bytes` to a stream socket, retrying short writes and EINTR; false when the
/// peer is gone (no SIGPIPE).
[[nodiscard]] bool sendAll(int fd, ByteView bytes);

} // namespace cccd::emulator

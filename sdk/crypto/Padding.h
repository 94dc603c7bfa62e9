#pragma once

#include <cstddef>

#include "base/Bytes.h"

namespace cccd::crypto {

/// ISO/IEC 9797-1 padding method 2: append 80, then 00 up to a multiple of blockSize.
[[nodiscard]] Bytes pad(ByteView data, std::size_t blockSize);

/// Removes method-2 padding; throws Error(SecureMessaging) if it is malformed.
[[nodiscard]] Bytes unpad(ByteView data);

} // namespace cccd::crypto

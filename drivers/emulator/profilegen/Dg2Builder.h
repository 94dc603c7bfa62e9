#pragma once

#include <cstdint>

#include "base/Bytes.h"

namespace cccd::emulator {

/// DG2 around one JPEG portrait, laid out like the real card's (cccd.md §3.3): a Biometric
/// Information Group Template (ISO/IEC 7816-11) holding an ISO/IEC 19794-5:2005 face record.
[[nodiscard]] Bytes buildDg2(ByteView jpeg, std::uint16_t width, std::uint16_t height);

} // namespace cccd::emulator

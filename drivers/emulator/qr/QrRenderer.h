#pragma once

#include <string_view>

#include "base/Bytes.h"
#include "vision/GrayImage.h"

namespace cccd::emulator {

/// How the card's QR is written: the payload's UTF-8 bytes in byte mode, with or without an ECI
/// segment naming UTF-8 (cccd.md §4.3: the flags of real cards were not observed, so tests
/// cover both).
enum class QrCharsetMarking { NoEci, Utf8Eci };

/// The QR symbol of a payload as a black-on-white image, `moduleSize` pixels per module, with the
/// 4-module quiet zone of ISO/IEC 18004. Uses ZXing-C++'s encoder, error correction level M.
/// Throws Error(InvalidArgument) for a payload too long for a QR code.
[[nodiscard]] vision::GrayImage renderQr(ByteView payload, int moduleSize,
                                         QrCharsetMarking marking = QrCharsetMarking::NoEci);

} // namespace cccd::emulator

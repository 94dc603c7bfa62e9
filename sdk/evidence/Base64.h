#pragma once

#include <string>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::evidence {

/// Base64 with the standard alphabet and padding (RFC 4648 §4), no line breaks.
[[nodiscard]] std::string toBase64(ByteView bytes);

/// The strict inverse of toBase64: the standard alphabet, a length that is a multiple of 4,
/// padding only at the end and zero bits under it (RFC 4648 §3.5), no whitespace. Anything else
/// throws Error(MalformedData): a reader that accepted two spellings of one file could be shown
/// bytes other than those it hashes.
[[nodiscard]] Bytes fromBase64(std::string_view text);

} // namespace cccd::evidence

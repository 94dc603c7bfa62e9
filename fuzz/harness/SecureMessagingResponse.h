#pragma once

#include "base/Bytes.h"
#include "sm/SessionKeys.h"

namespace cccd::fuzz {

/// The fixed session both secure messaging harnesses use: constant KS_enc and KS_mac, counter
/// at zero. Not a secret of any card.
[[nodiscard]] sm::SessionKeys fuzzSessionKeys(sm::SmCipher cipher);

/// Unprotects `input` as the response APDU to the session's first command (ICAO 9303-11
/// §9.8.5). The first byte chooses: even, the rest goes as it is, so nearly every run stops at
/// the MAC; odd, the harness writes the right DO8E MAC over whatever DO87 and DO99 the rest
/// holds first, so the cryptogram, padding and status word are reached with hostile content.
int unprotectResponse(sm::SmCipher cipher, ByteView input);

} // namespace cccd::fuzz

#pragma once

#include <cstddef>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "emulator/card/PaceProtocol.h"

namespace cccd::emulator {

/// The pseudo-random function R(s,t) of PACE Integrated Mapping (ICAO 9303-11 §4.4.3.3.2):
/// the block cipher of the protocol in CBC mode with a zero IV, keyed first with t, then with
/// a chain of derived keys, gives ceil((log2 p + 64) / l) blocks of l bits, l = 128 for 3DES
/// and AES-128 and 256 for AES-192/256. Returns the concatenated output, before reduction
/// mod p. The nonce must be at least as long as the key (paceNonceSize), t exactly as long.
/// Throws Error(InvalidArgument) for other lengths.
[[nodiscard]] SecureBytes pacePseudoRandom(const PaceProtocol& protocol, ByteView nonce,
                                           ByteView terminalNonce, std::size_t fieldBits);

/// The key length k of the protocol's cipher in bytes (the length of t).
[[nodiscard]] std::size_t paceKeySize(const PaceProtocol& protocol);

} // namespace cccd::emulator

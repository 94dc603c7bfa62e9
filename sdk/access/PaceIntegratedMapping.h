#pragma once

#include <cstddef>

#include "access/PaceCipherSuite.h"
#include "base/Bytes.h"
#include "base/SecureBytes.h"

namespace cccd::access {

/// The pseudo-random function R(s,t) of the Integrated Mapping (ICAO 9303-11 §4.4.3.3.2,
/// Figure 2), before the reduction mod p that crypto::KeyAgreementGroup::mapIntegrated does:
/// k_0 = E(t, s); x_i = E(k_i, c1), k_(i+1) = E(k_i, c0), each key truncated to the key size;
/// R = x_0 || ... || x_(n-1) with the smallest n such that n * l >= log2 p + 64. E is the suite's
/// block cipher in CBC mode with a zero IV; l is 128 bits for 3DES and AES-128, 256 bits for
/// AES-192 and AES-256.
///
/// s (the chip's nonce) must be l bits and t (the terminal's nonce) the key size, else
/// Error(MalformedData) for s and Error(InvalidArgument) for t.
[[nodiscard]] SecureBytes pacePseudoRandom(const PaceCipherSuite& suite, ByteView nonce,
                                           ByteView terminalNonce, std::size_t primeBits);

/// The length in bytes of s and of each x_i: 16 for 3DES and AES-128, 32 for AES-192/256
/// (the smallest multiple of the block size not below the key size, §4.4.3.3).
[[nodiscard]] std::size_t pacePseudoRandomBlockSize(const PaceCipherSuite& suite);

} // namespace cccd::access

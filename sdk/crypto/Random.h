#pragma once

#include <cstddef>
#include <functional>

#include "base/Bytes.h"

namespace cccd::crypto {

/// Cryptographically secure random bytes (OpenSSL RAND_bytes).
[[nodiscard]] Bytes randomBytes(std::size_t count);

/// A source of random bytes. Protocol code takes one so that tests can replay worked examples.
using RandomSource = std::function<Bytes(std::size_t)>;

[[nodiscard]] RandomSource systemRandom();

} // namespace cccd::crypto

#include "crypto/Random.h"

#include <openssl/rand.h>

#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

Bytes randomBytes(std::size_t count) {
    Bytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
        throwOpenSslFailure("random bytes");
    }
    return out;
}

RandomSource systemRandom() {
    return [](std::size_t count) { return randomBytes(count); };
}

} // namespace cccd::crypto

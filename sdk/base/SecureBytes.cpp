#include "base/SecureBytes.h"

#include <openssl/crypto.h>

namespace cccd {

void secureWipe(void* data, std::size_t size) {
    if (data != nullptr && size > 0) {
        OPENSSL_cleanse(data, size);
    }
}

} // namespace cccd

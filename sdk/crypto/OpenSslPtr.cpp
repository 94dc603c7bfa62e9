#include "crypto/OpenSslPtr.h"

#include <array>

#include <openssl/err.h>

#include "base/Error.h"

namespace cccd::crypto {

void throwOpenSslFailure(const std::string& context) {
    unsigned long code = ERR_get_error();
    std::string message = context;
    if (code != 0) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        message += ": ";
        message += text.data();
    }
    ERR_clear_error();
    throw Error(ErrorCode::Crypto, message);
}

void clearOpenSslErrors() {
    ERR_clear_error();
}

} // namespace cccd::crypto

#include "crypto/Padding.h"

#include "base/Error.h"

namespace cccd::crypto {

Bytes pad(ByteView data, std::size_t blockSize) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % blockSize != 0) {
        out.push_back(0x00);
    }
    return out;
}

Bytes unpad(ByteView data) {
    std::size_t end = data.size();
    while (end > 0 && data[end - 1] == 0x00) {
        --end;
    }
    if (end == 0 || data[end - 1] != 0x80) {
        throw Error(ErrorCode::SecureMessaging, "padding of decrypted data is malformed");
    }
    return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

} // namespace cccd::crypto

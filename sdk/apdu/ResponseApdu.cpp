#include "apdu/ResponseApdu.h"

#include "base/Error.h"

namespace cccd::apdu {

Bytes ResponseApdu::encode() const {
    Bytes out = data;
    out.push_back(sw1(sw));
    out.push_back(sw2(sw));
    return out;
}

ResponseApdu ResponseApdu::decode(ByteView bytes) {
    if (bytes.size() < 2) {
        throw Error(ErrorCode::MalformedData, "response APDU shorter than its status word");
    }
    ResponseApdu r;
    r.data.assign(bytes.begin(), bytes.end() - 2);
    r.sw = static_cast<std::uint16_t>(bytes[bytes.size() - 2] << 8 | bytes[bytes.size() - 1]);
    return r;
}

} // namespace cccd::apdu

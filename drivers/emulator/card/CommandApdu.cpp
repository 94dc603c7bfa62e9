#include "emulator/card/CommandApdu.h"

namespace cccd::emulator {

namespace {

std::size_t shortLe(std::uint8_t b) {
    return b == 0 ? 256 : b;
}

std::size_t extendedLe(std::uint8_t hi, std::uint8_t lo) {
    std::size_t value = (static_cast<std::size_t>(hi) << 8) | lo;
    return value == 0 ? 65536 : value;
}

} // namespace

std::optional<CommandApdu> parseCommandApdu(ByteView raw) {
    if (raw.size() < 4) {
        return std::nullopt;
    }
    CommandApdu apdu{raw[0], raw[1], raw[2], raw[3], {}, std::nullopt, false};
    ByteView body = raw.subspan(4);

    // Case 1: header only.
    if (body.empty()) {
        return apdu;
    }

    // Case 2S: one Le byte.
    if (body.size() == 1) {
        apdu.ne = shortLe(body[0]);
        return apdu;
    }

    // Short Lc (first byte non-zero): case 3S or 4S.
    if (body[0] != 0) {
        std::size_t lc = body[0];
        if (body.size() == 1 + lc || body.size() == 2 + lc) {
            apdu.data.assign(body.begin() + 1, body.begin() + 1 + static_cast<long>(lc));
            if (body.size() == 2 + lc) {
                apdu.ne = shortLe(body[1 + lc]);
            }
            return apdu;
        }
        return std::nullopt;
    }

    // Extended form: a 00 byte, then two length bytes.
    apdu.extended = true;
    if (body.size() == 3) { // case 2E
        apdu.ne = extendedLe(body[1], body[2]);
        return apdu;
    }
    if (body.size() < 3) {
        return std::nullopt;
    }
    std::size_t lc = (static_cast<std::size_t>(body[1]) << 8) | body[2];
    if (lc == 0 || (body.size() != 3 + lc && body.size() != 5 + lc)) {
        return std::nullopt;
    }
    apdu.data.assign(body.begin() + 3, body.begin() + 3 + static_cast<long>(lc));
    if (body.size() == 5 + lc) { // case 4E
        apdu.ne = extendedLe(body[3 + lc], body[4 + lc]);
    }
    return apdu;
}

Bytes responseApdu(ByteView data, std::uint16_t statusWord) {
    Bytes out(data.begin(), data.end());
    out.push_back(static_cast<std::uint8_t>(statusWord >> 8));
    out.push_back(static_cast<std::uint8_t>(statusWord & 0xFF));
    return out;
}

} // namespace cccd::emulator

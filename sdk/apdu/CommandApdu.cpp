#include "apdu/CommandApdu.h"

#include "base/Error.h"

namespace cccd::apdu {

namespace {

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("command APDU: ") + what);
}

void appendLength2(Bytes& out, std::size_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8 & 0xFF));
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

} // namespace

bool CommandApdu::isExtended() const {
    return forceExtended || data.size() > ShortNcMax || ne > ShortNeMax;
}

Bytes CommandApdu::encode() const {
    if (data.size() > 65535 || ne > ExtendedNeMax) {
        throw Error(ErrorCode::InvalidArgument, "command APDU: Nc or Ne out of range");
    }
    Bytes out{cla, ins, p1, p2};
    bool extended = isExtended();
    if (!data.empty()) {
        if (extended) {
            out.push_back(0x00);
            appendLength2(out, data.size());
        } else {
            out.push_back(static_cast<std::uint8_t>(data.size()));
        }
        append(out, data);
    }
    if (ne > 0) {
        if (extended) {
            if (data.empty()) {
                out.push_back(0x00);
            }
            appendLength2(out, ne == ExtendedNeMax ? 0 : ne);
        } else {
            out.push_back(static_cast<std::uint8_t>(ne == ShortNeMax ? 0 : ne));
        }
    }
    return out;
}

// ISO/IEC 7816-4 §5.1: the body length tells the case; an extended body starts with 00.
CommandApdu CommandApdu::decode(ByteView bytes) {
    if (bytes.size() < 4) {
        malformed("shorter than its header");
    }
    CommandApdu c{bytes[0], bytes[1], bytes[2], bytes[3], {}, 0, false};
    ByteView body = bytes.subspan(4);
    if (body.empty()) {
        return c;
    }
    if (body.size() == 1) {
        c.ne = body[0] == 0 ? ShortNeMax : body[0];
        return c;
    }
    if (body[0] != 0x00 || body.size() < 3) {
        std::size_t nc = body[0];
        if (nc == 0 || body.size() < 1 + nc || body.size() > 2 + nc) {
            malformed("short body length does not match Lc");
        }
        c.data.assign(body.begin() + 1, body.begin() + 1 + static_cast<std::ptrdiff_t>(nc));
        if (body.size() == 2 + nc) {
            c.ne = body[1 + nc] == 0 ? ShortNeMax : body[1 + nc];
        }
        return c;
    }
    c.forceExtended = true;
    std::size_t n = static_cast<std::size_t>(body[1]) << 8 | body[2];
    if (body.size() == 3) {
        c.ne = n == 0 ? ExtendedNeMax : n;
        return c;
    }
    if (n == 0 || body.size() < 3 + n || (body.size() != 3 + n && body.size() != 5 + n)) {
        malformed("extended body length does not match Lc");
    }
    c.data.assign(body.begin() + 3, body.begin() + 3 + static_cast<std::ptrdiff_t>(n));
    if (body.size() == 5 + n) {
        std::size_t le = static_cast<std::size_t>(body[3 + n]) << 8 | body[4 + n];
        c.ne = le == 0 ? ExtendedNeMax : le;
    }
    return c;
}

} // namespace cccd::apdu

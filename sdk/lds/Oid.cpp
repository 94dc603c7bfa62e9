#include "lds/Oid.h"

#include <cstdint>
#include <vector>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint8_t OidTag = 0x06;

[[noreturn]] void invalid(const char* what) {
    throw Error(ErrorCode::InvalidArgument, std::string("OID: ") + what);
}

void appendBase128(Bytes& out, std::uint64_t value) {
    Bytes digits;
    do {
        digits.insert(digits.begin(), static_cast<std::uint8_t>(value & 0x7F));
        value >>= 7;
    } while (value != 0);
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        digits[i] |= 0x80;
    }
    append(out, digits);
}

} // namespace

std::string oidToString(ByteView contents) {
    if (contents.empty()) {
        throw Error(ErrorCode::MalformedData, "OID: empty value");
    }
    std::vector<std::uint64_t> subIdentifiers;
    std::uint64_t value = 0;
    bool pending = false;
    for (std::uint8_t b : contents) {
        if (value > (UINT64_MAX >> 7)) {
            throw Error(ErrorCode::MalformedData, "OID: sub-identifier wider than 64 bits");
        }
        value = value << 7 | (b & 0x7F);
        pending = (b & 0x80) != 0;
        if (!pending) {
            subIdentifiers.push_back(value);
            value = 0;
        }
    }
    if (pending) {
        throw Error(ErrorCode::MalformedData, "OID: truncated sub-identifier");
    }
    // X.690 §8.19.4: the first sub-identifier packs the first two arcs as 40 * X + Y.
    std::uint64_t first = subIdentifiers.front();
    std::uint64_t arc0 = first < 40 ? 0 : first < 80 ? 1 : 2;
    std::string out = std::to_string(arc0) + "." + std::to_string(first - 40 * arc0);
    for (std::size_t i = 1; i < subIdentifiers.size(); ++i) {
        out += "." + std::to_string(subIdentifiers[i]);
    }
    return out;
}

Bytes oidFromString(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = dotted.find('.', pos);
        std::string_view arc = dotted.substr(pos, end == std::string_view::npos ? end : end - pos);
        if (arc.empty() || arc.size() > 19) {
            invalid("empty or oversized arc");
        }
        std::uint64_t value = 0;
        for (char c : arc) {
            if (c < '0' || c > '9') {
                invalid("arc is not a decimal number");
            }
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
        arcs.push_back(value);
        if (end == std::string_view::npos) {
            break;
        }
        pos = end + 1;
    }
    if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39) ||
        arcs[1] > UINT64_MAX - 80) {
        invalid("first two arcs out of range");
    }
    Bytes out;
    appendBase128(out, arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i) {
        appendBase128(out, arcs[i]);
    }
    return out;
}

Bytes encodeOid(std::string_view dotted) {
    return tlv::encode(OidTag, oidFromString(dotted));
}

} // namespace cccd::lds

#include "crypto/Oid.h"

#include <charconv>
#include <cstdint>
#include <vector>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {

namespace {

constexpr std::uint8_t MoreBytes = 0x80;
constexpr std::uint64_t MaxArc = std::uint64_t{1} << 56;

void appendBase128(Bytes& out, std::uint64_t arc) {
    Bytes reversed{static_cast<std::uint8_t>(arc & 0x7F)};
    for (arc >>= 7; arc != 0; arc >>= 7) {
        reversed.push_back(static_cast<std::uint8_t>(MoreBytes | (arc & 0x7F)));
    }
    out.insert(out.end(), reversed.rbegin(), reversed.rend());
}

} // namespace

// X.690 §8.19: base-128 subidentifiers, the first one packs the first two arcs as 40 * X + Y.
std::string decodeOid(ByteView contents) {
    if (contents.empty() || (contents.back() & MoreBytes) != 0) {
        throw Error(ErrorCode::MalformedData, "OID: empty or truncated");
    }
    std::string dotted;
    std::uint64_t value = 0;
    bool first = true;
    for (std::uint8_t byte : contents) {
        if (value == 0 && byte == MoreBytes) {
            throw Error(ErrorCode::MalformedData, "OID: non-minimal subidentifier");
        }
        if (value >= MaxArc) {
            throw Error(ErrorCode::MalformedData, "OID: arc too large");
        }
        value = value << 7 | (byte & 0x7F);
        if ((byte & MoreBytes) != 0) {
            continue;
        }
        if (first) {
            std::uint64_t top = value < 80 ? value / 40 : 2;
            dotted = std::to_string(top) + "." + std::to_string(value - top * 40);
            first = false;
        } else {
            dotted += "." + std::to_string(value);
        }
        value = 0;
    }
    return dotted;
}

Bytes encodeOid(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    for (std::size_t pos = 0;;) {
        std::size_t dot = dotted.find('.', pos);
        std::string_view text = dotted.substr(pos, dot == std::string_view::npos ? dot : dot - pos);
        const char* textEnd = text.data() + text.size();
        std::uint64_t arc = 0;
        auto [next, ec] = std::from_chars(text.data(), textEnd, arc);
        if (text.empty() || ec != std::errc() || next != textEnd) {
            throw Error(ErrorCode::InvalidArgument, "OID: bad dotted form");
        }
        arcs.push_back(arc);
        if (dot == std::string_view::npos) {
            break;
        }
        pos = dot + 1;
    }
    // 40 * arc0 + arc1 must fit the first subidentifier.
    if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40) ||
        arcs[1] > UINT64_MAX - 80) {
        throw Error(ErrorCode::InvalidArgument, "OID: bad first arcs");
    }
    Bytes out;
    appendBase128(out, arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i) {
        appendBase128(out, arcs[i]);
    }
    return out;
}

Bytes encodeOidObject(std::string_view dotted) {
    return tlv::encode(asn1::ObjectIdentifier, encodeOid(dotted));
}

} // namespace cccd::crypto

#include "tlv/Tlv.h"

#include "base/Error.h"

namespace cccd::tlv {

namespace {

constexpr std::uint8_t ConstructedBit = 0x20;
constexpr std::uint8_t TagNumberMask = 0x1F;
constexpr std::uint8_t MoreTagBytes = 0x80;
constexpr std::uint8_t IndefiniteLength = 0x80;
constexpr std::size_t MaxTagBytes = 4;
constexpr std::size_t MaxLengthBytes = 4;
constexpr int MaxNesting = 32;

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("BER-TLV: ") + what);
}

struct Header {
    std::uint32_t tag = 0;
    std::size_t headerSize = 0;
    std::optional<std::size_t> length; // nullopt: indefinite
};

// ISO/IEC 8825-1 §8.1.2 (identifier octets) and §8.1.3 (length octets).
Header readHeader(ByteView data) {
    Header h;
    std::size_t pos = 0;
    if (data.empty()) {
        malformed("missing tag");
    }
    h.tag = data[pos++];
    if ((h.tag & TagNumberMask) == TagNumberMask) {
        do {
            if (pos >= data.size()) {
                malformed("truncated tag");
            }
            if (pos >= MaxTagBytes) {
                malformed("tag longer than 4 bytes");
            }
            h.tag = h.tag << 8 | data[pos];
        } while (data[pos++] & MoreTagBytes);
    }
    if (pos >= data.size()) {
        malformed("missing length");
    }
    std::uint8_t first = data[pos++];
    if (first < 0x80) {
        h.length = first;
    } else if (first == IndefiniteLength) {
        h.length = std::nullopt;
    } else {
        std::size_t count = first & 0x7F;
        if (count > MaxLengthBytes) {
            malformed("length field longer than 4 bytes");
        }
        if (data.size() - pos < count) {
            malformed("truncated length");
        }
        std::size_t length = 0;
        for (std::size_t i = 0; i < count; ++i) {
            length = length << 8 | data[pos++];
        }
        h.length = length;
    }
    h.headerSize = pos;
    return h;
}

bool isConstructed(std::uint32_t tag) {
    std::uint32_t first = tag;
    while (first > 0xFF) {
        first >>= 8;
    }
    return (first & ConstructedBit) != 0;
}

Tlv parseAt(ByteView data, int depth);

// Indefinite length (§8.1.3.6): children follow until the end-of-contents octets 00 00.
std::size_t indefiniteValueSize(ByteView rest, int depth) {
    std::size_t pos = 0;
    while (true) {
        if (rest.size() - pos < 2) {
            malformed("indefinite length without end-of-contents");
        }
        if (rest[pos] == 0x00 && rest[pos + 1] == 0x00) {
            return pos;
        }
        pos += parseAt(rest.subspan(pos), depth + 1).encoded.size();
    }
}

Tlv parseAt(ByteView data, int depth) {
    if (depth > MaxNesting) {
        malformed("nesting too deep");
    }
    Header h = readHeader(data);
    ByteView rest = data.subspan(h.headerSize);
    Tlv t;
    t.tag = h.tag;
    if (h.length) {
        if (*h.length > rest.size()) {
            malformed("value runs past the end of the data");
        }
        t.value = rest.first(*h.length);
        t.encoded = data.first(h.headerSize + *h.length);
        return t;
    }
    if (!isConstructed(h.tag)) {
        malformed("indefinite length on a primitive object");
    }
    std::size_t valueSize = indefiniteValueSize(rest, depth);
    t.value = rest.first(valueSize);
    t.encoded = data.first(h.headerSize + valueSize + 2);
    return t;
}

} // namespace

bool Tlv::constructed() const {
    return isConstructed(tag);
}

Tlv TlvReader::next() {
    if (atEnd()) {
        malformed("read past the last object");
    }
    Tlv t = parseAt(m_data.subspan(m_offset), 0);
    m_offset += t.encoded.size();
    return t;
}

Tlv TlvReader::expect(std::uint32_t tag) {
    Tlv t = next();
    if (t.tag != tag) {
        malformed("unexpected tag");
    }
    return t;
}

Tlv parse(ByteView data) {
    return parseAt(data, 0);
}

Tlv parse(ByteView data, std::uint32_t tag) {
    Tlv t = parseAt(data, 0);
    if (t.tag != tag) {
        malformed("unexpected tag");
    }
    return t;
}

std::vector<Tlv> children(const Tlv& parent) {
    std::vector<Tlv> out;
    TlvReader reader(parent.value);
    while (!reader.atEnd()) {
        out.push_back(reader.next());
    }
    return out;
}

std::vector<Bytes> encodedChildren(const Tlv& parent) {
    std::vector<Bytes> out;
    for (const Tlv& child : children(parent)) {
        out.emplace_back(child.encoded.begin(), child.encoded.end());
    }
    return out;
}

std::vector<Bytes> encodedChildren(ByteView encoded) {
    return encodedChildren(parse(encoded));
}

std::optional<Tlv> findChild(const Tlv& parent, std::uint32_t tag) {
    TlvReader reader(parent.value);
    while (!reader.atEnd()) {
        Tlv t = reader.next();
        if (t.tag == tag) {
            return t;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> encodedSizeFromHeader(ByteView header) {
    try {
        Header h = readHeader(header);
        if (!h.length) {
            malformed("indefinite length at file level");
        }
        return h.headerSize + *h.length;
    } catch (const Error&) {
        // A header is at most 4 tag bytes and 5 length bytes: below that, ask for more.
        if (header.size() < MaxTagBytes + 1 + MaxLengthBytes) {
            return std::nullopt;
        }
        throw;
    }
}

Bytes encodeTag(std::uint32_t tag) {
    Bytes out;
    bool started = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
        auto b = static_cast<std::uint8_t>(tag >> shift);
        if (b != 0 || started || shift == 0) {
            out.push_back(b);
            started = true;
        }
    }
    return out;
}

Bytes encodeLength(std::size_t length) {
    if (length < 0x80) {
        return {static_cast<std::uint8_t>(length)};
    }
    Bytes digits = encodeUnsigned(length);
    Bytes out{static_cast<std::uint8_t>(0x80 | digits.size())};
    append(out, digits);
    return out;
}

Bytes encode(std::uint32_t tag, ByteView value) {
    Bytes out = encodeTag(tag);
    append(out, encodeLength(value.size()));
    append(out, value);
    return out;
}

Bytes encodeUnsigned(std::uint64_t value) {
    Bytes out;
    do {
        out.insert(out.begin(), static_cast<std::uint8_t>(value & 0xFF));
        value >>= 8;
    } while (value != 0);
    return out;
}

Bytes encodeInteger(std::uint64_t value) {
    Bytes digits = encodeUnsigned(value);
    if (digits.front() & 0x80) {
        digits.insert(digits.begin(), 0x00);
    }
    return encode(0x02, digits);
}

std::uint64_t decodeUnsigned(ByteView value) {
    if (value.empty()) {
        malformed("empty INTEGER");
    }
    if (value[0] & 0x80) {
        malformed("negative INTEGER");
    }
    std::size_t start = 0;
    while (start + 1 < value.size() && value[start] == 0x00) {
        ++start;
    }
    if (value.size() - start > 8) {
        malformed("INTEGER too large");
    }
    std::uint64_t out = 0;
    for (std::size_t i = start; i < value.size(); ++i) {
        out = out << 8 | value[i];
    }
    return out;
}

} // namespace cccd::tlv

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/Bytes.h"

namespace cccd::tlv {

/// One BER-TLV data object (ISO/IEC 8825-1, as profiled by ISO/IEC 7816-4 §5.2). A view: the
/// bytes belong to the buffer it was parsed from.
struct Tlv {
    std::uint32_t tag = 0; ///< tag bytes big-endian, e.g. 0x5F1F, 0x7F61, 0x30
    ByteView value;        ///< contents octets (for indefinite length: without the end marker)
    ByteView encoded;      ///< the whole object: tag, length, value (and end marker)

    /// Bit 6 of the first tag byte: the value is itself a sequence of TLVs.
    [[nodiscard]] bool constructed() const;
};

/// Reads consecutive TLVs from a buffer; every read is bounds-checked and a malformed object
/// throws Error(MalformedData).
class TlvReader {
public:
    explicit TlvReader(ByteView data) : m_data(data) {}

    [[nodiscard]] bool atEnd() const { return m_offset >= m_data.size(); }

    /// Reads the next object. Throws on truncated or malformed input.
    Tlv next();

    /// Reads the next object and checks its tag.
    Tlv expect(std::uint32_t tag);

    [[nodiscard]] std::size_t offset() const { return m_offset; }

private:
    ByteView m_data;
    std::size_t m_offset = 0;
};

/// Parses the object at the start of data; bytes after it are ignored (files on a card may be
/// padded). Throws Error(MalformedData).
[[nodiscard]] Tlv parse(ByteView data);

/// Parses the object at the start of data and checks its tag.
[[nodiscard]] Tlv parse(ByteView data, std::uint32_t tag);

/// The children of a constructed object.
[[nodiscard]] std::vector<Tlv> children(const Tlv& parent);

/// Copies of the children's encodings, for editing a constructed object and encoding it again.
[[nodiscard]] std::vector<Bytes> encodedChildren(const Tlv& parent);

/// The same for the object at the start of encoded.
[[nodiscard]] std::vector<Bytes> encodedChildren(ByteView encoded);

/// The first child with the given tag, if any.
[[nodiscard]] std::optional<Tlv> findChild(const Tlv& parent, std::uint32_t tag);

/// Total size (header + value) of the object whose first bytes are given, from its header
/// alone; nullopt when more header bytes are needed. Used to size a file from its first bytes.
[[nodiscard]] std::optional<std::size_t> encodedSizeFromHeader(ByteView header);

/// Writers: minimal definite-length encoding (DER rules for the length).
[[nodiscard]] Bytes encodeTag(std::uint32_t tag);
[[nodiscard]] Bytes encodeLength(std::size_t length);
[[nodiscard]] Bytes encode(std::uint32_t tag, ByteView value);

/// Encodes a non-negative integer in the fewest big-endian bytes (at least one).
[[nodiscard]] Bytes encodeUnsigned(std::uint64_t value);

/// ASN.1 INTEGER (tag 02) with a non-negative value, with the leading zero DER requires.
[[nodiscard]] Bytes encodeInteger(std::uint64_t value);

/// Decodes the contents of an ASN.1 INTEGER that must be non-negative and fit in 64 bits.
[[nodiscard]] std::uint64_t decodeUnsigned(ByteView value);

} // namespace cccd::tlv

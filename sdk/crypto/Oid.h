#pragma once

#include <string>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::crypto {

/// ASN.1 universal tags used by the X.509 and CMS parsers (ITU-T X.680 §8.4).
namespace asn1 {
constexpr std::uint32_t Integer = 0x02;
constexpr std::uint32_t BitString = 0x03;
constexpr std::uint32_t OctetString = 0x04;
constexpr std::uint32_t Null = 0x05;
constexpr std::uint32_t ObjectIdentifier = 0x06;
constexpr std::uint32_t PrintableString = 0x13;
constexpr std::uint32_t UtcTime = 0x17;
constexpr std::uint32_t GeneralizedTime = 0x18;
constexpr std::uint32_t Sequence = 0x30;
constexpr std::uint32_t Set = 0x31;
constexpr std::uint32_t ContextConstructed0 = 0xA0;
constexpr std::uint32_t ContextConstructed1 = 0xA1;
constexpr std::uint32_t ContextConstructed2 = 0xA2;
constexpr std::uint32_t ContextConstructed3 = 0xA3;
constexpr std::uint32_t ContextPrimitive0 = 0x80;
} // namespace asn1

/// Dotted form ("2.23.136.1.1.1") of the contents octets of an OBJECT IDENTIFIER
/// (ITU-T X.690 §8.19). Throws Error(MalformedData) on a bad encoding.
[[nodiscard]] std::string decodeOid(ByteView contents);

/// Contents octets of an OBJECT IDENTIFIER from its dotted form. Throws Error(InvalidArgument) on
/// bad syntax (an empty arc, a character other than digits and dots), fewer than two arcs, or a
/// first arc above 2 (second arc above 39 under 0 and 1).
[[nodiscard]] Bytes encodeOid(std::string_view dotted);

/// The whole OBJECT IDENTIFIER TLV (tag 06) for a dotted OID; throws as encodeOid.
[[nodiscard]] Bytes encodeOidObject(std::string_view dotted);

} // namespace cccd::crypto

#pragma once

#include <string>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::lds {

/// Dotted form ("0.4.0.127.0.7.2.2.4.2.2") of the contents octets of an ASN.1 OBJECT
/// IDENTIFIER (ITU-T X.690 §8.19). Throws Error(MalformedData) on an empty value, a truncated
/// sub-identifier or one wider than 64 bits.
[[nodiscard]] std::string oidToString(ByteView contents);

/// Contents octets for a dotted OID. Throws Error(InvalidArgument) on bad syntax, fewer than
/// two arcs, or a first arc above 2 (second arc above 39 under 0 and 1).
[[nodiscard]] Bytes oidFromString(std::string_view dotted);

/// The whole OBJECT IDENTIFIER TLV (tag 06).
[[nodiscard]] Bytes encodeOid(std::string_view dotted);

} // namespace cccd::lds

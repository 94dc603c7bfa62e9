#pragma once

#include <optional>
#include <string>

#include "base/Bytes.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {

/// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
/// (RFC 5280 §4.1.1.2).
struct AlgorithmIdentifier {
    std::string oid;                 ///< dotted form
    std::optional<Bytes> parameters; ///< the whole encoded parameters object, absent if omitted

    /// True when parameters are absent or an ASN.1 NULL (both mean "no parameters").
    [[nodiscard]] bool hasNoParameters() const;
};

/// Parses an AlgorithmIdentifier SEQUENCE. Throws Error(MalformedData).
[[nodiscard]] AlgorithmIdentifier parseAlgorithmIdentifier(const tlv::Tlv& sequence);

[[nodiscard]] AlgorithmIdentifier parseAlgorithmIdentifier(ByteView der);

/// Reads the dotted OID of an OBJECT IDENTIFIER TLV, checking its tag.
[[nodiscard]] std::string readOid(const tlv::Tlv& object);

} // namespace cccd::crypto

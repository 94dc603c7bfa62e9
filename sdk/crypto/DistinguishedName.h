#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"

struct X509_name_st;

namespace cccd::crypto {

/// An X.501 Name (RFC 5280 §4.1.2.4) in a form that compares the way eMRTD PKIs need: attribute
/// order ignored and values compared after case folding and whitespace folding (RFC 4518 in
/// spirit; ASCII only). Issuers write the same DN as "C=gb" in one place and "C=GB" or in another
/// order elsewhere (ICAO 9303-12 §7.1.1 asks for consistent DNs, real documents differ).
class DistinguishedName {
public:
    struct Attribute {
        std::string type;  ///< dotted OID, e.g. "2.5.4.3"
        std::string value; ///< UTF-8, as encoded
    };

    DistinguishedName() = default;

    /// From the DER of a Name. Throws Error(MalformedData).
    [[nodiscard]] static DistinguishedName fromDer(ByteView der);

    /// From an OpenSSL name; the crypto layer's own use.
    [[nodiscard]] static DistinguishedName fromOpenSsl(const X509_name_st* name);

    /// Attributes in encoded order.
    [[nodiscard]] const std::vector<Attribute>& attributes() const { return m_attributes; }

    /// "C=VN, O=..., CN=..." in encoded order (short names where OpenSSL knows them).
    [[nodiscard]] std::string toString() const;

    /// The normalized, sorted form used for comparison.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& normalized() const {
        return m_normalized;
    }

    [[nodiscard]] bool operator==(const DistinguishedName& other) const {
        return m_normalized == other.m_normalized;
    }

private:
    std::vector<Attribute> m_attributes;
    std::vector<std::pair<std::string, std::string>> m_normalized;
    std::string m_display;
};

} // namespace cccd::crypto

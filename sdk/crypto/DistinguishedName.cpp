#include "crypto/DistinguishedName.h"

#include <algorithm>
#include <array>
#include <limits>

#include "base/Error.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

namespace {

// Case folding for ASCII letters and folding of runs of spaces to one, trimmed (the ASCII part
// of the LDAP string preparation of RFC 4518 §2); other UTF-8 bytes are compared as they are.
std::string foldValue(const std::string& value) {
    std::string out;
    bool pendingSpace = false;
    for (char c : value) {
        if (c == ' ' || c == '\t') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string dottedOid(const ASN1_OBJECT* object) {
    std::array<char, 128> text{};
    int length = OBJ_obj2txt(text.data(), static_cast<int>(text.size()), object, 1);
    if (length <= 0) {
        return {};
    }
    return std::string(text.data());
}

// "CN", "O", "serialNumber" where OpenSSL knows the attribute, else the dotted OID.
std::string shortName(const ASN1_OBJECT* object) {
    const char* name = OBJ_nid2sn(OBJ_obj2nid(object));
    return name != nullptr ? std::string(name) : dottedOid(object);
}

} // namespace

DistinguishedName DistinguishedName::fromOpenSsl(const X509_name_st* name) {
    DistinguishedName dn;
    const int count = X509_NAME_entry_count(name);
    std::string display;
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
        unsigned char* utf8 = nullptr;
        int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
        if (length < 0) {
            throwOpenSslFailure("DN attribute value");
        }
        Attribute attribute{dottedOid(object),
                            std::string(reinterpret_cast<char*>(utf8), std::size_t(length))};
        OPENSSL_free(utf8);

        display += (display.empty() ? "" : ", ") + shortName(object) + "=" + attribute.value;
        dn.m_normalized.emplace_back(attribute.type, foldValue(attribute.value));
        dn.m_attributes.push_back(std::move(attribute));
    }
    std::sort(dn.m_normalized.begin(), dn.m_normalized.end());
    dn.m_display = std::move(display);
    return dn;
}

DistinguishedName DistinguishedName::fromDer(ByteView der) {
    if (der.empty() || der.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
        throw Error(ErrorCode::MalformedData, "Name: empty");
    }
    const unsigned char* cursor = der.data();
    X509NamePtr name(d2i_X509_NAME(nullptr, &cursor, static_cast<long>(der.size())));
    if (!name) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "Name: bad encoding");
    }
    return fromOpenSsl(name.get());
}

std::string DistinguishedName::toString() const {
    return m_display;
}

} // namespace cccd::crypto

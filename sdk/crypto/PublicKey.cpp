#include "crypto/PublicKey.h"

#include <limits>
#include <utility>

#include "base/Error.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

PublicKey PublicKey::fromSubjectPublicKeyInfo(ByteView der) {
    if (der.empty() || der.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
        throw Error(ErrorCode::MalformedData, "SubjectPublicKeyInfo: empty");
    }
    // d2i_PUBKEY keeps explicit EC parameters as given; only certificate path validation
    // (X509_V_ERR_EC_KEY_EXPLICIT_PARAMS) refuses them, and this SDK does not use it.
    const unsigned char* cursor = der.data();
    EvpPkeyPtr key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(der.size())));
    if (!key) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "SubjectPublicKeyInfo: not a supported public key");
    }
    auto consumed = static_cast<std::size_t>(cursor - der.data());
    return PublicKey(key.release(), Bytes(der.begin(), der.begin() + consumed));
}

PublicKey::PublicKey(const PublicKey& other) : m_key(other.m_key), m_spki(other.m_spki) {
    EVP_PKEY_up_ref(m_key);
}

PublicKey::PublicKey(PublicKey&& other) noexcept
    : m_key(std::exchange(other.m_key, nullptr)), m_spki(std::move(other.m_spki)) {}

PublicKey& PublicKey::operator=(const PublicKey& other) {
    if (this != &other) {
        PublicKey copy(other);
        *this = std::move(copy);
    }
    return *this;
}

PublicKey& PublicKey::operator=(PublicKey&& other) noexcept {
    if (this != &other) {
        EVP_PKEY_free(m_key);
        m_key = std::exchange(other.m_key, nullptr);
        m_spki = std::move(other.m_spki);
    }
    return *this;
}

PublicKey::~PublicKey() {
    EVP_PKEY_free(m_key);
}

PublicKey::Type PublicKey::type() const {
    switch (EVP_PKEY_get_base_id(m_key)) {
    case EVP_PKEY_RSA:
        return Type::Rsa;
    case EVP_PKEY_RSA_PSS:
        return Type::RsaPss;
    case EVP_PKEY_EC:
        return Type::Ec;
    case EVP_PKEY_DSA:
        return Type::Dsa;
    default:
        return Type::Other;
    }
}

int PublicKey::bits() const {
    return EVP_PKEY_get_bits(m_key);
}

std::string_view publicKeyTypeName(PublicKey::Type type) {
    switch (type) {
    case PublicKey::Type::Rsa:
        return "rsa";
    case PublicKey::Type::RsaPss:
        return "rsa_pss";
    case PublicKey::Type::Ec:
        return "ec";
    case PublicKey::Type::Dsa:
        return "dsa";
    case PublicKey::Type::Other:
        return "other";
    }
    return "other";
}

} // namespace cccd::crypto

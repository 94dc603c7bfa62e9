#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/Bytes.h"

struct evp_pkey_st;

namespace cccd::crypto {

/// A public key decoded from a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): RSA, RSA-PSS, EC with a
/// named curve or with explicit curve parameters (brainpool keys in CSCA and DS certificates
/// often carry them, RFC 3279 §2.3.5 ECParameters), or DSA.
class PublicKey {
public:
    enum class Type { Rsa, RsaPss, Ec, Dsa, Other };

    /// Throws Error(MalformedData) when the bytes are not a usable SubjectPublicKeyInfo.
    [[nodiscard]] static PublicKey fromSubjectPublicKeyInfo(ByteView der);

    PublicKey(const PublicKey& other);
    PublicKey(PublicKey&& other) noexcept;
    PublicKey& operator=(const PublicKey& other);
    PublicKey& operator=(PublicKey&& other) noexcept;
    ~PublicKey();

    [[nodiscard]] Type type() const;

    /// Modulus size for RSA, field size for EC.
    [[nodiscard]] int bits() const;

    /// The SubjectPublicKeyInfo the key was decoded from.
    [[nodiscard]] const Bytes& subjectPublicKeyInfo() const { return m_spki; }

    /// The OpenSSL key, owned by this object; for the crypto layer's own use.
    [[nodiscard]] evp_pkey_st* handle() const { return m_key; }

private:
    PublicKey(evp_pkey_st* key, Bytes spki) : m_key(key), m_spki(std::move(spki)) {}

    evp_pkey_st* m_key = nullptr; ///< one reference, released in the destructor
    Bytes m_spki;
};

/// "rsa", "rsa_pss", "ec", "dsa", "other" for JSON output.
[[nodiscard]] std::string_view publicKeyTypeName(PublicKey::Type type);

} // namespace cccd::crypto

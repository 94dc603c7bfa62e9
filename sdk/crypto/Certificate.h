#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Asn1Time.h"
#include "crypto/DistinguishedName.h"
#include "crypto/PublicKey.h"

namespace cccd::crypto {

/// PrivateKeyUsagePeriod extension (RFC 3280 §4.2.1.4, kept by ICAO 9303-12 §7.1.1): when the
/// private key of a CSCA or Document Signer may sign.
struct PrivateKeyUsagePeriod {
    std::optional<Time> notBefore;
    std::optional<Time> notAfter;
};

/// The keyUsage extension (RFC 5280 §4.2.1.3).
struct KeyUsage {
    bool critical = false;
    std::uint32_t bits = 0; ///< OpenSSL's KU_* flags, e.g. KU_DIGITAL_SIGNATURE (0x80)

    [[nodiscard]] bool digitalSignature() const { return (bits & 0x80U) != 0; }
};

/// An X.509 v3 certificate (RFC 5280 §4.1): a CSCA, link, Document Signer or master list signer
/// certificate. Immutable; keeps its DER.
class Certificate {
public:
    /// Throws Error(MalformedData) when the bytes are not one complete certificate.
    [[nodiscard]] static Certificate fromDer(ByteView der);

    /// The first certificate of a PEM text. Throws Error(MalformedData) if there is none.
    [[nodiscard]] static Certificate fromPem(std::string_view pem);

    /// Every certificate of a PEM text, in order (an empty vector if there is none).
    [[nodiscard]] static std::vector<Certificate> allFromPem(std::string_view pem);

    [[nodiscard]] const Bytes& der() const { return m_der; }

    /// The X.509 version, 1 to 3 (the field holds 0 to 2; absent means 1).
    [[nodiscard]] int version() const { return m_version; }

    /// tbsCertificate's signature field, which must equal signatureAlgorithm (RFC 5280
    /// §4.1.2.3).
    [[nodiscard]] const AlgorithmIdentifier& tbsSignatureAlgorithm() const {
        return m_tbsSignatureAlgorithm;
    }

    /// The ASN.1 tags notBefore and notAfter are encoded with: 0x17 UTCTime, 0x18
    /// GeneralizedTime.
    [[nodiscard]] std::uint32_t notBeforeTag() const { return m_notBeforeTag; }

    [[nodiscard]] std::uint32_t notAfterTag() const { return m_notAfterTag; }

    [[nodiscard]] const DistinguishedName& subject() const { return m_subject; }

    [[nodiscard]] const DistinguishedName& issuer() const { return m_issuer; }

    /// Contents octets of the serialNumber INTEGER, as encoded (compared byte for byte).
    [[nodiscard]] const Bytes& serialNumber() const { return m_serialNumber; }

    [[nodiscard]] Time notBefore() const { return m_notBefore; }

    [[nodiscard]] Time notAfter() const { return m_notAfter; }

    [[nodiscard]] const std::optional<Bytes>& subjectKeyIdentifier() const { return m_ski; }

    /// The keyIdentifier of the authorityKeyIdentifier extension.
    [[nodiscard]] const std::optional<Bytes>& authorityKeyIdentifier() const { return m_aki; }

    /// Whether the authorityKeyIdentifier extension is there at all, with or without a
    /// keyIdentifier.
    [[nodiscard]] bool hasAuthorityKeyIdentifierExtension() const { return m_akiExtension; }

    [[nodiscard]] const std::optional<KeyUsage>& keyUsage() const { return m_keyUsage; }

    [[nodiscard]] const std::optional<PrivateKeyUsagePeriod>& privateKeyUsagePeriod() const {
        return m_privateKeyUsagePeriod;
    }

    [[nodiscard]] const PublicKey& publicKey() const { return m_publicKey; }

    [[nodiscard]] const AlgorithmIdentifier& signatureAlgorithm() const {
        return m_signatureAlgorithm;
    }

    /// True when notBefore <= time <= notAfter.
    [[nodiscard]] bool isValidAt(Time time) const;

    /// True when subject and issuer are the same name (a self-signed CSCA, or a link certificate
    /// from the previous CSCA key).
    [[nodiscard]] bool isSelfIssued() const { return m_subject == m_issuer; }

    /// Verifies this certificate's signature with the issuer's public key (RFC 5280 §6.1.3 (a)(1))
    /// directly, so explicit EC parameters are accepted (OpenSSL path validation refuses them
    /// with X509_V_ERR_EC_KEY_EXPLICIT_PARAMS). False also for unsupported algorithms.
    [[nodiscard]] bool verifySignedBy(const Certificate& issuer) const;

private:
    explicit Certificate(PublicKey key) : m_publicKey(std::move(key)) {}

    Bytes m_der;
    int m_version = 1;
    AlgorithmIdentifier m_tbsSignatureAlgorithm;
    std::uint32_t m_notBeforeTag = 0;
    std::uint32_t m_notAfterTag = 0;
    bool m_akiExtension = false;
    std::optional<KeyUsage> m_keyUsage;
    Bytes m_tbsCertificate;
    Bytes m_signature;
    AlgorithmIdentifier m_signatureAlgorithm;
    Bytes m_serialNumber;
    DistinguishedName m_subject;
    DistinguishedName m_issuer;
    Time m_notBefore;
    Time m_notAfter;
    std::optional<Bytes> m_ski;
    std::optional<Bytes> m_aki;
    std::optional<PrivateKeyUsagePeriod> m_privateKeyUsagePeriod;
    PublicKey m_publicKey;
};

/// Contents of a BIT STRING without the unused-bits octet; throws unless that octet is 0.
[[nodiscard]] ByteView bitStringBytes(const tlv::Tlv& bitString);

} // namespace cccd::crypto

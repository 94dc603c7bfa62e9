#include "crypto/Certificate.h"

#include <limits>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/Signature.h"
#include "crypto/SignatureAlgorithm.h"

namespace cccd::crypto {

namespace {

using PkeyUsagePeriodPtr = OpenSslPtr<PKEY_USAGE_PERIOD, PKEY_USAGE_PERIOD_free>;

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("X.509: ") + what);
}

Bytes toBytes(const ASN1_OCTET_STRING* string) {
    const unsigned char* data = ASN1_STRING_get0_data(string);
    return Bytes(data, data + ASN1_STRING_length(string));
}

// Re-encodes the GeneralizedTime and decodes it like every other time of this layer, instead of
// going through struct tm and the platform's timegm.
std::optional<Time> toTime(const ASN1_GENERALIZEDTIME* time) {
    if (time == nullptr) {
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    int length = i2d_ASN1_GENERALIZEDTIME(time, &der);
    if (length <= 0) {
        throwOpenSslFailure("PrivateKeyUsagePeriod time");
    }
    Bytes encoded(der, der + length);
    OPENSSL_free(der);
    return decodeAsn1Time(tlv::parse(encoded));
}

} // namespace

ByteView bitStringBytes(const tlv::Tlv& bitString) {
    if (bitString.tag != asn1::BitString || bitString.value.empty() || bitString.value[0] != 0) {
        malformed("expected a BIT STRING of whole octets");
    }
    return bitString.value.subspan(1);
}

Certificate Certificate::fromDer(ByteView der) {
    // RFC 5280 §4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
    // signatureValue }. The TBS bytes, serial and validity are taken from the encoding itself.
    tlv::Tlv outer = tlv::parse(der, asn1::Sequence);
    tlv::TlvReader reader(outer.value);
    tlv::Tlv tbs = reader.expect(asn1::Sequence);
    tlv::Tlv signatureAlgorithm = reader.expect(asn1::Sequence);
    tlv::Tlv signatureValue = reader.expect(asn1::BitString);

    tlv::TlvReader fields(tbs.value);
    tlv::Tlv field = fields.next();
    int version = 1;
    if (field.tag == asn1::ContextConstructed0) {
        tlv::Tlv number = tlv::parse(field.value, asn1::Integer);
        version = number.value.size() == 1 && number.value[0] < 3 ? number.value[0] + 1 : 0;
        field = fields.next();
    }
    if (field.tag != asn1::Integer || field.value.empty()) {
        malformed("missing serialNumber");
    }
    Bytes serial(field.value.begin(), field.value.end());
    AlgorithmIdentifier tbsSignature = parseAlgorithmIdentifier(fields.expect(asn1::Sequence));
    (void)fields.expect(asn1::Sequence); // issuer
    tlv::TlvReader validity(fields.expect(asn1::Sequence).value);
    tlv::Tlv notBeforeTime = validity.next();
    tlv::Tlv notAfterTime = validity.next();
    Time notBefore = decodeAsn1Time(notBeforeTime);
    Time notAfter = decodeAsn1Time(notAfterTime);
    (void)fields.expect(asn1::Sequence); // subject
    tlv::Tlv spki = fields.expect(asn1::Sequence);

    if (outer.encoded.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
        malformed("too large");
    }
    const unsigned char* cursor = outer.encoded.data();
    X509Ptr x509(d2i_X509(nullptr, &cursor, static_cast<long>(outer.encoded.size())));
    if (!x509) {
        clearOpenSslErrors();
        malformed("not a certificate");
    }

    Certificate cert(PublicKey::fromSubjectPublicKeyInfo(spki.encoded));
    cert.m_der.assign(outer.encoded.begin(), outer.encoded.end());
    cert.m_version = version;
    cert.m_tbsSignatureAlgorithm = std::move(tbsSignature);
    cert.m_notBeforeTag = notBeforeTime.tag;
    cert.m_notAfterTag = notAfterTime.tag;
    cert.m_tbsCertificate.assign(tbs.encoded.begin(), tbs.encoded.end());
    ByteView signature = bitStringBytes(signatureValue);
    cert.m_signature.assign(signature.begin(), signature.end());
    cert.m_signatureAlgorithm = parseAlgorithmIdentifier(signatureAlgorithm);
    cert.m_serialNumber = std::move(serial);
    cert.m_notBefore = notBefore;
    cert.m_notAfter = notAfter;
    cert.m_subject = DistinguishedName::fromOpenSsl(X509_get_subject_name(x509.get()));
    cert.m_issuer = DistinguishedName::fromOpenSsl(X509_get_issuer_name(x509.get()));

    if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x509.get())) {
        cert.m_ski = toBytes(ski);
    }
    if (const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(x509.get())) {
        cert.m_aki = toBytes(aki);
    }
    cert.m_akiExtension = X509_get_ext_by_NID(x509.get(), NID_authority_key_identifier, -1) >= 0;
    int keyUsage = X509_get_ext_by_NID(x509.get(), NID_key_usage, -1);
    if (keyUsage >= 0) {
        X509_EXTENSION* extension = X509_get_ext(x509.get(), keyUsage);
        cert.m_keyUsage = KeyUsage{X509_EXTENSION_get_critical(extension) == 1,
                                   X509_get_key_usage(x509.get()) & 0xFFFFU};
    }
    int critical = 0;
    // Owned before its times are decoded: a malformed time throws.
    PkeyUsagePeriodPtr period(static_cast<PKEY_USAGE_PERIOD*>(
        X509_get_ext_d2i(x509.get(), NID_private_key_usage_period, &critical, nullptr)));
    if (period) {
        cert.m_privateKeyUsagePeriod =
            PrivateKeyUsagePeriod{toTime(period->notBefore), toTime(period->notAfter)};
    }
    clearOpenSslErrors();
    return cert;
}

Certificate Certificate::fromPem(std::string_view pem) {
    std::vector<Certificate> all = allFromPem(pem);
    if (all.empty()) {
        throw Error(ErrorCode::MalformedData, "PEM: no certificate");
    }
    return std::move(all.front());
}

std::vector<Certificate> Certificate::allFromPem(std::string_view pem) {
    if (pem.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw Error(ErrorCode::MalformedData, "PEM: too large");
    }
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) {
        throwOpenSslFailure("PEM buffer");
    }
    std::vector<Certificate> out;
    while (true) {
        X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!x509) {
            break;
        }
        unsigned char* der = nullptr;
        int length = i2d_X509(x509.get(), &der);
        if (length <= 0) {
            throwOpenSslFailure("certificate encoding");
        }
        Bytes bytes(der, der + length);
        OPENSSL_free(der);
        out.push_back(fromDer(bytes));
    }
    clearOpenSslErrors(); // the loop ends on "no start line"
    return out;
}

bool Certificate::isValidAt(Time time) const {
    return m_notBefore <= time && time <= m_notAfter;
}

bool Certificate::verifySignedBy(const Certificate& issuer) const {
    auto algorithm = signatureAlgorithmFromIdentifier(m_signatureAlgorithm);
    if (!algorithm) {
        return false;
    }
    return verifySignature(issuer.publicKey(), *algorithm, m_tbsCertificate, m_signature);
}

} // namespace cccd::crypto

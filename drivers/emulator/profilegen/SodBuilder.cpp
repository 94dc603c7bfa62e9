#include "emulator/profilegen/SodBuilder.h"

#include <cstdio>
#include <string>

#include <openssl/cms.h>

#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "crypto/OpenSslPtr.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

constexpr const char* LdsSecurityObjectOid = "2.23.136.1.1.1";   // ICAO 9303-10 §4.6.2.1
constexpr const char* SecurityObjectOid = "0.4.0.127.0.7.3.2.1"; // BSI TR-03110-3 §A.1.2.5
constexpr const char* Sha256Oid = "2.16.840.1.101.3.4.2.1";

using CmsPtr = crypto::OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using Asn1ObjectPtr = crypto::OpenSslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;
using Asn1TimePtr = crypto::OpenSslPtr<ASN1_TIME, ASN1_TIME_free>;

// PKCS #9 attribute types (RFC 2985 §5.3.1-5.3.3).
constexpr const char* ContentTypeAttribute = "1.2.840.113549.1.9.3";
constexpr const char* MessageDigestAttribute = "1.2.840.113549.1.9.4";
constexpr const char* SigningTimeAttribute = "1.2.840.113549.1.9.5";
constexpr const char* SignedDataOid = "1.2.840.113549.1.7.2";

Bytes attribute(const char* type, ByteView value) {
    Bytes contents = crypto::encodeOidObject(type);
    append(contents, tlv::encode(0x31, value));
    return tlv::encode(0x30, contents);
}

// UTCTime YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1 style, as CMS signingTime uses before 2050).
Bytes utcTime(std::chrono::sys_seconds time) {
    auto days = std::chrono::floor<std::chrono::days>(time);
    std::chrono::year_month_day date(days);
    std::chrono::hh_mm_ss clock(time - days);
    char text[16];
    std::snprintf(text, sizeof text, "%02d%02u%02u%02d%02d%02dZ", int(date.year()) % 100,
                  unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()));
    return tlv::encode(0x17, ByteView(reinterpret_cast<const std::uint8_t*>(text), 13));
}

void check(int ok, const char* step) {
    if (ok != 1) {
        crypto::throwOpenSslFailure(step);
    }
}

} // namespace

Bytes buildLdsSecurityObject(const std::vector<DataGroupFile>& dataGroups,
                             const std::string& digest) {
    Bytes hashes;
    for (const auto& [number, file] : dataGroups) {
        Bytes entry = tlv::encodeInteger(static_cast<std::uint64_t>(number));
        append(entry, tlv::encode(0x04, digestOf(digest, file)));
        append(hashes, tlv::encode(0x30, entry));
    }
    Bytes body = tlv::encodeInteger(0);
    append(body, digest == "sha256" ? tlv::encode(0x30, crypto::encodeOidObject(Sha256Oid))
                                    : digestAlgorithmIdentifier(digest));
    append(body, tlv::encode(0x30, hashes));
    return tlv::encode(0x30, body);
}

Bytes buildSignedData(std::string_view eContentType, ByteView content, X509* documentSigner,
                      EVP_PKEY* documentSignerKey, std::chrono::sys_seconds signingTime) {
    constexpr unsigned Flags = CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, Flags));
    if (!cms) {
        crypto::throwOpenSslFailure("CMS SignedData");
    }
    Asn1ObjectPtr contentType(OBJ_txt2obj(std::string(eContentType).c_str(), 1));
    check(contentType ? CMS_set1_eContentType(cms.get(), contentType.get()) : 0, "eContentType");

    // SHA-256 with the DS key; the certificate goes into `certificates`, the sid is
    // issuerAndSerialNumber (CMS default without CMS_USE_KEYID).
    CMS_SignerInfo* signer =
        CMS_add1_signer(cms.get(), documentSigner, documentSignerKey, EVP_sha256(), Flags);
    if (signer == nullptr) {
        crypto::throwOpenSslFailure("CMS signer");
    }
    // A fixed signingTime (the card's issue date) instead of the build time.
    Asn1TimePtr time(ASN1_TIME_set(nullptr, signingTime.time_since_epoch().count()));
    check(time ? CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_signingTime, time->type, time.get(),
                                             -1)
               : 0,
          "signingTime");

    crypto::BioPtr input(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
    check(input ? CMS_final(cms.get(), input.get(), nullptr, Flags) : 0, "CMS signature");

    int size = i2d_CMS_ContentInfo(cms.get(), nullptr);
    if (size <= 0) {
        crypto::throwOpenSslFailure("CMS encoding");
    }
    Bytes der(static_cast<std::size_t>(size));
    unsigned char* out = der.data();
    i2d_CMS_ContentInfo(cms.get(), &out);
    return der;
}

Bytes buildSignedData(std::string_view eContentType, ByteView content,
                      const IssuedCertificate& documentSigner, EVP_PKEY* documentSignerKey,
                      const SignedDataSpec& spec) {
    // RFC 5652 §5.4: the signature covers the DER of the signed attributes as a SET OF.
    std::vector<Bytes> attributes{
        attribute(ContentTypeAttribute, crypto::encodeOidObject(eContentType)),
        attribute(SigningTimeAttribute, utcTime(spec.signingTime)),
        attribute(MessageDigestAttribute, tlv::encode(0x04, digestOf(spec.digest, content)))};
    if (spec.editSignedAttributes) {
        spec.editSignedAttributes(attributes);
    }
    Bytes signedAttributes = concat(attributes);
    Bytes signature =
        signMessage(documentSignerKey, spec.signature, tlv::encode(0x31, signedAttributes));

    std::vector<Bytes> signerInfo{tlv::encodeInteger(spec.subjectKeyIdentifier ? 3 : 1),
                                  spec.subjectKeyIdentifier
                                      ? tlv::encode(0x80, documentSigner.subjectKeyIdentifier)
                                      : documentSigner.issuerAndSerialNumber,
                                  digestAlgorithmIdentifier(spec.digest),
                                  tlv::encode(0xA0, signedAttributes),
                                  signatureAlgorithmIdentifier(spec.signature),
                                  tlv::encode(0x04, signature)};
    if (spec.editSignerInfo) {
        spec.editSignerInfo(signerInfo);
    }

    Bytes encapsulated = crypto::encodeOidObject(eContentType);
    append(encapsulated, tlv::encode(0xA0, tlv::encode(0x04, content)));
    std::vector<Bytes> signedData{tlv::encodeInteger(3),
                                  tlv::encode(0x31, digestAlgorithmIdentifier(spec.digest)),
                                  tlv::encode(0x30, encapsulated)};
    if (spec.includeCertificate) {
        signedData.push_back(tlv::encode(0xA0, documentSigner.der));
    }
    signedData.push_back(tlv::encode(0x31, tlv::encode(0x30, concat(signerInfo))));
    if (spec.editSignedData) {
        spec.editSignedData(signedData);
    }

    Bytes contentInfo = crypto::encodeOidObject(SignedDataOid);
    append(contentInfo, tlv::encode(0xA0, tlv::encode(0x30, concat(signedData))));
    return tlv::encode(0x30, contentInfo);
}

Bytes buildSod(ByteView ldsSecurityObject, X509* documentSigner, EVP_PKEY* documentSignerKey,
               std::chrono::sys_seconds signingTime) {
    return tlv::encode(0x77, buildSignedData(LdsSecurityObjectOid, ldsSecurityObject,
                                             documentSigner, documentSignerKey, signingTime));
}

Bytes buildCardSecurity(ByteView securityInfos, X509* documentSigner, EVP_PKEY* documentSignerKey,
                        std::chrono::sys_seconds signingTime) {
    return buildSignedData(SecurityObjectOid, securityInfos, documentSigner, documentSignerKey,
                           signingTime);
}

} // namespace cccd::emulator

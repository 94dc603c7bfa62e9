#pragma once

#include <string>

#include <openssl/cms.h>
#include <openssl/x509.h>

#include "base/Bytes.h"

namespace cccd::test {

/// DER of a certificate built in a test.
[[nodiscard]] inline Bytes derOf(X509* certificate) {
    unsigned char* out = nullptr;
    int length = i2d_X509(certificate, &out);
    Bytes bytes(out, out + (length > 0 ? length : 0));
    OPENSSL_free(out);
    return bytes;
}

/// A CMS SignedData (RFC 5652) over `content` with the given eContentType, signed with SHA-256
/// by `signer`; `flags` adds e.g. CMS_USE_KEYID to name the signer by subject key identifier.
[[nodiscard]] inline Bytes signCms(const Bytes& content, const std::string& eContentTypeOid,
                                   X509* signer, EVP_PKEY* signerKey, unsigned int flags = 0) {
    BIO* in = BIO_new_mem_buf(content.data(), static_cast<int>(content.size()));
    CMS_ContentInfo* cms = CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_BINARY);
    ASN1_OBJECT* type = OBJ_txt2obj(eContentTypeOid.c_str(), 1);
    CMS_set1_eContentType(cms, type);
    ASN1_OBJECT_free(type);
    CMS_add1_signer(cms, signer, signerKey, EVP_sha256(), CMS_BINARY | flags);
    CMS_final(cms, in, nullptr, CMS_BINARY);
    unsigned char* out = nullptr;
    int length = i2d_CMS_ContentInfo(cms, &out);
    Bytes bytes(out, out + (length > 0 ? length : 0));
    OPENSSL_free(out);
    CMS_ContentInfo_free(cms);
    BIO_free(in);
    return bytes;
}

} // namespace cccd::test

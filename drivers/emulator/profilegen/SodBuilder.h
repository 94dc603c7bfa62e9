#pragma once

#include <chrono>
#include <string_view>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "base/Bytes.h"

namespace cccd::emulator {

/// A data group number and its file, to be hashed into EF.SOD.
using DataGroupFile = std::pair<int, ByteView>;

/// LDSSecurityObject version 0 with SHA-256 hashes of the files (ICAO 9303-10 §4.6.2.2).
[[nodiscard]] Bytes buildLdsSecurityObject(const std::vector<DataGroupFile>& dataGroups);

/// A ContentInfo around a CMS SignedData v3 (RFC 5652) that carries the content with the given
/// eContentType, the Document Signer certificate, and one SignerInfo identified by issuer and
/// serial number, SHA-256, with signed attributes contentType, signingTime and messageDigest,
/// signed ecdsa-with-SHA256 (cccd.md §1.6).
[[nodiscard]] Bytes buildSignedData(std::string_view eContentType, ByteView content,
                                    X509* documentSigner, EVP_PKEY* documentSignerKey,
                                    std::chrono::sys_seconds signingTime);

/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around the SignedData of the LDSSecurityObject.
[[nodiscard]] Bytes buildSod(ByteView ldsSecurityObject, X509* documentSigner,
                             EVP_PKEY* documentSignerKey, std::chrono::sys_seconds signingTime);

/// EF.CardSecurity (BSI TR-03110-3 §A.1.2): the bare SignedData of a SET
/// of SecurityInfos, eContentType id-SecurityObject (0.4.0.127.0.7.3.2.1).
[[nodiscard]] Bytes buildCardSecurity(ByteView securityInfos, X509* documentSigner,
                                      EVP_PKEY* documentSignerKey,
                                      std::chrono::sys_seconds signingTime);

} // namespace cccd::emulator

#pragma once

#include <chrono>
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

/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData v3 (RFC 5652) that carries the
/// LDSSecurityObject, the Document Signer certificate, and one SignerInfo identified by issuer
/// and serial number, SHA-256, with signed attributes contentType, signingTime and
/// messageDigest, signed ecdsa-with-SHA256 (cccd.md §1.6).
[[nodiscard]] Bytes buildSod(ByteView ldsSecurityObject, X509* documentSigner,
                             EVP_PKEY* documentSignerKey, std::chrono::sys_seconds signingTime);

} // namespace cccd::emulator

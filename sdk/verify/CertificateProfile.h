#pragma once

#include "crypto/Certificate.h"
#include "verify/CheckStatus.h"

namespace cccd::verify {

/// Checks a Document Signer (or master list signer) certificate against the certificate profile
/// of ICAO 9303-12 §7.1.1 and the rules of RFC 5280 §4.1 it relies on: version 3, the same
/// signature algorithm inside and outside tbsCertificate, an issuer DN with a country,
/// UTCTime for dates before 2050, an authorityKeyIdentifier with keyIdentifier, and a critical
/// keyUsage allowing digitalSignature. Returns the first rule broken.
[[nodiscard]] CertificateProfileStatus checkSignerProfile(const crypto::Certificate& certificate);

} // namespace cccd::verify

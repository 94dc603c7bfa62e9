#pragma once

#include <optional>
#include <span>

#include "crypto/Asn1Time.h"
#include "crypto/Certificate.h"
#include "verify/CheckStatus.h"

namespace cccd::verify {

struct ChainResult {
    ChainStatus status = ChainStatus::NotChecked;
    std::optional<crypto::Certificate> csca; ///< the anchor whose key verified the certificate
};

/// Finds the CSCA among the anchors that issued the certificate and checks its signature
/// (ICAO 9303-12 §7: a two-level PKI, every CSCA, link or self-signed, is an anchor). An anchor
/// is a candidate when its subject equals the issuer DN (order and case tolerated, RFC 5280
/// §6.1.3). A candidate whose subjectKeyIdentifier differs from the authorityKeyIdentifier is a
/// different CSCA key (rollover): not verifying under it means "issuer unknown", not
/// "signature invalid".
[[nodiscard]] ChainResult validateChain(const crypto::Certificate& certificate,
                                        std::span<const crypto::Certificate> anchors);

/// notBefore <= time <= notAfter.
[[nodiscard]] ValidityStatus validityAt(const crypto::Certificate& certificate, crypto::Time time);

/// The certificate's PrivateKeyUsagePeriod at a time; NotChecked when it has none.
[[nodiscard]] ValidityStatus privateKeyUsageAt(const crypto::Certificate& certificate,
                                               crypto::Time time);

} // namespace cccd::verify

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Certificate.h"
#include "crypto/SignerInfo.h"

namespace cccd::crypto {

/// CMS SignedData (RFC 5652 §5.1) inside its ContentInfo (§3): the container of EF.SOD
/// (ICAO 9303-10 §4.6.2), EF.CardSecurity (BSI TR-03110-3 §A.1.2) and CSCA master lists
/// (ICAO 9303-12 §9). Certificates that are not X.509 (other CertificateChoices) are skipped.
struct SignedData {
    int version = 0;
    std::vector<AlgorithmIdentifier> digestAlgorithms;
    std::string eContentType;      ///< dotted OID of the encapsulated content
    std::optional<Bytes> eContent; ///< absent for detached signatures
    std::vector<Certificate> certificates;
    std::vector<SignerInfo> signerInfos;

    /// Parses a ContentInfo whose contentType is id-signedData. Throws Error(MalformedData).
    [[nodiscard]] static SignedData parse(ByteView contentInfo);
};

/// id-signedData (RFC 5652 §5.1).
inline constexpr std::string_view SignedDataOid = "1.2.840.113549.1.7.2";

} // namespace cccd::crypto

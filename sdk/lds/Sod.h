#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Certificate.h"
#include "crypto/Hash.h"
#include "crypto/SignedData.h"
#include "crypto/SignerInfo.h"

namespace cccd::lds {

/// LDSVersionInfo (ICAO 9303-10 §4.6.2.3), present in LDSSecurityObject version 1.
struct LdsVersionInfo {
    std::string ldsVersion;     ///< e.g. "0108"
    std::string unicodeVersion; ///< e.g. "040000"
};

/// LDSSecurityObject (ICAO 9303-10 §4.6.2.3): the hash of every data group the issuer signed.
struct LdsSecurityObject {
    int version = 0; ///< 0 (LDS 1.7) or 1 (LDS 1.8, with ldsVersionInfo)
    crypto::HashAlgorithm hashAlgorithm = crypto::HashAlgorithm::Sha256;
    crypto::AlgorithmIdentifier hashAlgorithmIdentifier;
    std::map<int, Bytes> dataGroupHashes; ///< DG number (1..16) -> hash value
    std::optional<LdsVersionInfo> ldsVersionInfo;
};

/// The Document Signer's signature over a security object: the one SignerInfo and, when the
/// SignedData carries it, the DS certificate it names.
struct DocumentSignerInfo {
    crypto::SignerInfo signerInfo;
    std::optional<crypto::Certificate> certificate; ///< embedded DS certificate matching the sid
    crypto::SignerMatch match = crypto::SignerMatch::None;
};

/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData whose eContent is the
/// LDSSecurityObject. Keeps the raw bytes next to the parsed structure.
class Sod {
public:
    static constexpr std::uint32_t Tag = 0x77;

    /// Throws Error(MalformedData) for anything not a well-formed EF.SOD, and
    /// Error(NotSupported) for a hash algorithm outside SHA-1/SHA-2.
    [[nodiscard]] static Sod parse(ByteView efSod);

    [[nodiscard]] const Bytes& raw() const { return m_raw; }

    [[nodiscard]] const crypto::SignedData& signedData() const { return m_signedData; }

    [[nodiscard]] const LdsSecurityObject& ldsSecurityObject() const { return m_lds; }

    [[nodiscard]] const DocumentSignerInfo& documentSigner() const { return m_signer; }

private:
    Bytes m_raw;
    crypto::SignedData m_signedData;
    LdsSecurityObject m_lds;
    DocumentSignerInfo m_signer;
};

/// EF.CardSecurity (BSI TR-03110-3 §A.1.2, ICAO 9303-11 §9.2.1): a CMS SignedData whose
/// eContent is a SET of SecurityInfos, signed by a Document Signer. The SecurityInfos are kept
/// raw; parsing them belongs to the SecurityInfos parser of this layer.
class CardSecurity {
public:
    [[nodiscard]] static CardSecurity parse(ByteView efCardSecurity);

    [[nodiscard]] const Bytes& raw() const { return m_raw; }

    [[nodiscard]] const crypto::SignedData& signedData() const { return m_signedData; }

    [[nodiscard]] const Bytes& securityInfos() const { return *m_signedData.eContent; }

    [[nodiscard]] const DocumentSignerInfo& documentSigner() const { return m_signer; }

private:
    Bytes m_raw;
    crypto::SignedData m_signedData;
    DocumentSignerInfo m_signer;
};

/// id-icao-mrtd-security-ldsSecurityObject (ICAO 9303-10 §4.6.2.3).
inline constexpr std::string_view LdsSecurityObjectOid = "2.23.136.1.1.1";

/// id-SecurityObject (BSI TR-03110-3 §A.1.2.5).
inline constexpr std::string_view SecurityObjectOid = "0.4.0.127.0.7.3.2.1";

/// The first SignerInfo with the embedded certificate it names. Throws Error(MalformedData) if
/// there is no SignerInfo.
[[nodiscard]] DocumentSignerInfo locateDocumentSigner(const crypto::SignedData& signedData);

} // namespace cccd::lds

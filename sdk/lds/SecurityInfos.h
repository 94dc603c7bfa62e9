#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "crypto/KeyAgreementAlgorithm.h"
#include "lds/SubjectPublicKeyInfo.h"

namespace cccd::lds {

/// The key agreement a protocol OID names: the crypto layer's, so that keys go straight to it.
using KeyAgreement = crypto::KeyAgreementAlgorithm;

/// PACE mapping named by the protocol OID (ICAO 9303-11 §4.4.4, §9.2.1).
enum class PaceMapping { Generic, Integrated, ChipAuthentication };

/// Secure messaging cipher named by the last arc of a PACE or CA protocol OID
/// (ICAO 9303-11 §9.2.1, BSI TR-03110-3 A.1.1): 1 3DES-CBC-CBC, 2-4 AES-CBC-CMAC-128/192/256.
enum class SmCipher { TripleDes, Aes };

/// SecurityInfo ::= SEQUENCE { protocol OID, requiredData ANY, optionalData ANY OPTIONAL }
/// (ICAO 9303-11 §9.2). Each typed info keeps its encoded form.

struct PaceInfo {
    Bytes encoded;
    std::string protocol; ///< dotted OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    PaceMapping mapping = PaceMapping::Generic;
    SmCipher cipher = SmCipher::Aes;
    unsigned keyLength = 0; ///< bits: 112 for 3DES, 128/192/256 for AES
    std::uint64_t version = 0;
    std::optional<std::uint64_t> parameterId; ///< standardized domain parameters (§9.5.1)
};

struct PaceDomainParameterInfo {
    Bytes encoded;
    std::string protocol; ///< id-PACE-DH-GM ... id-PACE-ECDH-CAM (no cipher arc)
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    PaceMapping mapping = PaceMapping::Generic;
    Bytes domainParameter; ///< AlgorithmIdentifier, encoded
    std::optional<std::uint64_t> parameterId;
};

struct ChipAuthenticationInfo {
    Bytes encoded;
    std::string protocol; ///< e.g. 0.4.0.127.0.7.2.2.3.2.2 (id-CA-ECDH-AES-CBC-CMAC-128)
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    SmCipher cipher = SmCipher::Aes;
    unsigned keyLength = 0;
    std::uint64_t version = 0;
    std::optional<std::uint64_t> keyId;
};

struct ChipAuthenticationDomainParameterInfo {
    Bytes encoded;
    std::string protocol; ///< id-CA-DH or id-CA-ECDH
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    Bytes domainParameter; ///< AlgorithmIdentifier, encoded
    std::optional<std::uint64_t> keyId;
};

struct ChipAuthenticationPublicKeyInfo {
    Bytes encoded;
    std::string protocol; ///< id-PK-DH or id-PK-ECDH
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    SubjectPublicKeyInfo publicKey; ///< explicit EC parameters kept as stored
    std::optional<std::uint64_t> keyId;
};

struct TerminalAuthenticationInfo {
    Bytes encoded;
    std::string protocol; ///< id-TA
    std::uint64_t version = 0;
    Bytes efCvca; ///< optional FileID object, encoded; empty when absent
};

struct ActiveAuthenticationInfo {
    Bytes encoded;
    std::string protocol; ///< id-AA 2.23.136.1.1.5
    std::uint64_t version = 0;
    std::string signatureAlgorithm; ///< dotted OID (ECDSA-based Active Authentication)
};

/// A SecurityInfo this SDK does not interpret, or a known one whose shape was unexpected.
struct OtherSecurityInfo {
    Bytes encoded;
    std::string protocol; ///< empty when even the OID could not be read
    /// Not a SecurityInfo of the shape ICAO 9303-11 §9.2 gives its protocol: no SEQUENCE, no
    /// OID, or a protocol this SDK knows with a required element missing or mistyped (e.g. a
    /// ChipAuthenticationInfo without version). False for a protocol this SDK does not know.
    bool malformed = false;
};

/// SecurityInfos ::= SET OF SecurityInfo: the content of EF.CardAccess, of DG14 and of
/// EF.CardSecurity's signed data (ICAO 9303-11 §9.2, BSI TR-03110-3 A.1). Unknown entries are
/// kept, never fatal.
struct SecurityInfos {
    Bytes raw; ///< the SET as read
    std::vector<PaceInfo> paceInfos;
    std::vector<PaceDomainParameterInfo> paceDomainParameterInfos;
    std::vector<ChipAuthenticationInfo> chipAuthenticationInfos;
    std::vector<ChipAuthenticationDomainParameterInfo> chipAuthenticationDomainParameterInfos;
    std::vector<ChipAuthenticationPublicKeyInfo> chipAuthenticationPublicKeyInfos;
    std::vector<TerminalAuthenticationInfo> terminalAuthenticationInfos;
    std::vector<ActiveAuthenticationInfo> activeAuthenticationInfos;
    std::vector<OtherSecurityInfo> otherInfos;

    /// Parses the encoded SET (tag 31). Throws Error(MalformedData) only when the SET itself is
    /// broken.
    [[nodiscard]] static SecurityInfos parse(ByteView set);
};

/// Curve or group of a standardized domain parameter ID (ICAO 9303-11 §9.5.1, Table 6 / BSI
/// TR-03110-3 A.2.1.1), e.g. 13 -> "brainpoolP256r1"; nullopt for reserved IDs.
[[nodiscard]] std::optional<std::string_view> standardizedDomainParameterName(std::uint64_t id);

} // namespace cccd::lds

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "emulator/card/CardProfile.h"

namespace cccd::emulator {

// Protocol OIDs of BSI TR-03110-3 §A.1.1 (bsi-de protocols smartcard, 0.4.0.127.0.7.2.2) and
// ICAO 9303-11 §9.2.
inline constexpr const char* IdTa = "0.4.0.127.0.7.2.2.2";
inline constexpr const char* IdPaceEcdhGmAesCbcCmac128 = "0.4.0.127.0.7.2.2.4.2.2";
inline constexpr const char* IdCaEcdhAesCbcCmac128 = "0.4.0.127.0.7.2.2.3.2.2";
inline constexpr const char* IdPkDh = "0.4.0.127.0.7.2.2.1.1";
inline constexpr const char* IdPkEcdh = "0.4.0.127.0.7.2.2.1.2";
inline constexpr const char* IdAa = "2.23.136.1.1.5";

/// Standardized domain parameters (ICAO 9303-11 §9.5.1): 13 is brainpoolP256r1, the CCCD's.
inline constexpr std::uint64_t BrainpoolP256r1ParameterId = 13;

/// id-PACE-ECDH-CAM-*: PACE with Chip Authentication Mapping (ICAO 9303-11 §9.2.1).
[[nodiscard]] bool usesChipAuthenticationMapping(const PaceOption& option);

/// The card's Chip Authentication: ChipAuthenticationInfo version 1 and a key pair on
/// standardized domain parameters, published in DG14 as ChipAuthenticationPublicKeyInfo.
struct ChipAuthenticationOption {
    std::string protocol = IdCaEcdhAesCbcCmac128; ///< dotted id-CA-* OID
    std::uint64_t parameterId = BrainpoolP256r1ParameterId;
    std::optional<std::uint64_t> keyId; ///< absent on the CCCD
    bool explicitParameters = true;     ///< EC parameters written out in DG14 (cccd.md §1.5)
    bool keyMismatch = false;           ///< DG14 names another key than the one the card holds
};

/// The card's Active Authentication key: RSA (ISO/IEC 9796-2) or ECDSA (DG14 then carries an
/// ActiveAuthenticationInfo naming the signature algorithm, ICAO 9303-11 §9.2.8).
struct ActiveAuthenticationOption {
    enum class KeyType { Rsa, Ec };

    KeyType keyType = KeyType::Rsa;
    unsigned rsaBits = 2048;        ///< RSA-2048, e = 65537 on the CCCD (cccd.md §1.5)
    std::uint64_t parameterId = 12; ///< EC: standardized domain parameters (12: secp256r1)
    std::string digest = "sha1";    ///< "sha1" ... "sha512"
    bool keyMismatch = false;       ///< DG15 names another key than the one the card signs with
};

/// What a card offers besides its files. The defaults are the CCCD's (cccd.md §1.3-1.5): BAC,
/// PACE GM AES-128 on brainpoolP256r1, TA v1, CA ECDH AES-128 v1 without keyId, AA RSA-2048
/// with SHA-1.
struct CardFeatures {
    bool bac = true;
    std::vector<PaceOption> pace{PaceOption{IdPaceEcdhGmAesCbcCmac128, BrainpoolP256r1ParameterId}};
    bool terminalAuthentication = true; ///< TerminalAuthenticationInfo v1 (DG3 behind EAC)
    std::optional<ChipAuthenticationOption> chipAuthentication = ChipAuthenticationOption{};
    /// Further Chip Authentication keys, each with its ChipAuthenticationInfo and public key in
    /// DG14 (BSI TR-03105-5.1 ISO7816_D_04/D_05). Every key, the first included, needs a keyId
    /// (ICAO 9303-11 §9.2.5); keyMismatch is not used here.
    std::vector<ChipAuthenticationOption> additionalChipAuthentication;
    std::optional<ActiveAuthenticationOption> activeAuthentication = ActiveAuthenticationOption{};

    /// One of the PACE options uses Chip Authentication Mapping (id-PACE-ECDH-CAM-*): the card
    /// then needs EF.CardSecurity.
    [[nodiscard]] bool chipAuthenticationMapping() const;
};

} // namespace cccd::emulator

#pragma once

#include <vector>

#include <openssl/evp.h>

#include "base/Bytes.h"
#include "emulator/profilegen/CardFeatures.h"

namespace cccd::emulator {

// SecurityInfos (ICAO 9303-11 §9.2, BSI TR-03110-3 §A.1.1) in the order of the CCCD's files:
// TerminalAuthenticationInfo, ChipAuthenticationInfo, PACEInfos, then in DG14 and
// EF.CardSecurity the ChipAuthenticationPublicKeyInfo (and in DG14 an ActiveAuthenticationInfo
// for ECDSA Active Authentication).

/// EF.CardAccess: the SET of TA, CA and PACE infos, and a PACEDomainParameterInfo per
/// proprietary parameter ID of the PACE options. With the default features it is the CCCD's 54
/// bytes (cccd.md §1.4).
[[nodiscard]] Bytes buildCardAccess(const CardFeatures& features);

/// DG14 (ICAO 9303-10 §4.7.14, cccd.md §1.5): the infos of EF.CardAccess, the CA public key
/// (explicit EC parameters when the features ask, keyId when set), the ChipAuthenticationInfo
/// and public key of each additional CA key (additionalKeys in the order of
/// features.additionalChipAuthentication) and, when the AA key is EC, ActiveAuthenticationInfo
/// naming ecdsa-with-<digest>.
[[nodiscard]] Bytes buildDg14(const CardFeatures& features, EVP_PKEY* chipAuthenticationKey,
                              EVP_PKEY* activeAuthenticationKey,
                              const std::vector<EVP_PKEY*>& additionalKeys = {});

/// The SecurityInfos EF.CardSecurity signs (BSI TR-03110-3 §A.1.2, required for
/// PACE-CAM): the infos of EF.CardAccess and the CA public key.
[[nodiscard]] Bytes cardSecurityInfos(const CardFeatures& features,
                                      EVP_PKEY* chipAuthenticationKey);

} // namespace cccd::emulator

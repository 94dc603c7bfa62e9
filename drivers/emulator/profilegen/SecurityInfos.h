#pragma once

#include <openssl/evp.h>

#include "base/Bytes.h"

namespace cccd::emulator {

/// EF.CardAccess as the CCCD has it (cccd.md §1.4): TerminalAuthenticationInfo v1,
/// ChipAuthenticationInfo id-CA-ECDH-AES-CBC-CMAC-128 v1, PACEInfo id-PACE-ECDH-GM-AES-CBC-CMAC-128
/// v2 with parameterId 13 (brainpoolP256r1). BSI TR-03110-3 §A.1 defines the SecurityInfos.
[[nodiscard]] Bytes buildCardAccess();

/// DG14 (ICAO 9303-11 §9.2.x, cccd.md §1.5): the same SecurityInfos plus a
/// ChipAuthenticationPublicKeyInfo id-PK-ECDH with explicit domain parameters and no keyId.
[[nodiscard]] Bytes buildDg14(EVP_PKEY* chipAuthenticationKey);

} // namespace cccd::emulator

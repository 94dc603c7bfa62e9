#pragma once

#include <cstdint>
#include <string_view>

#include <openssl/evp.h>

#include "base/Bytes.h"

namespace cccd::emulator {

/// The data group tags of the CCCD's EF.COM (cccd.md §3.1): DG1, DG2, DG3, DG13, DG15, DG14 in
/// that order.
inline constexpr std::uint8_t CccdDataGroupTags[] = {0x61, 0x75, 0x63, 0x6D, 0x6F, 0x6E};

/// EF.COM (ICAO 9303-10 §4.6.1) as the CCCD writes it: LDS 1.7, Unicode 4.0.0, then the tag
/// list.
[[nodiscard]] Bytes buildEfCom(ByteView dataGroupTags = CccdDataGroupTags);

/// DG1: 61 { 5F1F mrz } (ICAO 9303-10 §4.7.1).
[[nodiscard]] Bytes buildDg1(std::string_view mrz);

/// A DG3 stand-in: hashed in EF.SOD like the real one, never readable (EAC).
[[nodiscard]] Bytes buildDg3Placeholder();

/// DG15: 6F { SubjectPublicKeyInfo } of the Active Authentication key, RSA or EC with a named
/// curve (ICAO 9303-11 §6.1).
[[nodiscard]] Bytes buildDg15(EVP_PKEY* activeAuthenticationKey);

} // namespace cccd::emulator

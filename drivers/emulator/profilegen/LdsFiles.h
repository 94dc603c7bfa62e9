#pragma once

#include <string_view>

#include <openssl/evp.h>

#include "base/Bytes.h"

namespace cccd::emulator {

/// EF.COM of the CCCD (cccd.md §3.1): LDS 1.7, Unicode 4.0.0, tag list DG1, DG2, DG3, DG13,
/// DG15, DG14 in that order.
[[nodiscard]] Bytes buildEfCom();

/// DG1: 61 { 5F1F mrz } (ICAO 9303-10 §4.7.1).
[[nodiscard]] Bytes buildDg1(std::string_view mrz);

/// A DG3 stand-in: hashed in EF.SOD like the real one, never readable (EAC).
[[nodiscard]] Bytes buildDg3Placeholder();

/// DG15: 6F { SubjectPublicKeyInfo } of the Active Authentication key (ICAO 9303-11 §6.1).
[[nodiscard]] Bytes buildDg15(EVP_PKEY* activeAuthenticationKey);

} // namespace cccd::emulator

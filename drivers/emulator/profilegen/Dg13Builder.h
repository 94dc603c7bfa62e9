#pragma once

#include <string>

#include "base/Bytes.h"
#include "emulator/profilegen/Persona.h"

namespace cccd::emulator {

/// DG13, the Vietnamese citizen data, encoded the way the real 2021 card does (cccd.md §3.4 and
/// §3.6): version 1, the ISO/IEC 10646 UTF-8 OID, then a SET of fields 1-16 in field order,
/// each SEQUENCE { INTEGER number, value }, with minimal definite lengths.
[[nodiscard]] Bytes buildDg13(const Persona& persona);

/// dd/mm/yyyy as DG13 writes dates.
[[nodiscard]] std::string dg13Date(const std::chrono::year_month_day& date);

/// DG13 field 12 of a card without expiry (cccd.md §2.5, edge case 4).
inline constexpr std::string_view Dg13NoExpiryText = "Không thời hạn";

} // namespace cccd::emulator

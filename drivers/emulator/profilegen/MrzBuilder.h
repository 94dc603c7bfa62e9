#pragma once

#include <string>

#include "emulator/profilegen/Persona.h"

namespace cccd::emulator {

/// The TD1 MRZ of a Vietnamese card (ICAO 9303-5 §4.2, as cccd.md §2.1 describes it) and the
/// BAC password it yields (ICAO 9303-11 §9.7.2).
struct VietnameseMrz {
    std::string line1;
    std::string line2;
    std::string line3;
    std::string mrzInformation; ///< document number, DOB, expiry, each with its check digit

    /// The 90 characters DG1 holds.
    [[nodiscard]] std::string text() const { return line1 + line2 + line3; }
};

/// Throws Error(InvalidArgument) when a name holds characters the MRZ cannot carry.
[[nodiscard]] VietnameseMrz buildVietnameseMrz(const Persona& persona);

/// The MRZ date YYMMDD; a card without expiry prints 991231 (cccd.md §2.5, edge case 3).
[[nodiscard]] std::string mrzDate(const std::chrono::year_month_day& date);

} // namespace cccd::emulator

#pragma once

#include <string>
#include <vector>

#include "mrz/Mrz.h"

namespace cccd::mrz {

/// The fields of a parsed MRZ that break the rules of ICAO 9303-3 §4 and of the layouts (9303-4
/// §4.2.2, 9303-5 §4.2.2, 9303-6 §4.2.2): document code, issuing state and nationality codes,
/// name, dates and sex; one English reason per field, without its value. Check digits are
/// judged in Mrz::checks. Dates with unknown parts (`<<` for the day, the month or the year)
/// are allowed in the birth date; `<<<<<<` is allowed as the expiry of a card without one
/// (cccd.md §2.5).
[[nodiscard]] std::vector<std::string> fieldProblems(const Mrz& mrz);

} // namespace cccd::mrz

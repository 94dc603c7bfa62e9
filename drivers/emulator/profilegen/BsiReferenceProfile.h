#pragma once

#include <filesystem>
#include <string>

#include "emulator/card/CardProfile.h"

namespace cccd::emulator {

/// A card serving the BSI TR-03105-5 reference data set verbatim (EF.COM, DG1, DG14, DG15,
/// EF.SOD from the given directory); BAC with the MRZ of its DG1. DG2, DG3 and DG4 are listed
/// in its EF.COM but absent, so selecting them answers 6A82.
[[nodiscard]] CardProfile buildBsiReferenceProfile(const std::filesystem::path& directory);

/// The BAC password (ICAO 9303-11 §9.7.2) from a DG1 holding a TD1 or TD3 MRZ.
[[nodiscard]] std::string mrzInformationFromDg1(ByteView dg1);

/// PC/SC pseudo-ATR of an ISO/IEC 14443-4 type A card without historical bytes (PC/SC part 3).
inline constexpr const char* GenericContactlessAtr = "3B80800101";

} // namespace cccd::emulator

#include "emulator/profilegen/CardFeatures.h"

#include <algorithm>
#include <string_view>

namespace cccd::emulator {

namespace {

// id-PACE-ECDH-CAM = id-PACE 6 (ICAO 9303-11 §9.2.1).
constexpr std::string_view IdPaceEcdhCam = "0.4.0.127.0.7.2.2.4.6.";

} // namespace

bool usesChipAuthenticationMapping(const PaceOption& option) {
    return std::string_view(option.protocol).starts_with(IdPaceEcdhCam);
}

bool CardFeatures::chipAuthenticationMapping() const {
    return std::any_of(pace.begin(), pace.end(), usesChipAuthenticationMapping);
}

} // namespace cccd::emulator

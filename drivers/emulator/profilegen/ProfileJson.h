#pragma once

#include <string>

#include "emulator/card/CardProfile.h"
#include "emulator/profilegen/CardFeatures.h"

namespace cccd::emulator {

/// The profile JSON the emulator loads (drivers/emulator/README.md): profileToJson's document
/// plus what the card offers:
///   "bac": true | false,
///   "pace": [{"protocol": "<dotted OID>", "parameterId": 13}, ...],
///   "activeAuthenticationDigest": "sha1"   (only with an Active Authentication key),
///   "chipAuthenticationKeyId": <int>       (only when ChipAuthenticationInfo has a keyId).
[[nodiscard]] std::string cardProfileJson(const CardProfile& profile, const CardFeatures& features);

} // namespace cccd::emulator

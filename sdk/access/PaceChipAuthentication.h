#pragma once

#include "base/Bytes.h"

namespace cccd::access {

/// CA_IC from the Encrypted Chip Authentication Data A_IC of PACE-CAM (ICAO 9303-11 §4.4.3.5):
/// AES-CBC with KS_enc and IV = E(KS_enc, -1) (-1: 16 bytes FF, §4.4.3.5.4), then padding
/// method 2 removed (§4.4.3.5.3). A_IC that is not whole blocks or not properly padded throws
/// Error(MalformedData).
[[nodiscard]] Bytes decryptChipAuthenticationData(ByteView ksEnc, ByteView encrypted);

// verifyChipAuthenticationMapping (declared in Pace.h) lives in PaceChipAuthentication.cpp.

} // namespace cccd::access

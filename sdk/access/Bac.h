#pragma once

#include "base/SecureBytes.h"
#include "crypto/Random.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::access {

/// The basic access keys derived from the MRZ information (ICAO 9303-11 §9.7.2).
struct BacKeys {
    SecureBytes kEnc;
    SecureBytes kMac;
};

/// K_seed = first 16 bytes of SHA-1(MRZ information), then KDF counters 1 and 2. The MRZ
/// information is ASCII, passed as bytes so that callers can keep it in wiped memory.
[[nodiscard]] BacKeys deriveBacKeys(ByteView mrzInformation);

/// Runs Basic Access Control (ICAO 9303-11 §4.3): GET CHALLENGE, EXTERNAL AUTHENTICATE, and
/// returns the session keys and send sequence counter for 3DES secure messaging. The eMRTD
/// application must already be selected. A key that does not open the card throws
/// Error(AccessDenied); a card that answers 6D00 or 6A81 (no such instruction or function: it
/// offers no BAC) Error(NotSupported); a malformed or unauthentic answer Error(SecureMessaging).
[[nodiscard]] sm::SessionKeys performBac(transport::CardChannel& channel, ByteView mrzInformation,
                                         const crypto::RandomSource& random);

} // namespace cccd::access

#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"

namespace cccd::access {

/// The password a PACE run uses, with its reference in MSE:Set AT (ICAO 9303-11 §4.4.4.1,
/// data object 83).
enum class PacePasswordType : std::uint8_t {
    Mrz = 0x01, ///< the MRZ information (document number, date of birth, date of expiry)
    Can = 0x02, ///< the card access number
};

/// K_pi = KDF_pi(pi) (ICAO 9303-11 §4.4.3.1, §9.7.3): for the MRZ password pi is the full
/// 20-byte SHA-1 of the MRZ information, for the CAN the digits themselves; then the KDF with
/// counter 3 and the key type of the cipher suite. The password is ASCII, passed as bytes so that
/// callers can keep it in wiped memory.
[[nodiscard]] SecureBytes derivePacePasswordKey(PacePasswordType type, ByteView password,
                                                crypto::KeyType keyType);

} // namespace cccd::access

#pragma once

#include "base/Bytes.h"
#include "base/SecureBytes.h"

namespace cccd::sm {

/// The block cipher of a secure messaging session (ICAO 9303-11 §9.8).
enum class SmCipher {
    Tdes, ///< 3DES-CBC with zero IV, retail MAC, 8-byte SSC (BAC, PACE with 3DES)
    Aes,  ///< AES-CBC with IV = E(KS_enc, SSC), CMAC truncated to 8 bytes, 16-byte SSC
};

/// Key and counter material of one session. KS_enc and KS_mac are distinct members so they
/// cannot be swapped by argument order.
struct SessionKeys {
    SmCipher cipher = SmCipher::Tdes;
    SecureBytes ksEnc;
    SecureBytes ksMac;
    Bytes ssc; ///< send sequence counter, big-endian, 8 (3DES) or 16 (AES) bytes
};

} // namespace cccd::sm

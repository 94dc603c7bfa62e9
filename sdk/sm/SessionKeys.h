#pragma once

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"

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

/// KS_enc and KS_mac from a key agreement's secret (KDF counters 1 and 2, ICAO 9303-11 §9.7.1)
/// with the SSC at zero, as PACE (§9.8.6.3) and Chip Authentication (§6.2) start their sessions.
[[nodiscard]] SessionKeys deriveSessionKeys(ByteView secret, SmCipher cipher,
                                            crypto::KeyType keyType);

} // namespace cccd::sm

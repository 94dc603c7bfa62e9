#pragma once

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"

namespace cccd::emulator {

/// The block cipher of a secure messaging session (ICAO 9303-11 §9.8).
enum class SmCipher {
    Tdes, ///< 3DES-CBC with a zero IV, retail MAC, 8-byte SSC (BAC, PACE with 3DES)
    Aes,  ///< AES-CBC with IV = E(KS_enc, SSC), CMAC truncated to 8 bytes, 16-byte SSC
};

/// The secure messaging keys and send sequence counter that BAC (ICAO 9303-11 §9.7.4), PACE
/// (§4.4.3.4, SSC 0) or Chip Authentication leave behind on the card (§9.8.2).
struct SessionKeys {
    SmCipher cipher = SmCipher::Tdes;
    SecureBytes encryptionKey; ///< KS_enc: two-key 3DES or AES-128/192/256
    SecureBytes macKey;        ///< KS_mac
    Bytes ssc;                 ///< 8 bytes (3DES) or 16 bytes (AES), big-endian
};

/// KS_enc and KS_mac from a key agreement's secret (KDF counters 1 and 2, ICAO 9303-11 §9.7.1)
/// with the SSC at zero, as PACE (§9.8.6.3) and Chip Authentication (§6.2) start their sessions.
[[nodiscard]] SessionKeys deriveSessionKeys(ByteView secret, SmCipher cipher,
                                            crypto::KeyType keyType);

} // namespace cccd::emulator

#pragma once

#include "base/Bytes.h"

namespace cccd::crypto {

// Block ciphers without padding: the caller pads (see Padding.h). A key of the wrong size or
// data that is not a whole number of blocks throws Error(InvalidArgument).

/// Two-key 3DES (16-byte key) in CBC mode, as ICAO 9303-11 §9.8.6 uses for BAC and 3DES SM.
[[nodiscard]] Bytes tdesCbcEncrypt(ByteView key, ByteView iv, ByteView data);
[[nodiscard]] Bytes tdesCbcDecrypt(ByteView key, ByteView iv, ByteView data);

/// AES-128/192/256 (key size picks the variant) in CBC mode.
[[nodiscard]] Bytes aesCbcEncrypt(ByteView key, ByteView iv, ByteView data);
[[nodiscard]] Bytes aesCbcDecrypt(ByteView key, ByteView iv, ByteView data);

/// One AES block in ECB mode (AES secure messaging derives its IV this way).
[[nodiscard]] Bytes aesEncryptBlock(ByteView key, ByteView block);

/// Single DES, one block, ECB (for the retail MAC's intermediate steps).
[[nodiscard]] Bytes desEncryptBlock(ByteView key8, ByteView block);
[[nodiscard]] Bytes desDecryptBlock(ByteView key8, ByteView block);

} // namespace cccd::crypto

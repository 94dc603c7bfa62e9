#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "emulator/card/PaceProtocol.h"
#include "emulator/card/SessionKeys.h"

namespace cccd::emulator {

/// The password of a PACE run by its reference in MSE:Set AT (ICAO 9303-11 §4.4.4.1, DO 83).
enum class PacePassword : std::uint8_t {
    Mrz = 0x01, ///< the MRZ information
    Can = 0x02, ///< the card access number
};

/// K_pi = KDF_pi(pi) (ICAO 9303-11 §4.4.3.1, §9.7.3): for the MRZ pi is the full 20-byte
/// SHA-1 of the MRZ information, for the CAN the digits; KDF counter 3.
[[nodiscard]] SecureBytes pacePasswordKey(PacePassword password, ByteView secret,
                                          crypto::KeyType keyType);

/// The length of the nonce s: 16 bytes for 3DES and AES-128, 32 for AES-192 and AES-256, so
/// that it fills whole cipher blocks and is as long as R(s,t) of Integrated Mapping needs.
[[nodiscard]] std::size_t paceNonceSize(const PaceProtocol& protocol);

/// z = E(K_pi, s), CBC with a zero IV (ICAO 9303-11 §4.4.3.1 step 1).
[[nodiscard]] Bytes encryptNonce(const PaceProtocol& protocol, ByteView passwordKey,
                                 ByteView nonce);

/// KS_enc and KS_mac = KDF(K, 1) and KDF(K, 2); the SSC starts at 0 (ICAO 9303-11 §4.4.3.4,
/// §9.8.6.3).
[[nodiscard]] SessionKeys paceSessionKeys(const PaceProtocol& protocol, ByteView sharedSecret);

/// The input of an authentication token (ICAO 9303-11 §4.4.3.5, §9.4; BSI TR-03110-3 D.3):
/// 7F49 { 06 protocol OID, publicKeyTag public key }.
[[nodiscard]] Bytes tokenInput(std::string_view protocolOid, std::uint32_t publicKeyTag,
                               ByteView publicKey);

/// The authentication token: AES-CMAC truncated to 8 bytes, or the 3DES retail MAC over the
/// padded input (ICAO 9303-11 §4.4.3.5, §9.8.6).
[[nodiscard]] Bytes authenticationToken(const PaceProtocol& protocol, ByteView macKey,
                                        ByteView input);

/// A_IC = E(KS_enc, CA_IC) for Chip Authentication Mapping: AES-CBC with IV = E(KS_enc, -1),
/// the all-ones block, over the padded CA_IC (ICAO 9303-11 §4.4, Chip Authentication Mapping).
[[nodiscard]] Bytes encryptChipAuthenticationData(ByteView encryptionKey,
                                                  ByteView chipAuthenticationData);

} // namespace cccd::emulator

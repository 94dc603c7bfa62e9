#pragma once

#include <string_view>

#include "base/Bytes.h"
#include "crypto/KeyAgreementAlgorithm.h"
#include "sm/SessionKeys.h"

namespace cccd::sm {

/// The input of an authentication token: the public key data object 7F49 with the protocol OID
/// (06) and an ephemeral public key, a DH value (84) or an EC point (86) (ICAO 9303-11 §4.4.3.4,
/// §9.4; BSI TR-03110-3 §A.2.4, §D.3). PACE and Chip Authentication version 2 both use it.
[[nodiscard]] Bytes authenticationTokenInput(std::string_view protocolOid,
                                             crypto::KeyAgreementAlgorithm keyAgreement,
                                             ByteView publicKey);

/// The token over that input with KS_mac: the retail MAC over the padded input for 3DES, CMAC
/// truncated to 8 bytes for AES (ICAO 9303-11 §9.8).
[[nodiscard]] Bytes authenticationToken(SmCipher cipher, ByteView ksMac, ByteView input);

} // namespace cccd::sm

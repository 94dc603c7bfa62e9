#pragma once

#include <string>
#include <string_view>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"
#include "sm/SessionKeys.h"

namespace cccd::access {

/// What the PACE protocol OID fixes besides the mapping (ICAO 9303-11 §9.2.1, BSI TR-03110-3
/// A.1.1.1): the cipher and key length of the nonce encryption, the tokens and the secure
/// messaging that follows.
struct PaceCipherSuite {
    std::string protocol; ///< dotted OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    sm::SmCipher cipher = sm::SmCipher::Aes;
    crypto::KeyType keyType = crypto::KeyType::Aes128;

    /// id-PACE-ECDH-GM-3DES-CBC-CBC and -AES-CBC-CMAC-128/192/256. Other PACE variants (DH,
    /// Integrated Mapping, Chip Authentication Mapping) throw Error(NotSupported), anything
    /// else Error(InvalidArgument).
    [[nodiscard]] static PaceCipherSuite fromProtocol(std::string_view dottedOid);

    /// s = D(K_pi, z) in CBC mode with a zero IV (ICAO 9303-11 §4.4.3).
    [[nodiscard]] SecureBytes decryptNonce(ByteView passwordKey, ByteView encryptedNonce) const;

    /// KS_enc and KS_mac from the shared secret (KDF counters 1 and 2, ICAO 9303-11 §9.7.1), and
    /// a zero send sequence counter of the cipher's block size (§9.8.6.3: PACE starts at 0).
    [[nodiscard]] sm::SessionKeys sessionKeys(ByteView sharedSecret) const;

    /// The input of an authentication token: the public key data object 7F49 with the protocol
    /// OID (06) and the other party's ephemeral point (86) (ICAO 9303-11 §4.4.3, §9.4).
    [[nodiscard]] Bytes tokenInput(ByteView ephemeralPublicKey) const;

    /// The authentication token over tokenInput: CMAC truncated to 8 bytes for AES, the retail
    /// MAC over the padded input for 3DES (ICAO 9303-11 §4.4.3, §9.8).
    [[nodiscard]] Bytes authenticationToken(ByteView ksMac, ByteView ephemeralPublicKey) const;
};

} // namespace cccd::access

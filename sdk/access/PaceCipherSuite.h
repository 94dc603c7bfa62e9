#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "access/PaceAlgorithm.h"
#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"
#include "crypto/KeyAgreementAlgorithm.h"
#include "sm/SessionKeys.h"

namespace cccd::access {

/// What a PACE protocol OID fixes (ICAO 9303-11 §9.2.3, Tables 2 and 3): the key agreement,
/// the mapping, and the block cipher with its key length, which serves the nonce encryption,
/// the Integrated Mapping's pseudo-random function, the tokens and the secure messaging that
/// follows.
struct PaceCipherSuite {
    std::string protocol; ///< dotted OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    crypto::KeyAgreementAlgorithm keyAgreement = crypto::KeyAgreementAlgorithm::Ecdh;
    PaceMapping mapping = PaceMapping::Generic;
    sm::SmCipher cipher = sm::SmCipher::Aes;
    crypto::KeyType keyType = crypto::KeyType::Aes128;

    /// Every id-PACE-{DH,ECDH}-{GM,IM}-{3DES-CBC-CBC,AES-CBC-CMAC-128/192/256} and
    /// id-PACE-ECDH-CAM-AES-CBC-CMAC-128/192/256 of §9.2.3. Anything else, including a
    /// Chip Authentication Mapping with DH or 3DES, throws Error(InvalidArgument).
    [[nodiscard]] static PaceCipherSuite fromProtocol(std::string_view dottedOid);

    /// Key size in bytes: 16 for two-key 3DES and AES-128, 24 for AES-192, 32 for AES-256.
    [[nodiscard]] std::size_t keySize() const;

    /// Block size in bytes: 8 for 3DES, 16 for AES.
    [[nodiscard]] std::size_t blockSize() const;

    /// E(key, data) in CBC mode with a zero IV and no padding (ICAO 9303-11 §4.4.3.3).
    [[nodiscard]] Bytes encrypt(ByteView key, ByteView data) const;

    /// s = D(K_pi, z) in CBC mode with a zero IV (ICAO 9303-11 §4.4.3.3).
    [[nodiscard]] SecureBytes decryptNonce(ByteView passwordKey, ByteView encryptedNonce) const;

    /// KS_enc and KS_mac from the shared secret (KDF counters 1 and 2, ICAO 9303-11 §9.7.1), and
    /// a zero send sequence counter of the cipher's block size (§9.8.6.3: PACE starts at 0).
    [[nodiscard]] sm::SessionKeys sessionKeys(ByteView sharedSecret) const;

    /// The input of an authentication token: the public key data object 7F49 with the protocol
    /// OID (06) and the other party's ephemeral public key as exchanged, in 84 for DH and 86 for
    /// ECDH (ICAO 9303-11 §4.4.3.4, §9.4.3-9.4.5).
    [[nodiscard]] Bytes tokenInput(ByteView ephemeralPublicKey) const;

    /// The authentication token over tokenInput: CMAC truncated to 8 bytes for AES, the retail
    /// MAC over the padded input for 3DES (ICAO 9303-11 §4.4.3.4).
    [[nodiscard]] Bytes authenticationToken(ByteView ksMac, ByteView ephemeralPublicKey) const;
};

} // namespace cccd::access

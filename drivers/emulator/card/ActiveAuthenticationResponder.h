#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/Bytes.h"
#include "crypto/Hash.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/Random.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

/// The chip's half of Active Authentication (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE signs the
/// terminal's challenge with the key whose public half is in DG15.
///
/// RSA signs with ISO/IEC 9796-2 digital signature scheme 1, partial message recovery: the
/// message representative is 6A || M1 || H(M1 || challenge) || trailer, M1 random bytes filling
/// the modulus. SHA-1 uses the implicit trailer BC, the other hashes the explicit trailer
/// 'hash identifier' CC (ISO/IEC 10118-3: 34 SHA-256, 36 SHA-384, 35 SHA-512, 38 SHA-224).
/// ECDSA signs the challenge and answers r || s in plain form (BSI TR-03111 §5.2.1), the
/// algorithm that DG14's ActiveAuthenticationInfo names.
class ActiveAuthenticationResponder {
public:
    /// privateKeyPem: the AA key (PKCS#8, RSA with a whole number of bytes in the modulus, or
    /// EC). digest: "sha1", "sha224", "sha256", "sha384" or "sha512". random: M1 of the RSA
    /// scheme. Throws Error(InvalidArgument) for another key or digest.
    ActiveAuthenticationResponder(ByteView privateKeyPem, std::string_view digest,
                                  crypto::RandomSource random = crypto::systemRandom());

    struct Outcome {
        Bytes response; ///< the signature, without the status word
        StatusWord statusWord = StatusWord::Success;
    };

    /// INTERNAL AUTHENTICATE with RND.IFD (8 bytes, else 6700). trailerFault: the byte that
    /// replaces the last trailer byte (BC or CC) of an RSA signature; ECDSA ignores it.
    [[nodiscard]] Outcome
    internalAuthenticate(ByteView challenge,
                         std::optional<std::uint8_t> trailerFault = std::nullopt);

    [[nodiscard]] crypto::HashAlgorithm digest() const { return m_digest; }

private:
    [[nodiscard]] Bytes signIso9796(ByteView challenge, std::optional<std::uint8_t> trailer);
    [[nodiscard]] Bytes signEcdsa(ByteView challenge) const;

    crypto::EvpPkeyPtr m_key;
    crypto::HashAlgorithm m_digest = crypto::HashAlgorithm::Sha1;
    crypto::RandomSource m_random;
};

/// "sha1" ... "sha512" to the hash; nullopt for another name.
[[nodiscard]] std::optional<crypto::HashAlgorithm>
activeAuthenticationDigest(std::string_view name);

} // namespace cccd::emulator

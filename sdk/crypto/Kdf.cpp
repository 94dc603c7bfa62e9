#include "crypto/Kdf.h"

#include "crypto/Hash.h"

namespace cccd::crypto {

Bytes adjustDesParity(ByteView key) {
    Bytes out(key.begin(), key.end());
    for (auto& b : out) {
        int ones = 0;
        for (int bit = 1; bit < 8; ++bit) {
            ones += (b >> bit) & 1;
        }
        b = static_cast<std::uint8_t>((b & 0xFE) | (ones % 2 == 0 ? 1 : 0));
    }
    return out;
}

// ICAO 9303-11 §9.7.1: keydata = H(K || c) with c a 32-bit big-endian counter.
SecureBytes deriveKey(ByteView sharedSecret, KdfCounter counter, KeyType type) {
    auto c = static_cast<std::uint32_t>(counter);
    const std::uint8_t counterBytes[] = {
        static_cast<std::uint8_t>(c >> 24), static_cast<std::uint8_t>(c >> 16),
        static_cast<std::uint8_t>(c >> 8), static_cast<std::uint8_t>(c)};
    SecureBytes secretInput; // K || c, built where a growing buffer leaves no copy of K behind
    secretInput.reserve(sharedSecret.size() + sizeof counterBytes);
    secretInput.append(sharedSecret);
    secretInput.append(counterBytes);
    bool sha256 = type == KeyType::Aes192 || type == KeyType::Aes256;
    Bytes hash = digest(sha256 ? HashAlgorithm::Sha256 : HashAlgorithm::Sha1, secretInput);
    SecureBytes hashed(std::move(hash));
    switch (type) {
    case KeyType::Tdes:
        return SecureBytes(adjustDesParity(hashed.view().first(16)));
    case KeyType::Aes128:
        return SecureBytes(hashed.view().first(16));
    case KeyType::Aes192:
        return SecureBytes(hashed.view().first(24));
    case KeyType::Aes256:
        return SecureBytes(hashed.view().first(32));
    }
    return {};
}

} // namespace cccd::crypto

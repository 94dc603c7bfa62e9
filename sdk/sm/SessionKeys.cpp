#include "sm/SessionKeys.h"

namespace cccd::sm {

namespace {

constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;

} // namespace

SessionKeys deriveSessionKeys(ByteView secret, SmCipher cipher, crypto::KeyType keyType) {
    SessionKeys keys;
    keys.cipher = cipher;
    keys.ksEnc = crypto::deriveKey(secret, crypto::KdfCounter::Enc, keyType);
    keys.ksMac = crypto::deriveKey(secret, crypto::KdfCounter::Mac, keyType);
    keys.ssc.assign(cipher == SmCipher::Tdes ? TdesBlockSize : AesBlockSize, 0);
    return keys;
}

} // namespace cccd::sm

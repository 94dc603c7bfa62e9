#include "access/PacePassword.h"

#include "crypto/Hash.h"

namespace cccd::access {

SecureBytes derivePacePasswordKey(PacePasswordType type, ByteView password,
                                  crypto::KeyType keyType) {
    switch (type) {
    case PacePasswordType::Mrz: {
        // §9.7.3: unlike BAC's K_seed, the hash is not truncated to 16 bytes.
        SecureBytes hashed(crypto::sha1(password));
        return crypto::deriveKey(hashed, crypto::KdfCounter::Pace, keyType);
    }
    case PacePasswordType::Can:
        return crypto::deriveKey(password, crypto::KdfCounter::Pace, keyType);
    }
    return {};
}

} // namespace cccd::access

#include "emulator/card/BacResponder.h"

#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"

namespace cccd::emulator {

namespace {

constexpr std::size_t RandomSize = 8;
constexpr std::size_t KeySize = 16;
constexpr std::size_t CryptogramSize = 32;
constexpr std::size_t MacSize = 8;

Bytes macOver(ByteView key, ByteView data) {
    return crypto::retailMac(key, crypto::pad(data, 8));
}

} // namespace

BacResponder::BacResponder(ByteView mrzInformation, crypto::RandomSource random)
    : m_random(std::move(random)) {
    // ICAO 9303-11 §9.7.2: K_seed is the first 16 bytes of SHA-1(MRZ_information).
    Bytes hash = crypto::sha1(mrzInformation);
    SecureBytes seed(ByteView(hash).first(KeySize));
    secureWipe(hash.data(), hash.size());
    m_kEnc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
    m_kMac = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
}

Bytes BacResponder::challenge() {
    m_rndIc = m_random(RandomSize);
    return m_rndIc;
}

std::optional<BacResponder::Outcome> BacResponder::authenticate(ByteView commandData,
                                                                const BacFaults& faults) {
    Bytes rndIc = std::move(m_rndIc);
    m_rndIc.clear();
    if (rndIc.size() != RandomSize || commandData.size() != CryptogramSize + MacSize) {
        return std::nullopt;
    }

    // Step 1: the MAC over E.IFD proves the terminal knows K_mac.
    ByteView eIfd = commandData.first(CryptogramSize);
    ByteView mIfd = commandData.subspan(CryptogramSize, MacSize);
    if (!equalConstantTime(macOver(m_kMac, eIfd), mIfd)) {
        return std::nullopt;
    }

    // Step 2: S = RND.IFD || RND.IC || K.IFD; the echoed RND.IC must be ours.
    SecureBytes s(crypto::tdesCbcDecrypt(m_kEnc, Bytes(8, 0), eIfd));
    ByteView sView = s.view();
    if (!equalConstantTime(sView.subspan(RandomSize, RandomSize), rndIc)) {
        return std::nullopt;
    }
    Bytes rndIfd(sView.begin(), sView.begin() + RandomSize);
    SecureBytes kIfd(sView.subspan(2 * RandomSize, KeySize));

    // Step 3: R = RND.IC || RND.IFD || K.IC, answered as E.IC || M.IC.
    SecureBytes kIc(m_random(KeySize));
    Bytes r = concat(rndIc, rndIfd);
    append(r, kIc.view());
    if (faults.wrongCryptogram) {
        r[2 * RandomSize - 1] ^= 0x01; // the last bit of the echoed RND.IFD
    }
    Outcome outcome;
    outcome.response = crypto::tdesCbcEncrypt(m_kEnc, Bytes(8, 0), r);
    secureWipe(r.data(), r.size());
    append(outcome.response, macOver(m_kMac, outcome.response));
    if (faults.wrongMac) {
        outcome.response.back() ^= 0x01;
    }

    // Step 4 (§9.7.4): K_seed = K.IFD xor K.IC; SSC = RND.IC[4..7] || RND.IFD[4..7].
    SecureBytes seed(kIfd.view());
    for (std::size_t i = 0; i < KeySize; ++i) {
        seed[i] = static_cast<std::uint8_t>(seed[i] ^ kIc[i]);
    }
    outcome.keys.encryptionKey =
        crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
    outcome.keys.macKey = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
    outcome.keys.cipher = SmCipher::Tdes;
    outcome.keys.ssc = concat(ByteView(rndIc).subspan(4), ByteView(rndIfd).subspan(4));
    return outcome;
}

} // namespace cccd::emulator

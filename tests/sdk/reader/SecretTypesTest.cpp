// Every type and function that holds key material or a password keeps it in SecureBytes: the
// session keys of secure messaging, the BAC keys, K_pi, PACE's nonce, shared secret and private
// keys, the CAN and the MRZ fields of the access key. Checked at compile time where the type
// says it, and through the wipe observer where only running the code shows it.
#include <algorithm>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "access/Bac.h"
#include "access/PaceCipherSuite.h"
#include "access/PacePassword.h"
#include "crypto/Kdf.h"
#include "crypto/KeyAgreementGroup.h"
#include "mrz/MrzKey.h"
#include "reader/AccessKey.h"
#include "sm/SessionKeys.h"

using namespace cccd;

// The members that hold secrets.
static_assert(std::is_same_v<decltype(sm::SessionKeys::ksEnc), SecureBytes>);
static_assert(std::is_same_v<decltype(sm::SessionKeys::ksMac), SecureBytes>);
static_assert(std::is_same_v<decltype(access::BacKeys::kEnc), SecureBytes>);
static_assert(std::is_same_v<decltype(access::BacKeys::kMac), SecureBytes>);
static_assert(std::is_same_v<decltype(crypto::EphemeralKeyPair::privateKey), SecureBytes>);
static_assert(std::is_same_v<decltype(reader::AccessKey::can), SecureBytes>);

// The functions that make them.
static_assert(std::is_same_v<decltype(crypto::deriveKey(ByteView{}, crypto::KdfCounter::Enc,
                                                        crypto::KeyType::Tdes)),
                             SecureBytes>);
static_assert(
    std::is_same_v<decltype(access::derivePacePasswordKey(access::PacePasswordType::Can, ByteView{},
                                                          crypto::KeyType::Aes128)),
                   SecureBytes>);
static_assert(std::is_same_v<decltype(std::declval<access::PaceCipherSuite>().decryptNonce(
                                 ByteView{}, ByteView{})),
                             SecureBytes>);
static_assert(std::is_same_v<decltype(std::declval<crypto::KeyAgreementGroup>().sharedSecret(
                                 ByteView{}, ByteView{})),
                             SecureBytes>);
static_assert(
    std::is_same_v<decltype(std::declval<mrz::MrzKey>().mrzInformationBytes()), SecureBytes>);

namespace {

std::vector<std::size_t> g_zeroedSizes;

void recordZeroed(const std::uint8_t* data, std::size_t size) {
    if (std::all_of(data, data + size, [](std::uint8_t b) { return b == 0; })) {
        g_zeroedSizes.push_back(size);
    }
}

class WipeRecorder {
public:
    WipeRecorder() {
        g_zeroedSizes.clear();
        setWipeObserver(&recordZeroed);
    }

    ~WipeRecorder() { setWipeObserver(nullptr); }

    WipeRecorder(const WipeRecorder&) = delete;
    WipeRecorder& operator=(const WipeRecorder&) = delete;

    [[nodiscard]] static std::size_t wipesOfAtLeast(std::size_t size) {
        return static_cast<std::size_t>(std::count_if(g_zeroedSizes.begin(), g_zeroedSizes.end(),
                                                      [size](std::size_t s) { return s >= size; }));
    }
};

} // namespace

// KS_enc and KS_mac are wiped with the session; the KDF's input K || c is wiped too.
TEST(SecretTypesTest, SessionKeysAreWipedWhenTheSessionEnds) {
    WipeRecorder recorder;
    {
        sm::SessionKeys keys =
            sm::deriveSessionKeys(Bytes(32, 0xA5), sm::SmCipher::Aes, crypto::KeyType::Aes128);
        EXPECT_EQ(keys.ksEnc.size(), 16u);
    }
    // Two keys, and each KDF run's input (32-byte secret and 4-byte counter) and hash.
    EXPECT_GE(WipeRecorder::wipesOfAtLeast(16), 2u);
    EXPECT_GE(WipeRecorder::wipesOfAtLeast(36), 2u);
}

// The CAN and the MRZ fields of an access key live in wiping buffers.
TEST(SecretTypesTest, AccessKeyPasswordsAreWiped) {
    WipeRecorder recorder;
    {
        reader::AccessKey can = reader::AccessKey::fromCan("123456");
        reader::AccessKey mrz =
            reader::AccessKey::fromMrz(mrz::MrzKey("L898902C", "690806", "940623"));
        SecureBytes information = mrz.mrz->mrzInformationBytes();
        EXPECT_EQ(toString(information.view()), "L898902C<369080619406236");
    }
    EXPECT_GE(WipeRecorder::wipesOfAtLeast(24), 1u); // the MRZ information
    EXPECT_GE(WipeRecorder::wipesOfAtLeast(9), 2u);  // the document number field (and copies)
    EXPECT_GE(WipeRecorder::wipesOfAtLeast(6), 5u);  // the CAN and the two dates, at least
}

// Known-answer tests of the symmetric primitives against ICAO 9303-11 Appendix D and the BSI
// EAC worked example (vectors/icao-bac.json, vectors/aes-sm.json).
#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "support/TestData.h"

using namespace cccd;
using test::hexField;

TEST(KdfTest, DerivesAppendixD1KeysWithParity) {
    auto d1 = test::vectors("icao-bac.json").at("D1_compute_keys_from_k_seed");
    Bytes seed = hexField(d1, "k_seed");
    auto enc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
    auto mac = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
    EXPECT_EQ(toHex(enc), d1.at("enc").at("k_enc").get<std::string>());
    EXPECT_EQ(toHex(mac), d1.at("mac").at("k_mac").get<std::string>());
    EXPECT_EQ(toHex(crypto::sha1(fromHex(d1.at("enc").at("D").get<std::string>()))),
              d1.at("enc").at("sha1_D").get<std::string>());
}

TEST(KdfTest, DerivesAppendixD3SessionKeys) {
    auto d3 = test::vectors("icao-bac.json").at("D3_authentication_and_session_keys");
    Bytes seed = hexField(d3, "k_seed_session");
    EXPECT_EQ(toHex(crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes)),
              d3.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes)),
              d3.at("ks_mac").get<std::string>());
}

TEST(CipherTest, EncryptsAndMacsAppendixD3Cryptogram) {
    auto bac = test::vectors("icao-bac.json");
    auto d2 = bac.at("D2_derive_basic_access_keys");
    auto d3 = bac.at("D3_authentication_and_session_keys");
    Bytes zeroIv(8, 0);
    Bytes eIfd = crypto::tdesCbcEncrypt(hexField(d2, "k_enc"), zeroIv, hexField(d3, "S"));
    EXPECT_EQ(toHex(eIfd), d3.at("e_ifd").get<std::string>());
    Bytes mIfd = crypto::retailMac(hexField(d2, "k_mac"), crypto::pad(eIfd, 8));
    EXPECT_EQ(toHex(mIfd), d3.at("m_ifd").get<std::string>());
    Bytes r = crypto::tdesCbcDecrypt(hexField(d2, "k_enc"), zeroIv, hexField(d3, "e_ic"));
    EXPECT_EQ(toHex(r), d3.at("R_decrypted").get<std::string>());
}

TEST(CipherTest, ComputesBsiAesSecureMessagingPrimitives) {
    auto a = test::vectors("aes-sm.json").at("A_bsi_eac_worked_example_primitives");
    for (const char* group : {"ecdh", "dh"}) {
        auto g = a.at(group);
        Bytes ksEnc = hexField(g, "ks_enc");
        Bytes iv = crypto::aesEncryptBlock(ksEnc, hexField(g.at("encryption"), "ssc"));
        EXPECT_EQ(toHex(iv), g.at("encryption").at("iv_E_KSenc_SSC").get<std::string>());
        Bytes padded = crypto::pad(hexField(g.at("encryption"), "plaintext"), 16);
        EXPECT_EQ(toHex(crypto::aesCbcEncrypt(ksEnc, iv, padded)),
                  g.at("encryption").at("ciphertext").get<std::string>());
        Bytes macInput = hexField(g.at("mac"), "mac_input");
        Bytes mac = crypto::aesCmac(hexField(g, "ks_mac"), macInput);
        EXPECT_EQ(toHex(ByteView(mac).first(8)), g.at("mac").at("mac").get<std::string>());
    }
}

TEST(PaddingTest, RoundTripsAndRejectsMalformedPadding) {
    Bytes data = fromHex("0102");
    EXPECT_EQ(toHex(crypto::pad(data, 8)), "0102800000000000");
    EXPECT_EQ(crypto::unpad(crypto::pad(data, 8)), data);
    EXPECT_EQ(toHex(crypto::pad(Bytes(8, 1), 8)).size(), 32u);
    EXPECT_THROW((void)crypto::unpad(fromHex("0102000000")), Error);
    EXPECT_THROW((void)crypto::unpad(Bytes{}), Error);
}

// RFC 2104 §2 computed by hand from SHA-256: H((K ^ opad) || H((K ^ ipad) || m)), 64-byte blocks.
TEST(MacTest, HmacSha256FollowsItsDefinition) {
    auto byHand = [](Bytes key, const Bytes& message) {
        if (key.size() > 64) {
            key = crypto::sha256(key);
        }
        key.resize(64, 0);
        Bytes inner(key), outer(key);
        for (std::size_t i = 0; i < 64; ++i) {
            inner[i] ^= 0x36;
            outer[i] ^= 0x5C;
        }
        inner.insert(inner.end(), message.begin(), message.end());
        Bytes innerHash = crypto::sha256(inner);
        outer.insert(outer.end(), innerHash.begin(), innerHash.end());
        return crypto::sha256(outer);
    };
    for (std::size_t keySize : {0u, 20u, 64u, 131u}) {
        Bytes key(keySize);
        for (std::size_t i = 0; i < keySize; ++i) {
            key[i] = static_cast<std::uint8_t>(i * 13 + 7);
        }
        Bytes message = toBytes("079123456789");
        EXPECT_EQ(crypto::hmacSha256(key, message), byHand(key, message)) << keySize;
    }
}

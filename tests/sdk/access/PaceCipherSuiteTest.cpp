// PaceCipherSuite: every PACE protocol OID of ICAO 9303-11 §9.2.3 (Tables 2 and 3), the
// session key derivation of §9.7.1 for each key length, and the Integrated Mapping's
// pseudo-random function sizes (§4.4.3.3.2).
#include "access/PaceCipherSuite.h"

#include <array>

#include <openssl/evp.h>

#include <gtest/gtest.h>

#include "access/PaceIntegratedMapping.h"
#include "sdk/access/PaceTestSupport.h"

using namespace cccd;
using access::PaceMapping;
using crypto::KeyAgreementAlgorithm;
using test::hexField;
using test::text;

namespace {

struct Row {
    const char* name;
    const char* oid;
    KeyAgreementAlgorithm keyAgreement;
    PaceMapping mapping;
    sm::SmCipher cipher;
    crypto::KeyType keyType;
};

constexpr auto Dh = KeyAgreementAlgorithm::Dh;
constexpr auto Ecdh = KeyAgreementAlgorithm::Ecdh;
constexpr auto Gm = PaceMapping::Generic;
constexpr auto Im = PaceMapping::Integrated;
constexpr auto Cam = PaceMapping::ChipAuthentication;
constexpr auto Tdes = sm::SmCipher::Tdes;
constexpr auto Aes = sm::SmCipher::Aes;

const std::array<Row, 19> Section923 = {{
    {"id-PACE-DH-GM-3DES-CBC-CBC", "0.4.0.127.0.7.2.2.4.1.1", Dh, Gm, Tdes, crypto::KeyType::Tdes},
    {"id-PACE-DH-GM-AES-CBC-CMAC-128", "0.4.0.127.0.7.2.2.4.1.2", Dh, Gm, Aes,
     crypto::KeyType::Aes128},
    {"id-PACE-DH-GM-AES-CBC-CMAC-192", "0.4.0.127.0.7.2.2.4.1.3", Dh, Gm, Aes,
     crypto::KeyType::Aes192},
    {"id-PACE-DH-GM-AES-CBC-CMAC-256", "0.4.0.127.0.7.2.2.4.1.4", Dh, Gm, Aes,
     crypto::KeyType::Aes256},
    {"id-PACE-ECDH-GM-3DES-CBC-CBC", "0.4.0.127.0.7.2.2.4.2.1", Ecdh, Gm, Tdes,
     crypto::KeyType::Tdes},
    {"id-PACE-ECDH-GM-AES-CBC-CMAC-128", "0.4.0.127.0.7.2.2.4.2.2", Ecdh, Gm, Aes,
     crypto::KeyType::Aes128},
    {"id-PACE-ECDH-GM-AES-CBC-CMAC-192", "0.4.0.127.0.7.2.2.4.2.3", Ecdh, Gm, Aes,
     crypto::KeyType::Aes192},
    {"id-PACE-ECDH-GM-AES-CBC-CMAC-256", "0.4.0.127.0.7.2.2.4.2.4", Ecdh, Gm, Aes,
     crypto::KeyType::Aes256},
    {"id-PACE-DH-IM-3DES-CBC-CBC", "0.4.0.127.0.7.2.2.4.3.1", Dh, Im, Tdes, crypto::KeyType::Tdes},
    {"id-PACE-DH-IM-AES-CBC-CMAC-128", "0.4.0.127.0.7.2.2.4.3.2", Dh, Im, Aes,
     crypto::KeyType::Aes128},
    {"id-PACE-DH-IM-AES-CBC-CMAC-192", "0.4.0.127.0.7.2.2.4.3.3", Dh, Im, Aes,
     crypto::KeyType::Aes192},
    {"id-PACE-DH-IM-AES-CBC-CMAC-256", "0.4.0.127.0.7.2.2.4.3.4", Dh, Im, Aes,
     crypto::KeyType::Aes256},
    {"id-PACE-ECDH-IM-3DES-CBC-CBC", "0.4.0.127.0.7.2.2.4.4.1", Ecdh, Im, Tdes,
     crypto::KeyType::Tdes},
    {"id-PACE-ECDH-IM-AES-CBC-CMAC-128", "0.4.0.127.0.7.2.2.4.4.2", Ecdh, Im, Aes,
     crypto::KeyType::Aes128},
    {"id-PACE-ECDH-IM-AES-CBC-CMAC-192", "0.4.0.127.0.7.2.2.4.4.3", Ecdh, Im, Aes,
     crypto::KeyType::Aes192},
    {"id-PACE-ECDH-IM-AES-CBC-CMAC-256", "0.4.0.127.0.7.2.2.4.4.4", Ecdh, Im, Aes,
     crypto::KeyType::Aes256},
    {"id-PACE-ECDH-CAM-AES-CBC-CMAC-128", "0.4.0.127.0.7.2.2.4.6.2", Ecdh, Cam, Aes,
     crypto::KeyType::Aes128},
    {"id-PACE-ECDH-CAM-AES-CBC-CMAC-192", "0.4.0.127.0.7.2.2.4.6.3", Ecdh, Cam, Aes,
     crypto::KeyType::Aes192},
    {"id-PACE-ECDH-CAM-AES-CBC-CMAC-256", "0.4.0.127.0.7.2.2.4.6.4", Ecdh, Cam, Aes,
     crypto::KeyType::Aes256},
}};

// SHA-256(K || counter), computed with OpenSSL's EVP interface directly (§9.7.1).
Bytes sha256WithCounter(ByteView k, std::uint8_t counter) {
    Bytes input(k.begin(), k.end());
    append(input, Bytes{0x00, 0x00, 0x00, counter});
    Bytes out(32, 0);
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), out.data(), &length, EVP_sha256(), nullptr);
    return out;
}

} // namespace

TEST(PaceCipherSuiteTest, ParsesEveryPaceProtocol) {
    for (const Row& row : Section923) {
        SCOPED_TRACE(row.name);
        auto suite = access::PaceCipherSuite::fromProtocol(row.oid);
        EXPECT_EQ(suite.protocol, row.oid);
        EXPECT_EQ(suite.keyAgreement, row.keyAgreement);
        EXPECT_EQ(suite.mapping, row.mapping);
        EXPECT_EQ(suite.cipher, row.cipher);
        EXPECT_EQ(suite.keyType, row.keyType);
        EXPECT_EQ(suite.blockSize(), row.cipher == Tdes ? 8U : 16U);
    }
}

// Not PACE protocols: the non-existent DH-CAM of conformance ISO7816_G_36, CAM with 3DES,
// unknown arcs, Chip Authentication, and OIDs cut short or extended.
TEST(PaceCipherSuiteTest, RejectsEverythingElse) {
    for (const char* oid :
         {"0.4.0.127.0.7.2.2.4.5.2", "0.4.0.127.0.7.2.2.4.6.1", "0.4.0.127.0.7.2.2.4.2.5",
          "0.4.0.127.0.7.2.2.4.2.0", "0.4.0.127.0.7.2.2.4.7.2", "0.4.0.127.0.7.2.2.4.2",
          "0.4.0.127.0.7.2.2.4.2.2.1", "0.4.0.127.0.7.2.2.4.", "0.4.0.127.0.7.2.2.3.2.2",
          "0.4.0.127.0.7.2.2.4.02.2", "", "pace"}) {
        test::expectError(ErrorCode::InvalidArgument,
                          [&] { (void)access::PaceCipherSuite::fromProtocol(oid); });
    }
}

TEST(PaceCipherSuiteTest, KeySizesFollowTheCipher) {
    EXPECT_EQ(access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.1").keySize(), 16U);
    EXPECT_EQ(access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.2").keySize(), 16U);
    EXPECT_EQ(access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.3").keySize(), 24U);
    EXPECT_EQ(access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.4").keySize(), 32U);
}

// 3DES session keys: SHA-1, 16 bytes with DES parity, 8-byte SSC. Known answer: the real
// Malaysian chip's Chip Authentication, which derives its keys with the same KDF.
TEST(PaceCipherSuiteTest, DerivesTdesSessionKeys) {
    auto my = test::vectors("ca.json").at("B_real_chip_sessions").at("MY");
    auto suite = access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.1");
    sm::SessionKeys keys = suite.sessionKeys(hexField(my, "shared_secret_K"));
    EXPECT_EQ(keys.cipher, sm::SmCipher::Tdes);
    EXPECT_EQ(toHex(keys.ksEnc), text(my.at("sm_after"), "ks_enc"));
    EXPECT_EQ(toHex(keys.ksMac), text(my.at("sm_after"), "ks_mac"));
    EXPECT_EQ(toHex(keys.ssc), "0000000000000000");
}

// AES-192 and AES-256 session keys: SHA-256, the first 24 or 32 bytes (§9.7.1.2), over the
// Appendix G.1 shared secret.
TEST(PaceCipherSuiteTest, DerivesAes192And256SessionKeysWithSha256) {
    Bytes k =
        hexField(test::vectors("icao-pace-ecdh-gm.json").at("key_agreement"), "shared_secret_K");
    Bytes enc = sha256WithCounter(k, 1);
    Bytes mac = sha256WithCounter(k, 2);

    auto aes192 = access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.3");
    sm::SessionKeys keys192 = aes192.sessionKeys(k);
    EXPECT_EQ(toHex(keys192.ksEnc), toHex(ByteView(enc).first(24)));
    EXPECT_EQ(toHex(keys192.ksMac), toHex(ByteView(mac).first(24)));
    EXPECT_EQ(keys192.ssc.size(), 16U);

    auto aes256 = access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.4");
    sm::SessionKeys keys256 = aes256.sessionKeys(k);
    EXPECT_EQ(toHex(keys256.ksEnc), toHex(enc));
    EXPECT_EQ(toHex(keys256.ksMac), toHex(mac));
}

TEST(PaceCipherSuiteTest, RejectsAnEncryptedNonceOfPartialBlocks) {
    auto suite = access::PaceCipherSuite::fromProtocol("0.4.0.127.0.7.2.2.4.2.2");
    test::expectError(ErrorCode::MalformedData,
                      [&] { (void)suite.decryptNonce(Bytes(16, 0), Bytes(15, 0)); });
    test::expectError(ErrorCode::MalformedData,
                      [&] { (void)suite.decryptNonce(Bytes(16, 0), Bytes{}); });
}

// R(s,t): s is l bits (128 for 3DES and AES-128, 256 for AES-192/256), t the key size, and the
// output n * l bits with n * l >= log2 p + 64.
TEST(PaceCipherSuiteTest, PseudoRandomFunctionSizes) {
    struct Case {
        const char* oid;
        std::size_t l;
        std::size_t k;
    };

    for (Case c :
         {Case{"0.4.0.127.0.7.2.2.4.4.1", 16, 16}, Case{"0.4.0.127.0.7.2.2.4.4.2", 16, 16},
          Case{"0.4.0.127.0.7.2.2.4.4.3", 32, 24}, Case{"0.4.0.127.0.7.2.2.4.4.4", 32, 32}}) {
        SCOPED_TRACE(c.oid);
        auto suite = access::PaceCipherSuite::fromProtocol(c.oid);
        EXPECT_EQ(access::pacePseudoRandomBlockSize(suite), c.l);
        Bytes s(c.l, 0x5A);
        Bytes t(c.k, 0xA5);
        // 256 + 64 = 320 bits: three 128-bit blocks or two 256-bit ones.
        EXPECT_EQ(access::pacePseudoRandom(suite, s, t, 256).size(), c.l == 16 ? 3 * 16U : 2 * 32U);
        EXPECT_EQ(access::pacePseudoRandom(suite, s, t, 1024).size(),
                  c.l == 16 ? 9 * 16U : 5 * 32U);
        test::expectError(ErrorCode::MalformedData, [&] {
            (void)access::pacePseudoRandom(suite, Bytes(c.l + 8, 0), t, 256);
        });
        test::expectError(ErrorCode::InvalidArgument, [&] {
            (void)access::pacePseudoRandom(suite, s, Bytes(c.k + 1, 0), 256);
        });
    }
}

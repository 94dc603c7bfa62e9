// The card's Active Authentication. RSA signatures are opened here with OpenSSL's raw public
// operation and checked against ISO/IEC 9796-2 by hand; the message representatives of
// vectors/aa.json (ICAO 9303-11 Appendix F and a real chip) are reproduced byte for byte.

#include "emulator/card/ActiveAuthenticationResponder.h"

#include <map>
#include <tuple>

#include <openssl/rsa.h>

#include <gtest/gtest.h>

#include "TestKeys.h"
#include "base/Error.h"
#include "crypto/Hash.h"
#include "support/TestData.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::test::hexField;

namespace {

const nlohmann::json& aa() {
    static const nlohmann::json doc = cccd::test::vectors("aa.json");
    return doc;
}

const crypto::EvpPkeyPtr& rsaKey(unsigned bits) {
    static std::map<unsigned, crypto::EvpPkeyPtr> keys;
    auto it = keys.find(bits);
    if (it == keys.end()) {
        it = keys.emplace(bits, emutest::generatedKey("RSA", "", bits)).first;
    }
    return it->second;
}

// s^e mod n: the message representative F of ISO/IEC 9796-2, recovered the way a terminal does.
Bytes recoverRepresentative(EVP_PKEY* key, ByteView signature) {
    emutest::PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    EXPECT_EQ(EVP_PKEY_encrypt_init(context.get()), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING), 1);
    std::size_t size = signature.size();
    Bytes f(size);
    EXPECT_EQ(EVP_PKEY_encrypt(context.get(), f.data(), &size, signature.data(), signature.size()),
              1);
    f.resize(size);
    return f;
}

Bytes fixedBytes(ByteView value, std::size_t expectedSize) {
    EXPECT_EQ(value.size(), expectedSize);
    return Bytes(value.begin(), value.end());
}

} // namespace

// Appendix F publishes no key pair, only F: the card, given the example's M1 as its random bytes
// and RND.IFD as the challenge, must build the same F under any 1024-bit key.
TEST(ActiveAuthenticationResponderTest, ReproducesAppendixFMessageRepresentative) {
    const auto& v = aa().at("A_icao_appendix_F");
    const EVP_PKEY* key = rsaKey(1024).get();
    Bytes m1 = hexField(v, "M1");
    ActiveAuthenticationResponder responder(toBytes(emutest::privateKeyPem(rsaKey(1024).get())),
                                            "sha1",
                                            [&](std::size_t size) { return fixedBytes(m1, size); });
    auto outcome = responder.internalAuthenticate(hexField(v, "rnd_ifd_M2"));
    ASSERT_EQ(outcome.statusWord, StatusWord::Success);
    EXPECT_EQ(outcome.response.size(), 128u);
    EXPECT_EQ(toHex(recoverRepresentative(const_cast<EVP_PKEY*>(key), outcome.response)),
              v.at("F").get<std::string>());
}

// The real chip's exchange: RSA-1792 with SHA-256 and the explicit trailer 34CC.
TEST(ActiveAuthenticationResponderTest, ReproducesTheRealChipsSha256Representative) {
    const auto& v = aa().at("B_real_chip_rsa_sha256");
    Bytes recorded = hexField(v, "F_recovered");
    ASSERT_EQ(recorded.size(), 224u);
    Bytes m1(recorded.begin() + 1, recorded.end() - 32 - 2);
    EVP_PKEY* key = rsaKey(1792).get();
    ActiveAuthenticationResponder responder(toBytes(emutest::privateKeyPem(key)), "sha256",
                                            [&](std::size_t size) { return fixedBytes(m1, size); });
    auto outcome = responder.internalAuthenticate(hexField(v, "rnd_ifd"));
    ASSERT_EQ(outcome.statusWord, StatusWord::Success);
    EXPECT_EQ(toHex(recoverRepresentative(key, outcome.response)), toHex(recorded));
}

TEST(ActiveAuthenticationResponderTest, RsaSignatureVerifiesByIso9796Scheme1) {
    struct Case {
        const char* digest;
        crypto::HashAlgorithm hash;
        std::string trailer;
    };

    Bytes challenge = fromHex("0123456789ABCDEF");
    EVP_PKEY* key = rsaKey(2048).get();
    for (const Case& c : {Case{"sha1", crypto::HashAlgorithm::Sha1, "BC"},
                          Case{"sha224", crypto::HashAlgorithm::Sha224, "38CC"},
                          Case{"sha256", crypto::HashAlgorithm::Sha256, "34CC"},
                          Case{"sha384", crypto::HashAlgorithm::Sha384, "36CC"},
                          Case{"sha512", crypto::HashAlgorithm::Sha512, "35CC"}}) {
        SCOPED_TRACE(c.digest);
        ActiveAuthenticationResponder responder(toBytes(emutest::privateKeyPem(key)), c.digest);
        auto outcome = responder.internalAuthenticate(challenge);
        ASSERT_EQ(outcome.statusWord, StatusWord::Success);
        ASSERT_EQ(outcome.response.size(), 256u);

        // F = 6A || M1 || H(M1 || RND.IFD) || trailer (ICAO 9303-11 §6.1, ISO/IEC 9796-2 §8).
        Bytes f = recoverRepresentative(key, outcome.response);
        ASSERT_EQ(f.size(), 256u);
        std::size_t trailerSize = c.trailer.size() / 2;
        std::size_t hashSize = crypto::digestSize(c.hash);
        EXPECT_EQ(f.front(), 0x6A);
        EXPECT_EQ(toHex(ByteView(f).last(trailerSize)), c.trailer);
        ByteView m1 = ByteView(f).subspan(1, f.size() - 1 - hashSize - trailerSize);
        ByteView hash = ByteView(f).subspan(1 + m1.size(), hashSize);
        EXPECT_EQ(toHex(hash), toHex(crypto::digest(c.hash, concat(m1, challenge))));

        // M1 is fresh each time.
        Bytes again =
            recoverRepresentative(key, responder.internalAuthenticate(challenge).response);
        EXPECT_NE(toHex(ByteView(again).subspan(1, m1.size())), toHex(m1));
    }
}

// ISO7816_F_08: the trailer fault replaces the last trailer byte and nothing else.
TEST(ActiveAuthenticationResponderTest, TrailerFaultReplacesTheLastTrailerByte) {
    Bytes challenge = fromHex("0123456789ABCDEF");
    EVP_PKEY* key = rsaKey(1024).get();
    for (const auto& [digest, trailer] :
         {std::pair{"sha1", std::string("BD")}, std::pair{"sha256", std::string("34CD")}}) {
        SCOPED_TRACE(digest);
        ActiveAuthenticationResponder responder(toBytes(emutest::privateKeyPem(key)), digest);
        auto outcome = responder.internalAuthenticate(challenge, fromHex(trailer).back());
        ASSERT_EQ(outcome.statusWord, StatusWord::Success);
        Bytes f = recoverRepresentative(key, outcome.response);
        EXPECT_EQ(f.front(), 0x6A);
        EXPECT_EQ(toHex(ByteView(f).last(trailer.size() / 2)), trailer);
    }
}

TEST(ActiveAuthenticationResponderTest, EcdsaAnswersPlainRAndS) {
    Bytes challenge = fromHex("F173589974BF40C6");
    for (const auto& [curve, digest, size] :
         {std::tuple{"prime256v1", "sha256", 64u}, std::tuple{"brainpoolP384r1", "sha384", 96u},
          std::tuple{"brainpoolP256r1", "sha1", 64u}}) {
        SCOPED_TRACE(curve);
        crypto::EvpPkeyPtr key = emutest::generatedKey("EC", curve);
        ActiveAuthenticationResponder responder(toBytes(emutest::privateKeyPem(key.get())), digest);
        auto outcome = responder.internalAuthenticate(challenge);
        ASSERT_EQ(outcome.statusWord, StatusWord::Success);
        ASSERT_EQ(outcome.response.size(), size);

        // r || s back to the DER Ecdsa-Sig-Value OpenSSL verifies (RFC 3279 §2.2.3).
        const int half = static_cast<int>(size / 2);
        crypto::EcdsaSigPtr sig(ECDSA_SIG_new());
        ECDSA_SIG_set0(sig.get(), BN_bin2bn(outcome.response.data(), half, nullptr),
                       BN_bin2bn(outcome.response.data() + half, half, nullptr));
        unsigned char* der = nullptr;
        int derSize = i2d_ECDSA_SIG(sig.get(), &der);
        crypto::EvpMdCtxPtr verify(EVP_MD_CTX_new());
        ASSERT_EQ(EVP_DigestVerifyInit(verify.get(), nullptr, EVP_get_digestbyname(digest), nullptr,
                                       key.get()),
                  1);
        EXPECT_EQ(EVP_DigestVerify(verify.get(), der, static_cast<std::size_t>(derSize),
                                   challenge.data(), challenge.size()),
                  1);
        OPENSSL_free(der);
    }
}

TEST(ActiveAuthenticationResponderTest, RefusesOtherChallengesKeysAndDigests) {
    Bytes pem = toBytes(emutest::privateKeyPem(rsaKey(1024).get()));
    ActiveAuthenticationResponder responder(pem, "sha1");
    for (const Bytes& challenge : {Bytes(7, 1), Bytes(9, 1), Bytes{}}) {
        auto outcome = responder.internalAuthenticate(challenge);
        EXPECT_EQ(outcome.statusWord, StatusWord::WrongLength);
        EXPECT_TRUE(outcome.response.empty());
    }
    EXPECT_THROW(ActiveAuthenticationResponder(pem, "md5"), Error);
    EXPECT_THROW(ActiveAuthenticationResponder(toBytes("garbage"), "sha1"), Error);
    crypto::EvpPkeyPtr dh = emutest::generatedKey("DHX", "dh_1024_160");
    EXPECT_THROW(ActiveAuthenticationResponder(toBytes(emutest::privateKeyPem(dh.get())), "sha1"),
                 Error);
    EXPECT_THROW(
        ActiveAuthenticationResponder(toBytes(emutest::privateKeyPem(rsaKey(1020).get())), "sha1"),
        Error);
}

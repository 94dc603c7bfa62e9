// Active Authentication (ICAO 9303-11 §6.1): a real chip's RSA-1792/SHA-256 exchange under 3DES
// secure messaging (vectors/aa.json B) replayed byte-exact, then chips built here with fresh keys:
// RSA-2048 with the SHA-1 'BC' trailer like the Vietnamese card (cccd.md §1.5), ECDSA P-256 in
// the plain and DER formats, and the ways a signature can fail.
#include "verify/ActiveAuthentication.h"

#include <functional>

#include <openssl/ec.h>
#include <openssl/rsa.h>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/OpenSslPtr.h"
#include "sm/SecureMessagingChannel.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::hexField;
using verify::ActiveAuthenticationReason;
using verify::ActiveAuthenticationStatus;

namespace {

constexpr std::string_view EcdsaPlainSha256 = "0.4.0.127.0.7.1.1.4.1.3"; // BSI TR-03111
constexpr std::string_view EcdsaPlainSha384 = "0.4.0.127.0.7.1.1.4.1.4";
const Bytes Challenge = fromHex("4608F91988702212");

using Signer = std::function<Bytes(ByteView challenge)>;

// A chip that answers INTERNAL AUTHENTICATE with the signer's bytes and 9000.
class SigningChip : public transport::CardChannel {
public:
    SigningChip(Signer signer, bool extendedLength) : m_signer(std::move(signer)) {
        m_capabilities.extendedLength = extendedLength;
    }

    Bytes transmit(ByteView command) override {
        lastCommand.assign(command.begin(), command.end());
        Bytes answer = m_signer(apdu::CommandApdu::decode(command).data);
        append(answer, Bytes{0x90, 0x00});
        return answer;
    }

    Bytes atr() const override { return {0x3B, 0x00}; }

    transport::ChannelCapabilities capabilities() const override { return m_capabilities; }

    Bytes lastCommand;

private:
    Signer m_signer;
    transport::ChannelCapabilities m_capabilities;
};

lds::Dg15 dg15Of(EVP_PKEY* key) {
    unsigned char* der = nullptr;
    int size = i2d_PUBKEY(key, &der);
    Bytes spki(der, der + size);
    OPENSSL_free(der);
    return lds::Dg15::parse(tlv::encode(0x6F, spki));
}

EVP_PKEY* rsa2048() {
    static crypto::EvpPkeyPtr key(EVP_RSA_gen(2048));
    return key.get();
}

EVP_PKEY* p256() {
    static crypto::EvpPkeyPtr key(EVP_EC_gen("P-256"));
    return key.get();
}

// ISO/IEC 9796-2 scheme 1 as the chip computes it: F = 6A || M1 || SHA-1(M1 || challenge) || BC,
// then the raw RSA private operation.
Bytes signIso9796Sha1(EVP_PKEY* key, ByteView challenge) {
    std::size_t k = static_cast<std::size_t>(EVP_PKEY_get_size(key));
    Bytes m1 = crypto::randomBytes(k - 1 - 20 - 1);
    Bytes f{0x6A};
    append(f, m1);
    append(f, crypto::sha1(concat(m1, challenge)));
    f.push_back(0xBC);

    crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free> ctx(EVP_PKEY_CTX_new(key, nullptr));
    Bytes signature(k);
    std::size_t size = signature.size();
    EXPECT_TRUE(ctx && EVP_PKEY_sign_init(ctx.get()) == 1 &&
                EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) == 1 &&
                EVP_PKEY_sign(ctx.get(), signature.data(), &size, f.data(), f.size()) == 1);
    signature.resize(size);
    return signature;
}

Bytes signEcdsaDer(EVP_PKEY* key, const EVP_MD* md, ByteView challenge) {
    crypto::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    std::size_t size = 0;
    EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key), 1);
    EXPECT_EQ(EVP_DigestSign(ctx.get(), nullptr, &size, challenge.data(), challenge.size()), 1);
    Bytes signature(size);
    EXPECT_EQ(
        EVP_DigestSign(ctx.get(), signature.data(), &size, challenge.data(), challenge.size()), 1);
    signature.resize(size);
    return signature;
}

// BSI TR-03111 §5.2.1: r || s, each as long as the order.
Bytes plainOf(ByteView der) {
    const unsigned char* cursor = der.data();
    crypto::EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
    Bytes plain(64);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), plain.data(), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), plain.data() + 32, 32);
    return plain;
}

lds::SecurityInfos dg14Naming(std::string_view signatureAlgorithm) {
    lds::ActiveAuthenticationInfo info;
    info.protocol = "2.23.136.1.1.5";
    info.version = 1;
    info.signatureAlgorithm = std::string(signatureAlgorithm);
    lds::SecurityInfos infos;
    infos.activeAuthenticationInfos.push_back(info);
    return infos;
}

verify::ActiveAuthenticationResult runWith(Signer signer, const lds::Dg15& dg15,
                                           const lds::SecurityInfos* dg14 = nullptr) {
    SigningChip chip(std::move(signer), false);
    return verify::performActiveAuthentication(chip, &dg15, dg14, Challenge);
}

} // namespace

// aa.json B: INTERNAL AUTHENTICATE with Le 00 under 3DES secure messaging, byte for byte.
TEST(ActiveAuthenticationTest, ReplaysRealChipRsaSha256Exchange) {
    auto b = test::vectors("aa.json").at("B_real_chip_rsa_sha256");
    auto smKeys = b.at("sm");
    sm::SessionKeys keys;
    keys.cipher = sm::SmCipher::Tdes;
    keys.ksEnc = SecureBytes(hexField(smKeys, "ks_enc"));
    keys.ksMac = SecureBytes(hexField(smKeys, "ks_mac"));
    keys.ssc = hexField(smKeys, "ssc_before");
    test::ScriptedChannel card;
    card.expect(hexField(b, "protected_command"), hexField(b, "protected_response"));
    sm::SecureMessagingChannel channel(card, keys);
    lds::Dg15 dg15 = lds::Dg15::parse(hexField(b, "dg15"));

    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(channel, &dg15, nullptr, hexField(b, "rnd_ifd"));
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Passed)
        << verify::activeAuthenticationReasonName(result.reason);
    EXPECT_EQ(result.algorithm, verify::ActiveAuthenticationAlgorithm::RsaIso9796_2);
    EXPECT_EQ(result.hash, crypto::HashAlgorithm::Sha256);
    EXPECT_EQ(toHex(result.signature), b.at("signature").get<std::string>());
    EXPECT_EQ(toHex(result.challenge), b.at("rnd_ifd").get<std::string>());
    EXPECT_EQ(result.statusWord, 0x9000);
    EXPECT_EQ(toHex(channel.ssc()), smKeys.at("ssc_after").get<std::string>());
    EXPECT_TRUE(card.done());
}

TEST(ActiveAuthenticationTest, RealChipSignatureFailsForAnotherChallenge) {
    auto b = test::vectors("aa.json").at("B_real_chip_rsa_sha256");
    lds::Dg15 dg15 = lds::Dg15::parse(hexField(b, "dg15"));
    Bytes challenge = hexField(b, "rnd_ifd");
    challenge[7] ^= 0x01;
    verify::ActiveAuthenticationResult result =
        verify::verifyActiveAuthentication(dg15, nullptr, challenge, hexField(b, "signature"));
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(result.reason, ActiveAuthenticationReason::SignatureInvalid);
}

// Like the Vietnamese card: RSA-2048, SHA-1 with trailer BC, 256-byte signature, 8-byte challenge.
TEST(ActiveAuthenticationTest, VerifiesRsa2048Sha1Signature) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    SigningChip chip([](ByteView c) { return signIso9796Sha1(rsa2048(), c); }, false);
    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(chip, &dg15, nullptr, Challenge);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Passed);
    EXPECT_EQ(result.hash, crypto::HashAlgorithm::Sha1);
    EXPECT_EQ(result.signature.size(), 256u);
    EXPECT_EQ(verify::activeAuthenticationStatusName(result.status), "passed");
    EXPECT_EQ(toHex(chip.lastCommand), "0088000008" + toHex(Challenge) + "00");
}

// With extended length the whole 256-byte signature is asked for in an extended APDU, so that
// its protected form (more than 256 bytes) is not cut.
TEST(ActiveAuthenticationTest, AsksForExactRsaSizeWhenExtendedLengthWorks) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    SigningChip chip([](ByteView c) { return signIso9796Sha1(rsa2048(), c); }, true);
    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(chip, &dg15, nullptr, Challenge);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Passed);
    EXPECT_EQ(toHex(chip.lastCommand), "00880000000008" + toHex(Challenge) + "0100");
}

TEST(ActiveAuthenticationTest, WrongSignatureFails) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    verify::ActiveAuthenticationResult result = runWith(
        [](ByteView c) {
            Bytes s = signIso9796Sha1(rsa2048(), c);
            s[100] ^= 0x01;
            return s;
        },
        dg15);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(result.reason, ActiveAuthenticationReason::SignatureInvalid);
}

TEST(ActiveAuthenticationTest, SignatureOverAnotherChallengeFails) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    verify::ActiveAuthenticationResult result = runWith(
        [](ByteView) { return signIso9796Sha1(rsa2048(), fromHex("0000000000000000")); }, dg15);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
}

TEST(ActiveAuthenticationTest, TooShortSignatureFails) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    for (std::size_t keep : {std::size_t{0}, std::size_t{128}, std::size_t{255}}) {
        SCOPED_TRACE(keep);
        verify::ActiveAuthenticationResult result = runWith(
            [keep](ByteView c) {
                Bytes s = signIso9796Sha1(rsa2048(), c);
                s.resize(keep);
                return s;
            },
            dg15);
        EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
        EXPECT_EQ(result.signature.size(), keep);
    }
}

TEST(ActiveAuthenticationTest, VerifiesEcdsaP256PlainAndDer) {
    lds::Dg15 dg15 = dg15Of(p256());
    lds::SecurityInfos dg14 = dg14Naming(EcdsaPlainSha256);
    verify::ActiveAuthenticationResult plain = runWith(
        [](ByteView c) { return plainOf(signEcdsaDer(p256(), EVP_sha256(), c)); }, dg15, &dg14);
    EXPECT_EQ(plain.status, ActiveAuthenticationStatus::Passed);
    EXPECT_TRUE(plain.plainEcdsaSignature);
    EXPECT_EQ(plain.algorithm, verify::ActiveAuthenticationAlgorithm::Ecdsa);
    EXPECT_EQ(plain.hash, crypto::HashAlgorithm::Sha256);
    EXPECT_EQ(plain.signature.size(), 64u);

    verify::ActiveAuthenticationResult der =
        runWith([](ByteView c) { return signEcdsaDer(p256(), EVP_sha256(), c); }, dg15, &dg14);
    EXPECT_EQ(der.status, ActiveAuthenticationStatus::Passed);
    EXPECT_FALSE(der.plainEcdsaSignature);
}

// Without ActiveAuthenticationInfo the hash follows the key size: SHA-256 for P-256.
TEST(ActiveAuthenticationTest, EcdsaHashFollowsKeySizeWithoutDg14) {
    lds::Dg15 dg15 = dg15Of(p256());
    verify::ActiveAuthenticationResult result =
        runWith([](ByteView c) { return plainOf(signEcdsaDer(p256(), EVP_sha256(), c)); }, dg15);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Passed);
    EXPECT_EQ(result.hash, crypto::HashAlgorithm::Sha256);
}

TEST(ActiveAuthenticationTest, EcdsaWithAnotherHashThanDg14NamesFails) {
    lds::Dg15 dg15 = dg15Of(p256());
    lds::SecurityInfos dg14 = dg14Naming(EcdsaPlainSha384);
    verify::ActiveAuthenticationResult result = runWith(
        [](ByteView c) { return plainOf(signEcdsaDer(p256(), EVP_sha256(), c)); }, dg15, &dg14);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(result.hash, crypto::HashAlgorithm::Sha384);
}

// ICAO 9303-11 §9.2.8 allows ECDSA only: an RSA algorithm or an OID that names no signature
// algorithm is invalid (BSI TR-03105-5.1 ISO7816_F_09), even though the signature is good.
TEST(ActiveAuthenticationTest, NonEcdsaSignatureAlgorithmInDg14IsInvalid) {
    lds::Dg15 dg15 = dg15Of(p256());
    for (const char* oid : {"1.2.840.113549.1.1.11", "0.4.0.127.0.7.2.2.1.2", "1.2.3.4"}) {
        SCOPED_TRACE(oid);
        lds::SecurityInfos dg14 = dg14Naming(oid);
        verify::ActiveAuthenticationResult result = runWith(
            [](ByteView c) { return plainOf(signEcdsaDer(p256(), EVP_sha256(), c)); }, dg15, &dg14);
        EXPECT_EQ(result.status, ActiveAuthenticationStatus::Error);
        EXPECT_EQ(result.reason, ActiveAuthenticationReason::InvalidAlgorithm);
        EXPECT_EQ(verify::activeAuthenticationReasonName(result.reason), "invalid_algorithm");
    }
}

// An ECDSA variant of BSI TR-03111 (ecdsa-plain-signatures) that this SDK does not implement
// (ecdsa-plain-RIPEMD160, ecdsa-plain-SHA3-256) is unsupported, not invalid.
TEST(ActiveAuthenticationTest, UnimplementedEcdsaVariantInDg14IsUnsupported) {
    lds::Dg15 dg15 = dg15Of(p256());
    for (const char* oid : {"0.4.0.127.0.7.1.1.4.1.6", "0.4.0.127.0.7.1.1.4.1.9"}) {
        SCOPED_TRACE(oid);
        lds::SecurityInfos dg14 = dg14Naming(oid);
        verify::ActiveAuthenticationResult result = runWith(
            [](ByteView c) { return plainOf(signEcdsaDer(p256(), EVP_sha256(), c)); }, dg15, &dg14);
        EXPECT_EQ(result.status, ActiveAuthenticationStatus::Error);
        EXPECT_EQ(result.reason, ActiveAuthenticationReason::UnsupportedAlgorithm);
    }
}

TEST(ActiveAuthenticationTest, ChipRefusalFails) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    test::ScriptedChannel card;
    card.expect({}, fromHex("6985"));
    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(card, &dg15, nullptr, Challenge);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(result.reason, ActiveAuthenticationReason::ChipRefused);
    EXPECT_EQ(result.statusWord, 0x6985);
    EXPECT_TRUE(result.signature.empty());
}

TEST(ActiveAuthenticationTest, WithoutDg15NothingIsSent) {
    test::ScriptedChannel card;
    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(card, nullptr, nullptr, Challenge);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::NotOffered);
    EXPECT_EQ(toHex(result.challenge), toHex(Challenge));
}

TEST(ActiveAuthenticationTest, ChallengeIsEightBytes) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    test::ScriptedChannel card;
    try {
        (void)verify::performActiveAuthentication(card, &dg15, nullptr, fromHex("01020304"));
        FAIL() << "a 4-byte challenge was sent";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    }
}

TEST(ActiveAuthenticationTest, DrawsChallengeFromRandom) {
    lds::Dg15 dg15 = dg15Of(rsa2048());
    SigningChip chip([](ByteView c) { return signIso9796Sha1(rsa2048(), c); }, false);
    crypto::RandomSource random = [](std::size_t count) {
        EXPECT_EQ(count, 8u);
        return Challenge;
    };
    verify::ActiveAuthenticationResult result =
        verify::performActiveAuthentication(chip, &dg15, nullptr, random);
    EXPECT_EQ(result.status, ActiveAuthenticationStatus::Passed);
    EXPECT_EQ(toHex(result.challenge), toHex(Challenge));
}

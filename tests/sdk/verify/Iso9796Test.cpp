// ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery as Active
// Authentication uses it: ICAO 9303-11 Appendix F and a real chip's SHA-256 signature
// (vectors/aa.json), then each header, padding and trailer rule on representatives built here.
#include <gtest/gtest.h>

#include "crypto/RsaPublicOperation.h"
#include "lds/Dg15.h"
#include "support/TestData.h"
#include "verify/Iso9796Signature.h"

using namespace cccd;
using test::hexField;
using verify::Iso9796Recovery;

namespace {

nlohmann::json aaVectors() {
    return test::vectors("aa.json");
}

const Bytes Challenge = fromHex("0102030405060708");

// F = header || M1 || Hash(M1 || challenge) || trailer, for a 1024-bit key.
Bytes representative(std::uint8_t header, crypto::HashAlgorithm hash, Bytes trailer,
                     Bytes padding = {}) {
    std::size_t m1Size = 128 - 1 - padding.size() - crypto::digestSize(hash) - trailer.size();
    Bytes m1(m1Size);
    for (std::size_t i = 0; i < m1.size(); ++i) {
        m1[i] = static_cast<std::uint8_t>(0x30 + i % 40);
    }
    Bytes f{header};
    append(f, padding);
    append(f, m1);
    append(f, crypto::digest(hash, concat(m1, Challenge)));
    append(f, trailer);
    return f;
}

} // namespace

TEST(Iso9796Test, RecoversAppendixFMessage) {
    auto f = aaVectors().at("A_icao_appendix_F");
    Iso9796Recovery recovery =
        verify::checkIso9796Representative(hexField(f, "F"), hexField(f, "rnd_ifd_M2"));
    EXPECT_EQ(recovery.status, verify::Iso9796Status::Valid);
    EXPECT_EQ(recovery.hash, crypto::HashAlgorithm::Sha1);
    EXPECT_FALSE(recovery.explicitTrailer);
    EXPECT_EQ(toHex(recovery.recoveredMessage), f.at("M1").get<std::string>());
    EXPECT_EQ(recovery.recoveredMessage.size() * 8, f.at("M1_bits").get<std::size_t>());
    EXPECT_EQ(toHex(crypto::sha1(hexField(f, "M"))), f.at("H_sha1_M").get<std::string>());
}

TEST(Iso9796Test, AppendixFFailsForAnotherChallenge) {
    auto f = aaVectors().at("A_icao_appendix_F");
    Bytes other = hexField(f, "rnd_ifd_M2");
    other[0] ^= 0x80;
    EXPECT_EQ(verify::checkIso9796Representative(hexField(f, "F"), other).status,
              verify::Iso9796Status::HashMismatch);
}

// A real RSA-1792 chip: s^e mod n gives F with the explicit SHA-256 trailer 34 CC.
TEST(Iso9796Test, VerifiesRealChipSha256Signature) {
    auto b = aaVectors().at("B_real_chip_rsa_sha256");
    lds::Dg15 dg15 = lds::Dg15::parse(hexField(b, "dg15"));
    ASSERT_EQ(dg15.publicKey.rsaModulusBits(), b.at("rsa_modulus_bits").get<std::size_t>());
    Bytes f = crypto::rsaPublicOperation(
        dg15.publicKey.rsaModulus, dg15.publicKey.rsaPublicExponent, hexField(b, "signature"));
    EXPECT_EQ(toHex(f), b.at("F_recovered").get<std::string>());
    EXPECT_EQ(toHex(ByteView(f).subspan(f.size() - 34, 32)), b.at("hash_D").get<std::string>());

    Iso9796Recovery recovery =
        verify::verifyIso9796Signature(dg15.publicKey.rsaModulus, dg15.publicKey.rsaPublicExponent,
                                       hexField(b, "signature"), hexField(b, "rnd_ifd"));
    EXPECT_EQ(recovery.status, verify::Iso9796Status::Valid);
    EXPECT_EQ(recovery.hash, crypto::HashAlgorithm::Sha256);
    EXPECT_TRUE(recovery.explicitTrailer);
}

TEST(Iso9796Test, SignatureNotBelowTheModulusIsOutOfRange) {
    auto b = aaVectors().at("B_real_chip_rsa_sha256");
    lds::Dg15 dg15 = lds::Dg15::parse(hexField(b, "dg15"));
    Iso9796Recovery recovery =
        verify::verifyIso9796Signature(dg15.publicKey.rsaModulus, dg15.publicKey.rsaPublicExponent,
                                       dg15.publicKey.rsaModulus, hexField(b, "rnd_ifd"));
    EXPECT_EQ(recovery.status, verify::Iso9796Status::OutOfRange);
}

// Every trailer ISO/IEC 9796-2 allows for the hashes Active Authentication may use.
TEST(Iso9796Test, ReadsEachTrailer) {
    struct Row {
        Bytes trailer;
        crypto::HashAlgorithm hash;
    };

    for (const Row& row :
         {Row{{0xBC}, crypto::HashAlgorithm::Sha1}, Row{{0x33, 0xCC}, crypto::HashAlgorithm::Sha1},
          Row{{0x38, 0xCC}, crypto::HashAlgorithm::Sha224},
          Row{{0x34, 0xCC}, crypto::HashAlgorithm::Sha256},
          Row{{0x36, 0xCC}, crypto::HashAlgorithm::Sha384},
          Row{{0x35, 0xCC}, crypto::HashAlgorithm::Sha512}}) {
        SCOPED_TRACE(toHex(row.trailer));
        Iso9796Recovery recovery = verify::checkIso9796Representative(
            representative(0x6A, row.hash, row.trailer), Challenge);
        EXPECT_EQ(recovery.status, verify::Iso9796Status::Valid);
        EXPECT_EQ(recovery.hash, row.hash);
        EXPECT_EQ(recovery.explicitTrailer, row.trailer.size() == 2);
    }
}

TEST(Iso9796Test, RefusesUnknownTrailers) {
    for (const Bytes& trailer : {Bytes{0xBD}, Bytes{0x37, 0xCC}, Bytes{0x34, 0xCD}}) {
        SCOPED_TRACE(toHex(trailer));
        EXPECT_EQ(verify::checkIso9796Representative(
                      representative(0x6A, crypto::HashAlgorithm::Sha256, trailer), Challenge)
                      .status,
                  verify::Iso9796Status::TrailerInvalid);
    }
    // The hash named by the trailer decides: SHA-256's hash under SHA-512's identifier fails.
    Bytes f = representative(0x6A, crypto::HashAlgorithm::Sha256, {0x35, 0xCC});
    EXPECT_NE(verify::checkIso9796Representative(f, Challenge).status,
              verify::Iso9796Status::Valid);
}

TEST(Iso9796Test, ChecksHeaderAndPadding) {
    auto sha1 = crypto::HashAlgorithm::Sha1;
    EXPECT_EQ(verify::checkIso9796Representative(
                  representative(0x6B, sha1, {0xBC}, {0xBB, 0xBB, 0xBA}), Challenge)
                  .status,
              verify::Iso9796Status::Valid);

    struct Row {
        std::uint8_t header;
        Bytes padding;
        const char* what;
    };

    for (const Row& row :
         {Row{0x4A, {}, "total recovery: the challenge is not M2"}, Row{0x2A, {}, "header bits 00"},
          Row{0xEA, {}, "header bits 11"}, Row{0x69, {}, "border nibble 9"},
          Row{0x6B, {0xBB, 0xAB}, "padding not ending in BA"}}) {
        SCOPED_TRACE(row.what);
        EXPECT_EQ(verify::checkIso9796Representative(
                      representative(row.header, sha1, {0xBC}, row.padding), Challenge)
                      .status,
                  verify::Iso9796Status::HeaderInvalid);
    }
}

TEST(Iso9796Test, TooShortRepresentativeIsRefused) {
    EXPECT_NE(verify::checkIso9796Representative(fromHex("6ABC"), Challenge).status,
              verify::Iso9796Status::Valid);
    EXPECT_NE(verify::checkIso9796Representative({}, Challenge).status,
              verify::Iso9796Status::Valid);
}

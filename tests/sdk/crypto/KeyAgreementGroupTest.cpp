// KeyAgreementGroup over every standardized domain parameter ID of ICAO 9303-11 §9.5.1
// (Table 12), public key validation for DH and ECDH, and explicit domain parameters (§9.2.2,
// §9.5.2).
#include "crypto/KeyAgreementGroup.h"

#include <array>

#include <openssl/bn.h>

#include <gtest/gtest.h>

#include "crypto/DhGroup.h"
#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "sdk/access/PaceTestSupport.h"
#include "sdk/crypto/DomainParameterEncoding.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::algorithmIdentifier;
using test::derInteger;
using test::explicitBrainpoolP256r1;
using test::hexField;
using test::x942Parameters;

namespace {

// Table 12, as the standard lists it.
struct Row {
    std::uint64_t id;
    const char* name;
    crypto::KeyAgreementAlgorithm keyAgreement;
    std::size_t primeBits;
    std::size_t orderBits; ///< q for the MODP groups, n for the curves
};

const std::array<Row, 14> Table12 = {{
    {0, "1024-bit MODP, 160-bit subgroup", crypto::KeyAgreementAlgorithm::Dh, 1024, 160},
    {1, "2048-bit MODP, 224-bit subgroup", crypto::KeyAgreementAlgorithm::Dh, 2048, 224},
    {2, "2048-bit MODP, 256-bit subgroup", crypto::KeyAgreementAlgorithm::Dh, 2048, 256},
    {8, "NIST P-192", crypto::KeyAgreementAlgorithm::Ecdh, 192, 192},
    {9, "brainpoolP192r1", crypto::KeyAgreementAlgorithm::Ecdh, 192, 192},
    {10, "NIST P-224", crypto::KeyAgreementAlgorithm::Ecdh, 224, 224},
    {11, "brainpoolP224r1", crypto::KeyAgreementAlgorithm::Ecdh, 224, 224},
    {12, "NIST P-256", crypto::KeyAgreementAlgorithm::Ecdh, 256, 256},
    {13, "brainpoolP256r1", crypto::KeyAgreementAlgorithm::Ecdh, 256, 256},
    {14, "brainpoolP320r1", crypto::KeyAgreementAlgorithm::Ecdh, 320, 320},
    {15, "NIST P-384", crypto::KeyAgreementAlgorithm::Ecdh, 384, 384},
    {16, "brainpoolP384r1", crypto::KeyAgreementAlgorithm::Ecdh, 384, 384},
    {17, "brainpoolP512r1", crypto::KeyAgreementAlgorithm::Ecdh, 512, 512},
    {18, "NIST P-521", crypto::KeyAgreementAlgorithm::Ecdh, 521, 521},
}};

std::size_t bytesOf(std::size_t bits) {
    return (bits + 7) / 8;
}

nlohmann::json appendixG2() {
    return test::vectors("icao-pace-dh-gm.json");
}

} // namespace

TEST(KeyAgreementGroupTest, KnowsEveryStandardizedDomainParameter) {
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = crypto::KeyAgreementGroup::standardized(row.id);
        EXPECT_EQ(group->keyAgreement(), row.keyAgreement);
        EXPECT_EQ(group->primeBits(), row.primeBits);
        EXPECT_EQ(group->orderSize(), bytesOf(row.orderBits));
        Bytes g = group->generator();
        if (row.keyAgreement == crypto::KeyAgreementAlgorithm::Ecdh) {
            EXPECT_EQ(g.size(), 1 + 2 * bytesOf(row.primeBits));
        } else {
            EXPECT_EQ(g.size(), bytesOf(row.primeBits));
            auto& dh = dynamic_cast<const crypto::DhGroup&>(*group);
            BIGNUM* q = BN_bin2bn(dh.subgroupOrder().data(),
                                  static_cast<int>(dh.subgroupOrder().size()), nullptr);
            EXPECT_EQ(static_cast<std::size_t>(BN_num_bits(q)), row.orderBits);
            BN_free(q);
        }
    }
}

TEST(KeyAgreementGroupTest, ReservedParameterIdsAreNotSupported) {
    for (std::uint64_t id : {3, 4, 5, 6, 7, 19, 31, 32, 1000}) {
        test::expectError(ErrorCode::NotSupported,
                          [&] { (void)crypto::KeyAgreementGroup::standardized(id); });
    }
}

// Both sides of Generic Mapping and key agreement, played with this class, meet on every group;
// public keys have their exact lengths (uncompressed points; DH values in the fewest bytes).
TEST(KeyAgreementGroupTest, GenericMappingAgreesOnEveryGroup) {
    crypto::RandomSource random = crypto::systemRandom();
    Bytes nonce = random(16);
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = crypto::KeyAgreementGroup::standardized(row.id);
        crypto::EphemeralKeyPair terminalMap = group->generateKeyPair(random);
        crypto::EphemeralKeyPair chipMap = group->generateKeyPair(random);
        auto terminalSide = group->mapGeneric(nonce, terminalMap.privateKey, chipMap.publicKey);
        auto chipSide = group->mapGeneric(nonce, chipMap.privateKey, terminalMap.publicKey);
        EXPECT_EQ(toHex(terminalSide->generator()), toHex(chipSide->generator()));
        EXPECT_NE(toHex(terminalSide->generator()), toHex(group->generator()));

        crypto::EphemeralKeyPair terminal = terminalSide->generateKeyPair(random);
        crypto::EphemeralKeyPair chip = chipSide->generateKeyPair(random);
        SecureBytes k = terminalSide->sharedSecret(terminal.privateKey, chip.publicKey);
        EXPECT_EQ(toHex(k), toHex(chipSide->sharedSecret(chip.privateKey, terminal.publicKey)));
        EXPECT_EQ(k.size(), bytesOf(row.primeBits));
        if (row.keyAgreement == crypto::KeyAgreementAlgorithm::Ecdh) {
            EXPECT_EQ(terminal.publicKey.size(), 1 + 2 * bytesOf(row.primeBits));
        } else {
            EXPECT_LE(terminal.publicKey.size(), bytesOf(row.primeBits));
            EXPECT_NE(terminal.publicKey[0], 0x00);
        }
    }
}

TEST(KeyAgreementGroupTest, IntegratedMappingGivesAGeneratorOnEveryGroupButP224) {
    crypto::RandomSource random = crypto::systemRandom();
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = crypto::KeyAgreementGroup::standardized(row.id);
        Bytes pseudoRandom = random(bytesOf(row.primeBits + 64));
        if (row.id == 10) { // Table 12: P-224 "cannot be used with the Integrated Mapping"
            test::expectError(ErrorCode::NotSupported,
                              [&] { (void)group->mapIntegrated(pseudoRandom); });
            continue;
        }
        auto mapped = group->mapIntegrated(pseudoRandom);
        if (row.keyAgreement == crypto::KeyAgreementAlgorithm::Ecdh) {
            group->checkPublicKey(mapped->generator()); // on the curve
        } else {
            Bytes g = mapped->generator();
            std::size_t leadingZeros = 0;
            while (g[leadingZeros] == 0) {
                ++leadingZeros;
            }
            group->checkPublicKey(Bytes(g.begin() + leadingZeros, g.end())); // in the subgroup
        }
        crypto::EphemeralKeyPair a = mapped->generateKeyPair(random);
        crypto::EphemeralKeyPair b = mapped->generateKeyPair(random);
        EXPECT_EQ(toHex(mapped->sharedSecret(a.privateKey, b.publicKey)),
                  toHex(mapped->sharedSecret(b.privateKey, a.publicKey)));
    }
}

// P-521's order has 521 bits in 66 bytes: the excess bits are cleared before the range check,
// so nearly every draw is usable.
TEST(KeyAgreementGroupTest, DrawsPrivateKeysOfTheOrderBitLength) {
    auto group = crypto::KeyAgreementGroup::standardized(18);
    std::size_t calls = 0;
    crypto::RandomSource counting = [&calls](std::size_t count) {
        ++calls;
        return crypto::randomBytes(count);
    };
    for (int i = 0; i < 20; ++i) {
        crypto::EphemeralKeyPair key = group->generateKeyPair(counting);
        EXPECT_EQ(key.privateKey.size(), 66U);
        EXPECT_LE(key.privateKey[0], 0x01);
    }
    EXPECT_LT(calls, 40U);
}

// Conformance ISO7816_C_16: each coordinate tampered in turn, and other invalid encodings.
TEST(KeyAgreementGroupTest, RejectsInvalidPoints) {
    auto group = crypto::KeyAgreementGroup::standardized(13);
    Bytes valid = group->generateKeyPair(crypto::systemRandom()).publicKey;
    group->checkPublicKey(valid);
    Bytes badX = valid;
    badX[1] ^= 0x01;
    Bytes badY = valid;
    badY.back() ^= 0x01;
    Bytes compressed(valid.begin(), valid.begin() + 33);
    compressed[0] = static_cast<std::uint8_t>(0x02 + (valid.back() & 1));
    Bytes truncated(valid.begin(), valid.end() - 1);
    Bytes hybrid = valid;
    hybrid[0] = 0x06;
    Bytes xTooLarge = valid;
    std::fill(xTooLarge.begin() + 1, xTooLarge.begin() + 33, 0xFF);
    for (const Bytes& point : {badX, badY, compressed, truncated, hybrid, xTooLarge, Bytes{0x00},
                               Bytes{0x04}, Bytes{}}) {
        test::expectError(ErrorCode::MalformedData, [&] { group->checkPublicKey(point); });
        test::expectError(ErrorCode::MalformedData,
                          [&] { (void)group->sharedSecret(Bytes(32, 0x11), point); });
    }
}

// Conformance ISO7816_C_17 and RFC 2631 §2.1.5: 2 <= y <= p-2 and y^q = 1.
TEST(KeyAgreementGroupTest, RejectsInvalidDhValues) {
    auto v = appendixG2();
    auto group = crypto::KeyAgreementGroup::standardized(0);
    Bytes p = hexField(v.at("group"), "p");
    Bytes pMinusOne = p;
    pMinusOne.back() = static_cast<std::uint8_t>(pMinusOne.back() - 1);
    Bytes two = {0x02}; // in range, but of order not dividing q
    Bytes tooLong = concat(Bytes{0x01}, p);
    Bytes valid = hexField(v.at("mapping"), "chip_mapping_public_key");
    group->checkPublicKey(valid);
    for (const Bytes& y : {Bytes{}, Bytes{0x00}, Bytes{0x01}, two, pMinusOne, p, tooLong}) {
        test::expectError(ErrorCode::MalformedData, [&] { group->checkPublicKey(y); });
    }
}

TEST(KeyAgreementGroupTest, ExplicitStandardizedIdIsTheStandardizedGroup) {
    // AlgorithmIdentifier { standardizedDomainParameters, INTEGER 13 } (§9.5.1).
    Bytes id = algorithmIdentifier("0.4.0.127.0.7.1.2", tlv::encodeInteger(13));
    EXPECT_EQ(toHex(crypto::KeyAgreementGroup::fromDomainParameters(id)->generator()),
              toHex(crypto::KeyAgreementGroup::standardized(13)->generator()));
}

// PKCS#3 DHParameter gives no q: range checks only, and no Integrated Mapping.
TEST(KeyAgreementGroupTest, Pkcs3ParametersWorkWithoutSubgroupOrder) {
    auto groupJson = appendixG2().at("group");
    Bytes body = concat(derInteger(hexField(groupJson, "p")), derInteger(hexField(groupJson, "g")));
    Bytes id = algorithmIdentifier("1.2.840.113549.1.3.1", tlv::encode(0x30, body));
    auto group = crypto::KeyAgreementGroup::fromDomainParameters(id);
    EXPECT_EQ(group->orderSize(), 128U);
    crypto::EphemeralKeyPair key = group->generateKeyPair(crypto::systemRandom());
    group->checkPublicKey(key.publicKey);
    group->checkPublicKey(Bytes{0x02}); // no subgroup check without q
    test::expectError(ErrorCode::MalformedData, [&] { group->checkPublicKey(Bytes{0x01}); });
    test::expectError(ErrorCode::NotSupported,
                      [&] { (void)group->mapIntegrated(Bytes(144, 0x5A)); });
}

// §9.2.2: weak or inconsistent explicit parameters are refused.
TEST(KeyAgreementGroupTest, RejectsUnsoundExplicitParameters) {
    auto groupJson = appendixG2().at("group");
    Bytes p = hexField(groupJson, "p");
    Bytes g = hexField(groupJson, "g");
    Bytes q = hexField(groupJson, "q");
    Bytes qPlusTwo = q;
    qPlusTwo.back() = static_cast<std::uint8_t>(qPlusTwo.back() + 2);
    Bytes smallP(p.begin() + 64, p.end()); // 512 bits, not even prime
    Bytes ecParameters = explicitBrainpoolP256r1();
    Bytes badCurve = ecParameters;
    badCurve[badCurve.size() / 2] ^= 0x01; // somewhere in the curve or base point
    for (const Bytes& id : {x942Parameters(p, g, qPlusTwo), x942Parameters(p, Bytes{0x02}, q),
                            x942Parameters(smallP, g, q), x942Parameters(p, Bytes{0x01}, q),
                            algorithmIdentifier("1.2.840.10045.2.1", badCurve),
                            algorithmIdentifier("1.2.840.10045.2.1", {})}) {
        test::expectError(ErrorCode::MalformedData,
                          [&] { (void)crypto::KeyAgreementGroup::fromDomainParameters(id); });
    }
    test::expectError(ErrorCode::NotSupported, [&] {
        (void)crypto::KeyAgreementGroup::fromDomainParameters(
            algorithmIdentifier("1.2.840.113549.1.1.1", fromHex("0500"))); // rsaEncryption
    });
    test::expectError(ErrorCode::MalformedData, [&] {
        (void)crypto::KeyAgreementGroup::fromDomainParameters(fromHex("3003"));
    });
}

TEST(KeyAgreementGroupTest, KeyPairHoldsThePublicKeyOfItsPrivateKey) {
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = crypto::KeyAgreementGroup::standardized(row.id);
        crypto::EphemeralKeyPair key = group->generateKeyPair(crypto::systemRandom());
        EXPECT_EQ(toHex(group->publicKeyOf(key.privateKey)), toHex(key.publicKey));
    }
}

// RFC 5480 §2.2, SEC 1 §2.3.4: a stored static key may be compressed or hybrid; imported, it is
// the uncompressed point that the other operations take.
TEST(KeyAgreementGroupTest, ImportsEveryPointFormOfAStaticKey) {
    auto group = crypto::KeyAgreementGroup::standardized(13);
    Bytes uncompressed = group->generateKeyPair(crypto::systemRandom()).publicKey;
    auto yIsOdd = static_cast<std::uint8_t>(uncompressed.back() & 1);
    Bytes compressed(uncompressed.begin(), uncompressed.begin() + 33);
    compressed[0] = static_cast<std::uint8_t>(0x02 + yIsOdd);
    Bytes hybrid = uncompressed;
    hybrid[0] = static_cast<std::uint8_t>(0x06 + yIsOdd);
    for (const Bytes& stored : {uncompressed, compressed, hybrid}) {
        EXPECT_EQ(toHex(group->importPublicKey(stored)), toHex(uncompressed));
    }
    Bytes offCurve = uncompressed;
    offCurve.back() ^= 0x01;
    for (const Bytes& stored : {offCurve, Bytes{0x00}, Bytes{}}) {
        test::expectError(ErrorCode::MalformedData, [&] { (void)group->importPublicKey(stored); });
    }
}

// RFC 3279 §2.3.3: a stored DH value is an INTEGER, whose value may start with a sign octet.
TEST(KeyAgreementGroupTest, ImportsADhValueWithoutItsLeadingZeros) {
    auto a = test::vectors("ca.json").at("A_bsi_worked_example_dh");
    auto group = crypto::KeyAgreementGroup::standardized(0); // the example's RFC 5114 group
    Bytes y = hexField(a, "chip_static_public_key");
    EXPECT_EQ(toHex(group->importPublicKey(concat(Bytes{0x00}, y))), toHex(y));
    test::expectError(ErrorCode::MalformedData, [&] {
        (void)group->importPublicKey(Bytes{0x00, 0x01});
    });
}

// BSI TR-03110-3 Appendix A.2: Comp(PK) is the x-coordinate for ECDH, SHA-1 of y for DH.
TEST(KeyAgreementGroupTest, CompressesPublicKeys) {
    auto ecdh = crypto::KeyAgreementGroup::standardized(13);
    Bytes point = ecdh->generateKeyPair(crypto::systemRandom()).publicKey;
    EXPECT_EQ(toHex(ecdh->compress(point)), toHex(Bytes(point.begin() + 1, point.begin() + 33)));
    auto dh = crypto::KeyAgreementGroup::standardized(0);
    Bytes y = dh->generateKeyPair(crypto::systemRandom()).publicKey;
    EXPECT_EQ(toHex(dh->compress(y)), toHex(crypto::sha1(y)));
}

// A DG14 key names its algorithm as id-ecPublicKey or id-PK-ECDH, dhpublicnumber or id-PK-DH
// (ICAO 9303-11 §9.2.6, BSI TR-03110-3 Appendix A.1.1).
TEST(KeyAgreementGroupTest, BuildsTheGroupOfAPublicKeyAlgorithm) {
    Bytes brainpoolP256r1 = crypto::encodeOidObject("1.3.36.3.3.2.8.1.1.7");
    for (const char* oid : {"1.2.840.10045.2.1", "0.4.0.127.0.7.2.2.1.2"}) {
        SCOPED_TRACE(oid);
        auto group = crypto::KeyAgreementGroup::fromAlgorithm(oid, brainpoolP256r1);
        EXPECT_EQ(group->keyAgreement(), crypto::KeyAgreementAlgorithm::Ecdh);
        EXPECT_EQ(toHex(group->generator()),
                  toHex(crypto::KeyAgreementGroup::standardized(13)->generator()));
    }

    auto groupJson = appendixG2().at("group");
    Bytes body = concat(derInteger(hexField(groupJson, "p")), derInteger(hexField(groupJson, "g")));
    append(body, derInteger(hexField(groupJson, "q")));
    auto dh = crypto::KeyAgreementGroup::fromDomainParameters(
        algorithmIdentifier("0.4.0.127.0.7.2.2.1.1", tlv::encode(0x30, body)));
    EXPECT_EQ(dh->keyAgreement(), crypto::KeyAgreementAlgorithm::Dh);
    EXPECT_EQ(dh->orderSize(), 20U);

    test::expectError(ErrorCode::NotSupported, [&] {
        (void)crypto::KeyAgreementGroup::fromAlgorithm("1.2.840.113549.1.1.1", brainpoolP256r1);
    });
    test::expectError(ErrorCode::NotSupported, [&] { // sect163k1, a binary-field curve
        (void)crypto::KeyAgreementGroup::fromAlgorithm("1.2.840.10045.2.1",
                                                       crypto::encodeOidObject("1.3.132.0.1"));
    });
    test::expectError(ErrorCode::MalformedData, [&] {
        (void)crypto::KeyAgreementGroup::fromAlgorithm("0.4.0.127.0.7.2.2.1.2", Bytes{});
    });
}

// PaceGroup over every standardized domain parameter ID of ICAO 9303-11 §9.5.1 (Table 12),
// public key validation for DH and ECDH, and explicit domain parameters (§9.2.2, §9.5.2).
#include "access/PaceGroup.h"

#include <array>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <gtest/gtest.h>

#include "access/Pace.h"
#include "access/PaceDh.h"
#include "crypto/Oid.h"
#include "sdk/access/PaceTestSupport.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::hexField;
using test::text;

namespace {

// Table 12, as the standard lists it.
struct Row {
    std::uint64_t id;
    const char* name;
    access::PaceKeyAgreement keyAgreement;
    std::size_t primeBits;
    std::size_t orderBits; ///< q for the MODP groups, n for the curves
};

const std::array<Row, 14> Table12 = {{
    {0, "1024-bit MODP, 160-bit subgroup", access::PaceKeyAgreement::Dh, 1024, 160},
    {1, "2048-bit MODP, 224-bit subgroup", access::PaceKeyAgreement::Dh, 2048, 224},
    {2, "2048-bit MODP, 256-bit subgroup", access::PaceKeyAgreement::Dh, 2048, 256},
    {8, "NIST P-192", access::PaceKeyAgreement::Ecdh, 192, 192},
    {9, "brainpoolP192r1", access::PaceKeyAgreement::Ecdh, 192, 192},
    {10, "NIST P-224", access::PaceKeyAgreement::Ecdh, 224, 224},
    {11, "brainpoolP224r1", access::PaceKeyAgreement::Ecdh, 224, 224},
    {12, "NIST P-256", access::PaceKeyAgreement::Ecdh, 256, 256},
    {13, "brainpoolP256r1", access::PaceKeyAgreement::Ecdh, 256, 256},
    {14, "brainpoolP320r1", access::PaceKeyAgreement::Ecdh, 320, 320},
    {15, "NIST P-384", access::PaceKeyAgreement::Ecdh, 384, 384},
    {16, "brainpoolP384r1", access::PaceKeyAgreement::Ecdh, 384, 384},
    {17, "brainpoolP512r1", access::PaceKeyAgreement::Ecdh, 512, 512},
    {18, "NIST P-521", access::PaceKeyAgreement::Ecdh, 521, 521},
}};

std::size_t bytesOf(std::size_t bits) {
    return (bits + 7) / 8;
}

// A DER INTEGER of a non-negative big-endian value.
Bytes derInteger(ByteView value) {
    Bytes contents;
    if (value.empty() || (value[0] & 0x80) != 0) {
        contents.push_back(0x00);
    }
    append(contents, value);
    return tlv::encode(0x02, contents);
}

Bytes algorithmIdentifier(const char* oid, ByteView parameters) {
    return tlv::encode(0x30, concat(crypto::encodeOidObject(oid), parameters));
}

Bytes x942Parameters(ByteView p, ByteView g, ByteView q) {
    Bytes body = derInteger(p);
    append(body, derInteger(g));
    append(body, derInteger(q));
    return algorithmIdentifier("1.2.840.10046.2.1", tlv::encode(0x30, body));
}

// brainpoolP256r1 spelled out as ECParameters by OpenSSL itself.
Bytes explicitBrainpoolP256r1() {
    EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_brainpoolP256r1);
    EC_GROUP_set_asn1_flag(group, OPENSSL_EC_EXPLICIT_CURVE);
    unsigned char* der = nullptr;
    int length = i2d_ECPKParameters(group, &der);
    Bytes parameters(der, der + length);
    OPENSSL_free(der);
    EC_GROUP_free(group);
    return parameters;
}

nlohmann::json appendixG2() {
    return test::vectors("icao-pace-dh-gm.json");
}

} // namespace

TEST(PaceGroupTest, KnowsEveryStandardizedDomainParameter) {
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = access::PaceGroup::standardized(row.id);
        EXPECT_EQ(group->keyAgreement(), row.keyAgreement);
        EXPECT_EQ(group->primeBits(), row.primeBits);
        EXPECT_EQ(group->orderSize(), bytesOf(row.orderBits));
        Bytes g = group->generator();
        if (row.keyAgreement == access::PaceKeyAgreement::Ecdh) {
            EXPECT_EQ(g.size(), 1 + 2 * bytesOf(row.primeBits));
        } else {
            EXPECT_EQ(g.size(), bytesOf(row.primeBits));
            auto& dh = dynamic_cast<const access::PaceDhGroup&>(*group);
            BIGNUM* q = BN_bin2bn(dh.subgroupOrder().data(),
                                  static_cast<int>(dh.subgroupOrder().size()), nullptr);
            EXPECT_EQ(static_cast<std::size_t>(BN_num_bits(q)), row.orderBits);
            BN_free(q);
        }
    }
}

TEST(PaceGroupTest, ReservedParameterIdsAreNotSupported) {
    for (std::uint64_t id : {3, 4, 5, 6, 7, 19, 31, 32, 1000}) {
        test::expectError(ErrorCode::NotSupported,
                          [&] { (void)access::PaceGroup::standardized(id); });
    }
}

// Both sides of Generic Mapping and key agreement, played with this class, meet on every group;
// public keys have their exact lengths (uncompressed points; DH values in the fewest bytes).
TEST(PaceGroupTest, GenericMappingAgreesOnEveryGroup) {
    crypto::RandomSource random = crypto::systemRandom();
    Bytes nonce = random(16);
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = access::PaceGroup::standardized(row.id);
        access::PaceKeyPair terminalMap = group->generateKeyPair(random);
        access::PaceKeyPair chipMap = group->generateKeyPair(random);
        auto terminalSide = group->mapGeneric(nonce, terminalMap.privateKey, chipMap.publicKey);
        auto chipSide = group->mapGeneric(nonce, chipMap.privateKey, terminalMap.publicKey);
        EXPECT_EQ(toHex(terminalSide->generator()), toHex(chipSide->generator()));
        EXPECT_NE(toHex(terminalSide->generator()), toHex(group->generator()));

        access::PaceKeyPair terminal = terminalSide->generateKeyPair(random);
        access::PaceKeyPair chip = chipSide->generateKeyPair(random);
        SecureBytes k = terminalSide->sharedSecret(terminal.privateKey, chip.publicKey);
        EXPECT_EQ(toHex(k), toHex(chipSide->sharedSecret(chip.privateKey, terminal.publicKey)));
        EXPECT_EQ(k.size(), bytesOf(row.primeBits));
        if (row.keyAgreement == access::PaceKeyAgreement::Ecdh) {
            EXPECT_EQ(terminal.publicKey.size(), 1 + 2 * bytesOf(row.primeBits));
        } else {
            EXPECT_LE(terminal.publicKey.size(), bytesOf(row.primeBits));
            EXPECT_NE(terminal.publicKey[0], 0x00);
        }
    }
}

TEST(PaceGroupTest, IntegratedMappingGivesAGeneratorOnEveryGroupButP224) {
    crypto::RandomSource random = crypto::systemRandom();
    for (const Row& row : Table12) {
        SCOPED_TRACE(row.name);
        auto group = access::PaceGroup::standardized(row.id);
        Bytes pseudoRandom = random(bytesOf(row.primeBits + 64));
        if (row.id == 10) { // Table 12: P-224 "cannot be used with the Integrated Mapping"
            test::expectError(ErrorCode::NotSupported,
                              [&] { (void)group->mapIntegrated(pseudoRandom); });
            continue;
        }
        auto mapped = group->mapIntegrated(pseudoRandom);
        if (row.keyAgreement == access::PaceKeyAgreement::Ecdh) {
            group->checkPublicKey(mapped->generator()); // on the curve
        } else {
            Bytes g = mapped->generator();
            std::size_t leadingZeros = 0;
            while (g[leadingZeros] == 0) {
                ++leadingZeros;
            }
            group->checkPublicKey(Bytes(g.begin() + leadingZeros, g.end())); // in the subgroup
        }
        access::PaceKeyPair a = mapped->generateKeyPair(random);
        access::PaceKeyPair b = mapped->generateKeyPair(random);
        EXPECT_EQ(toHex(mapped->sharedSecret(a.privateKey, b.publicKey)),
                  toHex(mapped->sharedSecret(b.privateKey, a.publicKey)));
    }
}

// P-521's order has 521 bits in 66 bytes: the excess bits are cleared before the range check,
// so nearly every draw is usable.
TEST(PaceGroupTest, DrawsPrivateKeysOfTheOrderBitLength) {
    auto group = access::PaceGroup::standardized(18);
    std::size_t calls = 0;
    crypto::RandomSource counting = [&calls](std::size_t count) {
        ++calls;
        return crypto::randomBytes(count);
    };
    for (int i = 0; i < 20; ++i) {
        access::PaceKeyPair key = group->generateKeyPair(counting);
        EXPECT_EQ(key.privateKey.size(), 66U);
        EXPECT_LE(key.privateKey[0], 0x01);
    }
    EXPECT_LT(calls, 40U);
}

// Conformance ISO7816_C_16: each coordinate tampered in turn, and other invalid encodings.
TEST(PaceGroupTest, RejectsInvalidPoints) {
    auto group = access::PaceGroup::standardized(13);
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
TEST(PaceGroupTest, RejectsInvalidDhValues) {
    auto v = appendixG2();
    auto group = access::PaceGroup::standardized(0);
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

TEST(PaceGroupTest, ExplicitStandardizedIdIsTheStandardizedGroup) {
    // AlgorithmIdentifier { standardizedDomainParameters, INTEGER 13 } (§9.5.1).
    Bytes id = algorithmIdentifier("0.4.0.127.0.7.1.2", tlv::encodeInteger(13));
    EXPECT_EQ(toHex(access::PaceGroup::fromDomainParameters(id)->generator()),
              toHex(access::PaceGroup::standardized(13)->generator()));
}

TEST(PaceGroupTest, ExplicitEcParametersReplayAppendixG1) {
    auto v = test::vectors("icao-pace-ecdh-gm.json");
    Bytes id = algorithmIdentifier("1.2.840.10045.2.1", explicitBrainpoolP256r1());
    auto group = access::PaceGroup::fromDomainParameters(id);
    EXPECT_EQ(group->keyAgreement(), access::PaceKeyAgreement::Ecdh);
    EXPECT_EQ(toHex(group->generator()), toHex(access::PaceGroup::standardized(13)->generator()));

    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.referenceParameterId = false;
    parameters.explicitDomainParameters = id;
    access::PaceResult result = access::performPace(
        card, parameters, access::PacePasswordType::Mrz,
        toBytes(text(v.at("password"), "mrz_information")),
        test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                            hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(result.explicitDomainParameters, id);
}

TEST(PaceGroupTest, ExplicitDhParametersReplayAppendixG2) {
    auto v = appendixG2();
    auto groupJson = v.at("group");
    Bytes id = x942Parameters(hexField(groupJson, "p"), hexField(groupJson, "g"),
                              hexField(groupJson, "q"));
    auto group = access::PaceGroup::fromDomainParameters(id);
    EXPECT_EQ(group->keyAgreement(), access::PaceKeyAgreement::Dh);
    EXPECT_EQ(toHex(group->generator()), text(groupJson, "g"));

    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.referenceParameterId = false;
    parameters.explicitDomainParameters = id;
    access::PaceResult result = access::performPace(
        card, parameters, access::PacePasswordType::Mrz,
        toBytes(text(v.at("password"), "mrz_information")),
        test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                            hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
}

// PKCS#3 DHParameter gives no q: range checks only, and no Integrated Mapping.
TEST(PaceGroupTest, Pkcs3ParametersWorkWithoutSubgroupOrder) {
    auto groupJson = appendixG2().at("group");
    Bytes body = concat(derInteger(hexField(groupJson, "p")), derInteger(hexField(groupJson, "g")));
    Bytes id = algorithmIdentifier("1.2.840.113549.1.3.1", tlv::encode(0x30, body));
    auto group = access::PaceGroup::fromDomainParameters(id);
    EXPECT_EQ(group->orderSize(), 128U);
    access::PaceKeyPair key = group->generateKeyPair(crypto::systemRandom());
    group->checkPublicKey(key.publicKey);
    group->checkPublicKey(Bytes{0x02}); // no subgroup check without q
    test::expectError(ErrorCode::MalformedData, [&] { group->checkPublicKey(Bytes{0x01}); });
    test::expectError(ErrorCode::NotSupported,
                      [&] { (void)group->mapIntegrated(Bytes(144, 0x5A)); });
}

// §9.2.2: weak or inconsistent explicit parameters are refused.
TEST(PaceGroupTest, RejectsUnsoundExplicitParameters) {
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
                          [&] { (void)access::PaceGroup::fromDomainParameters(id); });
    }
    test::expectError(ErrorCode::NotSupported, [&] {
        (void)access::PaceGroup::fromDomainParameters(
            algorithmIdentifier("1.2.840.113549.1.1.1", fromHex("0500"))); // rsaEncryption
    });
    test::expectError(ErrorCode::MalformedData,
                      [&] { (void)access::PaceGroup::fromDomainParameters(fromHex("3003")); });
}

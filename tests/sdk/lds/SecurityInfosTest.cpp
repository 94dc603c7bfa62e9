#include "lds/SecurityInfos.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "lds/CardAccess.h"
#include "lds/Dg14.h"
#include "sdk/mrz/CccdSpec.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;

namespace {

Bytes sequence(const std::vector<Bytes>& members) {
    Bytes content;
    for (const Bytes& m : members) {
        append(content, m);
    }
    return tlv::encode(0x30, content);
}

Bytes set(const std::vector<Bytes>& members) {
    Bytes content;
    for (const Bytes& m : members) {
        append(content, m);
    }
    return tlv::encode(0x31, content);
}

} // namespace

// cccd.md §1.4: the CCCD's EF.CardAccess, read from the annotated dump.
TEST(SecurityInfosTest, VietnameseCardAccess) {
    auto section = test::spec::section(test::spec::markdown("cccd.md"), "### 1.4 EF.CardAccess");
    Bytes file = test::spec::annotatedHex(test::spec::codeBlocks(section).at(0));
    ASSERT_EQ(file.size(), 54u);
    auto access = lds::CardAccess::parse(file);
    EXPECT_EQ(access.raw, file);
    const auto& infos = access.securityInfos;
    EXPECT_EQ(infos.raw, file);

    ASSERT_EQ(infos.terminalAuthenticationInfos.size(), 1u);
    EXPECT_EQ(infos.terminalAuthenticationInfos[0].protocol, "0.4.0.127.0.7.2.2.2");
    EXPECT_EQ(infos.terminalAuthenticationInfos[0].version, 1u);

    ASSERT_EQ(infos.chipAuthenticationInfos.size(), 1u);
    const auto& ca = infos.chipAuthenticationInfos[0];
    EXPECT_EQ(ca.protocol, "0.4.0.127.0.7.2.2.3.2.2");
    EXPECT_EQ(ca.keyAgreement, lds::KeyAgreement::Ecdh);
    EXPECT_EQ(ca.cipher, lds::SmCipher::Aes);
    EXPECT_EQ(ca.keyLength, 128u);
    EXPECT_EQ(ca.version, 1u);
    EXPECT_FALSE(ca.keyId);

    ASSERT_EQ(infos.paceInfos.size(), 1u);
    const auto& pace = infos.paceInfos[0];
    EXPECT_EQ(pace.protocol, "0.4.0.127.0.7.2.2.4.2.2");
    EXPECT_EQ(pace.mapping, lds::PaceMapping::Generic);
    EXPECT_EQ(pace.keyAgreement, lds::KeyAgreement::Ecdh);
    EXPECT_EQ(pace.keyLength, 128u);
    EXPECT_EQ(pace.version, 2u);
    EXPECT_EQ(pace.parameterId, 13u);
    EXPECT_EQ(lds::standardizedDomainParameterName(*pace.parameterId), "brainpoolP256r1");
    EXPECT_TRUE(infos.otherInfos.empty());
}

TEST(SecurityInfosTest, GermanCardAccessWithGenericAndChipAuthenticationMapping) {
    auto access = lds::CardAccess::parse(
        test::readFile(test::specDir() / "samples/de-real-pace-cam/EF_CardAccess.bin"));
    const auto& pace = access.securityInfos.paceInfos;
    ASSERT_EQ(pace.size(), 2u);
    EXPECT_EQ(pace[0].mapping, lds::PaceMapping::Generic);
    EXPECT_EQ(pace[1].mapping, lds::PaceMapping::ChipAuthentication);
    for (const auto& p : pace) {
        EXPECT_EQ(p.version, 2u);
        EXPECT_EQ(p.parameterId, 13u);
        EXPECT_EQ(p.cipher, lds::SmCipher::Aes);
        EXPECT_EQ(p.keyLength, 128u);
    }
}

TEST(SecurityInfosTest, BsiDg14WithExplicitCurveParameters) {
    Bytes file =
        test::readFile(test::specDir() / "samples/bsi-tr03105-5-reference-dataset/Datagroup14.bin");
    auto dg14 = lds::Dg14::parse(file);
    EXPECT_EQ(dg14.raw, file);
    const auto& infos = dg14.securityInfos;
    ASSERT_EQ(infos.chipAuthenticationPublicKeyInfos.size(), 1u);
    const auto& key = infos.chipAuthenticationPublicKeyInfos[0];
    EXPECT_EQ(key.protocol, "0.4.0.127.0.7.2.2.1.2");
    EXPECT_EQ(key.keyAgreement, lds::KeyAgreement::Ecdh);
    EXPECT_EQ(key.publicKey.algorithm, "1.2.840.10045.2.1");
    EXPECT_EQ(key.publicKey.type, lds::PublicKeyType::Ec);
    EXPECT_TRUE(key.publicKey.explicitParameters);
    EXPECT_FALSE(key.publicKey.namedCurve);
    EXPECT_EQ(key.publicKey.publicKey.size(), 57u); // 04 || X || Y on a 224-bit curve
    EXPECT_EQ(key.publicKey.publicKey[0], 0x04);
    EXPECT_FALSE(key.keyId);

    ASSERT_EQ(infos.chipAuthenticationInfos.size(), 1u);
    EXPECT_EQ(infos.chipAuthenticationInfos[0].protocol, "0.4.0.127.0.7.2.2.3.2.1");
    EXPECT_EQ(infos.chipAuthenticationInfos[0].cipher, lds::SmCipher::TripleDes);
    EXPECT_EQ(infos.chipAuthenticationInfos[0].keyLength, 112u);
    EXPECT_EQ(infos.chipAuthenticationInfos[0].version, 1u);
    ASSERT_EQ(infos.terminalAuthenticationInfos.size(), 1u);
    EXPECT_TRUE(infos.otherInfos.empty());
}

// Field case BL-22: a 3DES ChipAuthenticationInfo with keyId 1.
TEST(SecurityInfosTest, ChipAuthenticationInfoWithKeyIdFromFieldCase) {
    auto section = test::spec::section(test::spec::markdown("field-cases.md"), "### BL-22");
    std::string hex;
    for (std::string line : test::spec::lines(test::spec::codeBlocks(section).at(0))) {
        line.erase(0, line.find_first_not_of(' '));
        if (line.rfind("ChipAuthenticationInfo ", 0) == 0) {
            hex = line.substr(line.find("30 12"));
        }
    }
    ASSERT_FALSE(hex.empty());
    auto infos = lds::SecurityInfos::parse(set({fromHex(hex)}));
    ASSERT_EQ(infos.chipAuthenticationInfos.size(), 1u);
    EXPECT_EQ(infos.chipAuthenticationInfos[0].cipher, lds::SmCipher::TripleDes);
    EXPECT_EQ(infos.chipAuthenticationInfos[0].keyId, 1u);
}

TEST(SecurityInfosTest, ActiveAuthenticationAndDomainParameterInfos) {
    Bytes aa = sequence({crypto::encodeOidObject("2.23.136.1.1.5"), tlv::encodeInteger(1),
                         crypto::encodeOidObject("1.2.840.10045.4.3.2")});
    Bytes algorithm =
        sequence({crypto::encodeOidObject("0.4.0.127.0.7.1.2"), tlv::encodeInteger(13)});
    Bytes paceDomain = sequence(
        {crypto::encodeOidObject("0.4.0.127.0.7.2.2.4.2"), algorithm, tlv::encodeInteger(5)});
    Bytes caDomain = sequence(
        {crypto::encodeOidObject("0.4.0.127.0.7.2.2.3.2"), algorithm, tlv::encodeInteger(0x48)});
    auto infos = lds::SecurityInfos::parse(set({aa, paceDomain, caDomain}));
    ASSERT_EQ(infos.activeAuthenticationInfos.size(), 1u);
    EXPECT_EQ(infos.activeAuthenticationInfos[0].signatureAlgorithm, "1.2.840.10045.4.3.2");
    ASSERT_EQ(infos.paceDomainParameterInfos.size(), 1u);
    EXPECT_EQ(infos.paceDomainParameterInfos[0].domainParameter, algorithm);
    EXPECT_EQ(infos.paceDomainParameterInfos[0].parameterId, 5u);
    ASSERT_EQ(infos.chipAuthenticationDomainParameterInfos.size(), 1u);
    EXPECT_EQ(infos.chipAuthenticationDomainParameterInfos[0].keyId, 0x48u);
}

TEST(SecurityInfosTest, UnknownAndMisshapenInfosAreKeptNotFatal) {
    Bytes unknown = sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.6"), sequence({})});
    Bytes paceWithoutVersion = sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.4.2.2")});
    Bytes paceWithBadCipher =
        sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.4.2.9"), tlv::encodeInteger(2)});
    Bytes notASequence = fromHex("0401AA");
    Bytes noOid = sequence({tlv::encodeInteger(1)});
    auto infos = lds::SecurityInfos::parse(
        set({unknown, paceWithoutVersion, paceWithBadCipher, notASequence, noOid}));
    EXPECT_TRUE(infos.paceInfos.empty());
    ASSERT_EQ(infos.otherInfos.size(), 5u);
    EXPECT_EQ(infos.otherInfos[0].protocol, "0.4.0.127.0.7.2.2.6");
    EXPECT_EQ(infos.otherInfos[0].encoded, unknown);
    EXPECT_TRUE(infos.otherInfos[3].protocol.empty());
}

// A known protocol without a required element, or no protocol at all, is malformed; a protocol
// this SDK does not know is not (ICAO 9303-11 §9.2 lets readers skip those). Chip
// Authentication tells an absent ChipAuthenticationInfo from a broken one by this.
TEST(SecurityInfosTest, MalformedInfosAreToldFromUnknownOnes) {
    Bytes caWithoutVersion = sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.3.2.1")});
    Bytes keyWithoutSpki = sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.1.2")});
    Bytes undefinedKeyProtocol =
        sequence({crypto::encodeOidObject("0.4.0.127.0.7.2.2.1.3"), sequence({})});
    Bytes noOid = sequence({sequence({}), tlv::encodeInteger(1)});
    auto infos = lds::SecurityInfos::parse(
        set({caWithoutVersion, keyWithoutSpki, undefinedKeyProtocol, noOid}));
    EXPECT_TRUE(infos.chipAuthenticationInfos.empty());
    EXPECT_TRUE(infos.chipAuthenticationPublicKeyInfos.empty());
    ASSERT_EQ(infos.otherInfos.size(), 4u);
    EXPECT_TRUE(infos.otherInfos[0].malformed);
    EXPECT_EQ(infos.otherInfos[0].protocol, "0.4.0.127.0.7.2.2.3.2.1");
    EXPECT_TRUE(infos.otherInfos[1].malformed);
    EXPECT_FALSE(infos.otherInfos[2].malformed);
    EXPECT_EQ(infos.otherInfos[2].protocol, "0.4.0.127.0.7.2.2.1.3");
    EXPECT_TRUE(infos.otherInfos[3].malformed);
    EXPECT_TRUE(infos.otherInfos[3].protocol.empty());
}

TEST(SecurityInfosTest, BrokenSetThrowsMalformedData) {
    for (const char* hex : {"", "3100", "3105300306", "30020500"}) {
        Bytes bytes = fromHex(hex);
        if (std::string(hex) == "3100") {
            EXPECT_NO_THROW((void)lds::SecurityInfos::parse(bytes));
            continue;
        }
        try {
            (void)lds::CardAccess::parse(bytes);
            ADD_FAILURE() << hex;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        }
    }
    EXPECT_THROW((void)lds::Dg14::parse(fromHex("6E020500")), Error);
}

TEST(SecurityInfosTest, StandardizedDomainParameterTable) {
    EXPECT_EQ(lds::standardizedDomainParameterName(14), "brainpoolP320r1");
    EXPECT_EQ(lds::standardizedDomainParameterName(18), "secp521r1");
    EXPECT_EQ(lds::standardizedDomainParameterName(0), "MODP-1024-160");
    EXPECT_FALSE(lds::standardizedDomainParameterName(3));
    EXPECT_FALSE(lds::standardizedDomainParameterName(19));
}

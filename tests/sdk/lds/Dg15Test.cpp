#include "lds/Dg15.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;

TEST(Dg15Test, BsiSpecimenRsaKey) {
    Bytes file =
        test::readFile(test::specDir() / "samples/bsi-tr03105-5-reference-dataset/Datagroup15.bin");
    auto dg15 = lds::Dg15::parse(file);
    EXPECT_EQ(dg15.raw, file);
    const auto& key = dg15.publicKey;
    EXPECT_EQ(key.algorithm, "1.2.840.113549.1.1.1");
    EXPECT_EQ(key.type, lds::PublicKeyType::Rsa);
    EXPECT_EQ(toHex(key.parameters), "0500");
    EXPECT_EQ(key.rsaModulusBits(), 1024u);
    EXPECT_EQ(toHex(key.rsaPublicExponent), "010001");
    // The DER kept for OpenSSL is the SEQUENCE inside 6F, byte for byte.
    tlv::Tlv outer = tlv::parse(file);
    EXPECT_EQ(key.encoded, Bytes(outer.value.begin(), outer.value.end()));
}

TEST(Dg15Test, EcKeyWithNamedCurve) {
    Bytes algorithm = crypto::encodeOidObject("1.2.840.10045.2.1");
    append(algorithm, crypto::encodeOidObject("1.3.36.3.3.2.8.1.1.7")); // brainpoolP256r1
    Bytes point(65, 0x11);
    point[0] = 0x04;
    Bytes bits{0x00};
    append(bits, point);
    Bytes spki = tlv::encode(0x30, concat(tlv::encode(0x30, algorithm), tlv::encode(0x03, bits)));
    auto dg15 = lds::Dg15::parse(tlv::encode(0x6F, spki));
    EXPECT_EQ(dg15.publicKey.type, lds::PublicKeyType::Ec);
    EXPECT_EQ(dg15.publicKey.namedCurve, "1.3.36.3.3.2.8.1.1.7");
    EXPECT_FALSE(dg15.publicKey.explicitParameters);
    EXPECT_EQ(dg15.publicKey.publicKey, point);
    EXPECT_EQ(dg15.publicKey.rsaModulusBits(), 0u);
}

// Field case (cccd.md §5.2 #7): the AlgorithmIdentifier is a SEQUENCE, and one that is not
// must be reported as malformed, not misread.
TEST(Dg15Test, AlgorithmIdentifierMustBeASequence) {
    Bytes bareOid = tlv::encode(0x30, concat(crypto::encodeOidObject("1.2.840.113549.1.1.1"),
                                             tlv::encode(0x03, fromHex("00AA"))));
    for (const Bytes& bad : {tlv::encode(0x6F, bareOid), fromHex("6F00"), fromHex("6F023000"),
                             fromHex("6F81A2300D")}) {
        try {
            (void)lds::Dg15::parse(bad);
            ADD_FAILURE() << toHex(bad);
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        }
    }
}

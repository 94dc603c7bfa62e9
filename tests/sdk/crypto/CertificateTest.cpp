// Certificates from shared/spec: trust/csca-vietnam-eid.pem (P-384, named curve) and
// samples/masterlists/VN_CSCA_ePassport_Vietnam_2022.cer (brainpoolP512r1, explicit parameters).
#include "crypto/Certificate.h"

#include <cctype>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {
namespace {

Certificate eidCsca() {
    return Certificate::fromPem(
        toString(test::readFile(test::specDir() / "trust/csca-vietnam-eid.pem")));
}

Certificate passportCsca() {
    return Certificate::fromDer(
        test::readFile(test::specDir() / "samples/masterlists/VN_CSCA_ePassport_Vietnam_2022.cer"));
}

Time utc(int y, unsigned m, unsigned d, int h, int min, int s) {
    return std::chrono::sys_days{std::chrono::year{y} / m / d} + std::chrono::hours{h} +
           std::chrono::minutes{min} + std::chrono::seconds{s};
}

TEST(CertificateTest, EidCscaFieldsMatchTrustReadme) {
    Certificate csca = eidCsca();
    EXPECT_TRUE(csca.isSelfIssued());
    EXPECT_EQ(toHex(csca.serialNumber()), "043E4658E0BA6CAE891FBCC9EADFCF6C6BCBA55F");
    EXPECT_EQ(csca.notBefore(), utc(2021, 1, 19, 18, 11, 36));
    EXPECT_EQ(csca.notAfter(), utc(2046, 4, 13, 18, 11, 36));
    ASSERT_TRUE(csca.subjectKeyIdentifier());
    EXPECT_EQ(toHex(*csca.subjectKeyIdentifier()).substr(0, 8), "57AB7508");
    ASSERT_TRUE(csca.privateKeyUsagePeriod());
    EXPECT_EQ(csca.privateKeyUsagePeriod()->notAfter, utc(2026, 1, 21, 18, 11, 36));
    EXPECT_EQ(csca.publicKey().type(), PublicKey::Type::Ec);
    EXPECT_EQ(csca.publicKey().bits(), 384);
    EXPECT_NE(csca.subject().toString().find("CN=CSCA Vietnam"), std::string::npos);
}

TEST(CertificateTest, SelfSignedP384VerifiesItself) {
    Certificate csca = eidCsca();
    EXPECT_TRUE(csca.verifySignedBy(csca));
    EXPECT_TRUE(csca.isValidAt(utc(2025, 1, 1, 0, 0, 0)));
    EXPECT_FALSE(csca.isValidAt(utc(2020, 1, 1, 0, 0, 0)));
}

TEST(CertificateTest, ExplicitBrainpoolKeyVerifiesItself) {
    Certificate csca = passportCsca();
    EXPECT_EQ(csca.publicKey().type(), PublicKey::Type::Ec);
    EXPECT_EQ(csca.publicKey().bits(), 512);
    EXPECT_EQ(csca.subjectKeyIdentifier(), csca.authorityKeyIdentifier());
    EXPECT_TRUE(csca.verifySignedBy(csca));
    EXPECT_FALSE(csca.verifySignedBy(eidCsca())); // another key does not verify it
}

TEST(CertificateTest, ChangedSignatureByteDoesNotVerify) {
    Bytes der = passportCsca().der();
    der[der.size() - 5] ^= 0x01; // inside the signature value, the last field
    Certificate changed = Certificate::fromDer(der);
    EXPECT_FALSE(changed.verifySignedBy(passportCsca()));
}

// The certificate's own subject re-encoded in reverse attribute order, values upper-cased and
// padded with spaces: still the same name (nothing retyped, the attributes come from the file).
Bytes reorderedName(const DistinguishedName& name, bool changeValue) {
    Bytes rdns;
    const auto& attributes = name.attributes();
    for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
        std::string value = "  " + it->value + " ";
        for (char& c : value) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        if (changeValue && it == attributes.rbegin()) {
            value += "X";
        }
        Bytes attribute = encodeOidObject(it->type);
        append(attribute, tlv::encode(0x0C, toBytes(value))); // UTF8String
        append(rdns, tlv::encode(0x31, tlv::encode(0x30, attribute)));
    }
    return tlv::encode(0x30, rdns);
}

TEST(CertificateTest, NamesCompareIgnoringOrderCaseAndSpaces) {
    Certificate csca = passportCsca();
    EXPECT_EQ(csca.subject(), csca.issuer());
    EXPECT_EQ(DistinguishedName::fromDer(reorderedName(csca.subject(), false)), csca.subject());
    EXPECT_FALSE(DistinguishedName::fromDer(reorderedName(csca.subject(), true)) == csca.subject());
    EXPECT_FALSE(csca.subject() == eidCsca().subject());
}

TEST(CertificateTest, PemWithoutCertificateIsMalformed) {
    EXPECT_TRUE(Certificate::allFromPem("no certificate here").empty());
    try {
        (void)Certificate::fromPem(
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::MalformedData);
    }
}

TEST(CertificateTest, TruncatedAndGarbageDerAreMalformed) {
    Bytes der = passportCsca().der();
    for (std::size_t length :
         {std::size_t{0}, std::size_t{1}, std::size_t{10}, der.size() / 2, der.size() - 1}) {
        Bytes truncated(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(length));
        try {
            (void)Certificate::fromDer(truncated);
            FAIL() << "length " << length;
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::MalformedData) << "length " << length;
        }
    }
    Bytes garbage(300, 0x30);
    EXPECT_THROW((void)Certificate::fromDer(garbage), Error);
}

} // namespace
} // namespace cccd::crypto

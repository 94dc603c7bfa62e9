// The Document Signer certificate as BSI TR-03105-5.1 tests a reader: unit LDS_H, cases 48-68
// (some moved to ICAO TR RF & Protocol Testing Part 4, unit LDS_D), as
// ../shared/spec/conformance.md §2.10 (b) lists them. The PKI is CFG.DFLT.EAC's (CSCA RSA-3072,
// DS RSA-2048, RSASSA-PSS with SHA-256) with one defect in the DS certificate, EF.SOD signed
// with it; the CSCA is the only trust anchor. The certificate rules the reader applies are those
// of ICAO 9303-12 §7.1.1 and RFC 5280 §4.1 (verify/CertificateProfile.h).
#include <gtest/gtest.h>

#include "SignedDocument.h"
#include "crypto/Oid.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using verify::CertificateProfileStatus;
using verify::ParseStatus;

// The fields of tbsCertificate (RFC 5280 §4.1) and of Certificate, by position.
enum TbsField : std::size_t {
    Version,
    SerialNumber,
    Signature,
    Issuer,
    Validity,
    Subject,
    SubjectPublicKeyInfo,
};

enum CertificateField : std::size_t { TbsCertificate, SignatureAlgorithm, SignatureValue };

constexpr const char* AuthorityKeyIdentifierOid = "2.5.29.35"; // RFC 5280 §4.2.1.1

// The card signed by a default PKI whose DS certificate `change` adjusts.
Inspection inspectWithDocumentSigner(const std::function<void(emulator::CertificateSpec&)>& change,
                                     SodSigning signing = defaultSigning()) {
    return inspectSigned(signingPki("rsa3072", "rsa2048", rsaPss("sha256"), change), signing);
}

Inspection withTbsEdit(std::function<void(std::vector<Bytes>&)> edit) {
    return inspectWithDocumentSigner(
        [&edit](emulator::CertificateSpec& ds) { ds.editTbsCertificate = edit; });
}

Inspection withCertificateEdit(std::function<void(std::vector<Bytes>&)> edit) {
    return inspectWithDocumentSigner(
        [&edit](emulator::CertificateSpec& ds) { ds.editCertificate = edit; });
}

template <typename Field> void erase(std::vector<Bytes>& fields, Field field) {
    fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(field));
}

// version [0] EXPLICIT INTEGER: 0 for v1, 1 for v2, 2 for v3.
Bytes version(std::uint64_t value) {
    return tlv::encode(0xA0, tlv::encodeInteger(value));
}

Bytes time(std::uint8_t tag, std::string_view text) {
    return tlv::encode(tag, toBytes(text));
}

} // namespace

// LDS_H_48 (P4 LDS_D_27): version v2.
TEST(DocumentSignerConformance, LDS_H_48_VersionNotV3) {
    expectCertificateProfile(withTbsEdit([](std::vector<Bytes>& f) { f.at(Version) = version(1); }),
                             CertificateProfileStatus::NotVersion3);
}

// LDS_H_49 (P4 LDS_D_28): version missing, which means v1.
TEST(DocumentSignerConformance, LDS_H_49_VersionMissing) {
    expectCertificateProfile(withTbsEdit([](std::vector<Bytes>& f) { erase(f, Version); }),
                             CertificateProfileStatus::NotVersion3);
}

// LDS_H_50: no serialNumber: the certificate, and so EF.SOD, does not parse.
TEST(DocumentSignerConformance, LDS_H_50_SerialNumberMissing) {
    expectSodRejected(withTbsEdit([](std::vector<Bytes>& f) { erase(f, SerialNumber); }),
                      ParseStatus::Malformed);
}

// LDS_H_51: tbsCertificate.signature says RSASSA-PKCS1-v1_5, signatureAlgorithm RSASSA-PSS
// (with which the CSCA did sign).
TEST(DocumentSignerConformance, LDS_H_51_SignatureFieldsDiffer) {
    Inspection inspection = withTbsEdit([](std::vector<Bytes>& f) {
        f.at(Signature) = emulator::signatureAlgorithmIdentifier(rsaPkcs1("sha256"));
    });
    expectCertificateProfile(inspection, CertificateProfileStatus::SignatureAlgorithmMismatch);
    EXPECT_EQ(passiveAuthenticationOf(inspection).signer.chain, verify::ChainStatus::Trusted);
}

TEST(DocumentSignerConformance, LDS_H_52_TbsSignatureFieldMissing) {
    expectSodRejected(withTbsEdit([](std::vector<Bytes>& f) { erase(f, Signature); }),
                      ParseStatus::Malformed);
}

// LDS_H_53 (P4 LDS_D_29): the issuer DN has no countryName (ICAO 9303-12 §7.1.1). The CSCA's
// subject is the same DN, so the chain itself is built.
TEST(DocumentSignerConformance, LDS_H_53_IssuerNameNotIcao) {
    SigningPki pki =
        signingPki("rsa3072", "rsa2048", rsaPss("sha256"), {}, [](emulator::CertificateSpec& csca) {
            csca.subject = {{"O", "CCCD SDK Conformance PKI"}, {"CN", "CSCA Test without country"}};
        });
    Inspection inspection = inspectSigned(pki, defaultSigning());
    expectCertificateProfile(inspection, CertificateProfileStatus::IssuerWithoutCountry);
    EXPECT_EQ(passiveAuthenticationOf(inspection).signer.chain, verify::ChainStatus::Trusted);
}

// LDS_H_54: the DS names an issuer that is not the CSCA's subject, its authorityKeyIdentifier
// and signature being the CSCA's: no chain by name (RFC 5280 §6.1.3).
TEST(DocumentSignerConformance, LDS_H_54_IssuerNotTheCscaSubject) {
    Inspection inspection = inspectWithDocumentSigner([](emulator::CertificateSpec& ds) {
        ds.issuerName = {{"C", "VN"}, {"O", "CCCD SDK Conformance PKI"}, {"CN", "Other CSCA"}};
    });
    expectChain(inspection, verify::ChainStatus::IssuerUnknown);
    EXPECT_EQ(passiveAuthenticationOf(inspection).verdict, verify::Verdict::ValidIssuerUnknown);
}

TEST(DocumentSignerConformance, LDS_H_55_IssuerMissing) {
    expectSodRejected(withTbsEdit([](std::vector<Bytes>& f) { erase(f, Issuer); }),
                      ParseStatus::Malformed);
}

// LDS_H_56: validity in GeneralizedTime for dates before 2050 (RFC 5280 §4.1.2.5: UTCTime).
TEST(DocumentSignerConformance, LDS_H_56_ValidityInGeneralizedTime) {
    expectCertificateProfile(withTbsEdit([](std::vector<Bytes>& f) {
                                 f.at(Validity) =
                                     tlv::encode(0x30, concat({time(0x18, "20200601000000Z"),
                                                               time(0x18, "20401231235959Z")}));
                             }),
                             CertificateProfileStatus::ValidityNotUtcTime);
}

TEST(DocumentSignerConformance, LDS_H_57_ValidityMissing) {
    expectSodRejected(withTbsEdit([](std::vector<Bytes>& f) { erase(f, Validity); }),
                      ParseStatus::Malformed);
}

// LDS_H_58: subjectPublicKeyInfo's algorithm md5WithRSAEncryption, the RSA key itself kept.
TEST(DocumentSignerConformance, LDS_H_58_PublicKeyAlgorithmForbidden) {
    Inspection inspection = withTbsEdit([](std::vector<Bytes>& f) {
        std::vector<Bytes> spki = tlv::encodedChildren(f.at(SubjectPublicKeyInfo));
        Bytes md5WithRsa = crypto::encodeOidObject("1.2.840.113549.1.1.4");
        append(md5WithRsa, Bytes{0x05, 0x00});
        spki.at(0) = tlv::encode(0x30, md5WithRsa);
        f.at(SubjectPublicKeyInfo) = tlv::encode(0x30, concat(spki));
    });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    EXPECT_NE(passiveAuthenticationOf(inspection).sodParse, ParseStatus::Ok)
        << inspection.explain();
}

TEST(DocumentSignerConformance, LDS_H_59_PublicKeyMissing) {
    expectSodRejected(withTbsEdit([](std::vector<Bytes>& f) { erase(f, SubjectPublicKeyInfo); }),
                      ParseStatus::Malformed);
}

// LDS_H_60: authorityKeyIdentifier present, empty (no keyIdentifier).
TEST(DocumentSignerConformance, LDS_H_60_AuthorityKeyIdentifierWithoutKeyIdentifier) {
    Inspection inspection = inspectWithDocumentSigner([](emulator::CertificateSpec& ds) {
        ds.editExtensions = [](std::vector<Bytes>& extensions) {
            for (Bytes& extension : extensions) {
                if (crypto::readOid(tlv::children(tlv::parse(extension)).at(0)) ==
                    AuthorityKeyIdentifierOid) {
                    Bytes empty = crypto::encodeOidObject(AuthorityKeyIdentifierOid);
                    append(empty, tlv::encode(0x04, tlv::encode(0x30, Bytes{})));
                    extension = tlv::encode(0x30, empty);
                }
            }
        };
    });
    expectCertificateProfile(inspection, CertificateProfileStatus::AuthorityKeyIdentifierMissing);
}

TEST(DocumentSignerConformance, LDS_H_61_AuthorityKeyIdentifierMissing) {
    expectCertificateProfile(inspectWithDocumentSigner([](emulator::CertificateSpec& ds) {
                                 ds.authorityKeyIdentifier = false;
                             }),
                             CertificateProfileStatus::AuthorityKeyIdentifierMissing);
}

TEST(DocumentSignerConformance, LDS_H_62_KeyUsageNotCritical) {
    expectCertificateProfile(inspectWithDocumentSigner([](emulator::CertificateSpec& ds) {
                                 ds.keyUsage = "digitalSignature";
                             }),
                             CertificateProfileStatus::KeyUsageNotCritical);
}

TEST(DocumentSignerConformance, LDS_H_63_KeyUsageWithoutDigitalSignature) {
    expectCertificateProfile(inspectWithDocumentSigner([](emulator::CertificateSpec& ds) {
                                 ds.keyUsage = "critical,nonRepudiation";
                             }),
                             CertificateProfileStatus::KeyUsageWithoutDigitalSignature);
}

TEST(DocumentSignerConformance, LDS_H_64_KeyUsageMissing) {
    expectCertificateProfile(
        inspectWithDocumentSigner([](emulator::CertificateSpec& ds) { ds.keyUsage.clear(); }),
        CertificateProfileStatus::KeyUsageMissing);
}

// LDS_H_65: CSCA, DS and EF.SOD all signed with md5WithRSAEncryption.
TEST(DocumentSignerConformance, LDS_H_65_Md5Everywhere) {
    SodSigning signing;
    signing.signedData.signature = rsaPkcs1("md5");
    Inspection inspection =
        inspectSigned(signingPki("rsa3072", "rsa2048", rsaPkcs1("md5")), signing);
    expectSignature(inspection, verify::SignatureStatus::UnsupportedAlgorithm);
    EXPECT_EQ(passiveAuthenticationOf(inspection).signer.chain,
              verify::ChainStatus::SignatureInvalid);
}

TEST(DocumentSignerConformance, LDS_H_66_SignatureAlgorithmMissing) {
    expectSodRejected(
        withCertificateEdit([](std::vector<Bytes>& f) { erase(f, SignatureAlgorithm); }),
        ParseStatus::Malformed);
}

// LDS_H_67 (P4 LDS_D_30): one bit of the CSCA's signature on the DS changed.
TEST(DocumentSignerConformance, LDS_H_67_SignatureValueWrong) {
    expectChain(withCertificateEdit([](std::vector<Bytes>& f) {
                    f.at(SignatureValue) = lastByteFlipped(f.at(SignatureValue));
                }),
                verify::ChainStatus::SignatureInvalid);
}

TEST(DocumentSignerConformance, LDS_H_68_SignatureValueMissing) {
    expectSodRejected(withCertificateEdit([](std::vector<Bytes>& f) { erase(f, SignatureValue); }),
                      ParseStatus::Malformed);
}

// --- Beyond the numbered cases (conformance.md §8: TR-03105-5.1 has no DS expiry test) ---

// The DS certificate expired before EF.SOD's signingTime.
TEST(DocumentSignerConformance, DocumentSignerExpiredWhenItSigned) {
    Inspection inspection = inspectWithDocumentSigner(
        [](emulator::CertificateSpec& ds) { ds.notAfter = "20210101000000Z"; });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.signer.referenceTimeSource, verify::ReferenceTimeSource::SigningTime);
    EXPECT_EQ(pa.signer.documentSignerAtSigning, verify::ValidityStatus::Expired);
    EXPECT_EQ(pa.signer.signature, verify::SignatureStatus::Valid);
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

// A DS under a CSCA of the same name with another key (a rollover the trust store does not
// have): the trusted CSCA is a candidate by name, its key does not verify, issuer unknown.
TEST(DocumentSignerConformance, DocumentSignerOfAnotherCscaKey) {
    auto sameName = [](emulator::CertificateSpec& csca) {
        csca.subject = {{"C", "VN"}, {"O", "CCCD SDK Conformance PKI"}, {"CN", "CSCA Test"}};
    };
    SigningPki trusted = signingPki("rsa3072", "rsa2048", rsaPss("sha256"), {}, sameName);
    SigningPki other = signingPki("secp384r1", "rsa2048", ecdsa("sha384"), {}, sameName);
    ConformanceCard card = buildCard("vn-basic");
    card.resign(other, defaultSigning());
    Inspection inspection = inspect(card, trusted.trustStore());
    expectChain(inspection, verify::ChainStatus::IssuerUnknown);
}

// A DS key on brainpoolP256r1 written with explicit domain parameters, as some issuers do: the
// reader verifies with them.
TEST(DocumentSignerConformance, DocumentSignerWithExplicitEcParameters) {
    SigningPki pki = signingPki(
        "secp384r1", "brainpoolP256r1", ecdsa("sha384"), [](emulator::CertificateSpec& ds) {
            ds.editTbsCertificate = [](std::vector<Bytes>& f) {
                f.at(SubjectPublicKeyInfo) =
                    emulator::subjectPublicKeyInfo(cachedKey("brainpoolP256r1"), true);
            };
        });
    SodSigning signing;
    signing.signedData.signature = ecdsa("sha256");
    expectSuccessful(inspectSigned(pki, signing));
}

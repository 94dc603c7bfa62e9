// Passive Authentication as BSI TR-03105-5.1 tests a reader, unit LDS_H (whose structure cases
// moved to ICAO TR RF & Protocol Testing Part 4, unit LDS_D), as ../shared/spec/conformance.md
// §2.10 lists them: the algorithms a reader must accept, and EF.SOD with one defect. The
// Document Signer certificate cases (LDS_H_48-68) are in DocumentSignerConformanceTest.cpp.
// Every card is the Vietnamese card with EF.SOD re-signed (conformance.md §1.5) by a PKI of the
// case's algorithms, CFG.DFLT.EAC's by default: CSCA RSA-3072, DS RSA-2048, RSASSA-PSS with
// SHA-256 everywhere. Each test asserts the check of the report that decides the verdict.
#include <gtest/gtest.h>

#include "SignedDocument.h"
#include "crypto/Oid.h"
#include "emulator/profilegen/LdsFiles.h"
#include "lds/ElementaryFile.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using verify::ParseStatus;
using verify::SignatureStatus;

// --- (a) algorithm acceptance: every case ✔ ---

struct Algorithms {
    const char* ldsHash;     ///< LDSSecurityObject hashAlgorithm
    const char* digest;      ///< SignerInfo digestAlgorithm
    SignatureSpec signature; ///< SignerInfo signatureAlgorithm
    const char* cscaKey;     ///< cachedKey() kinds
    const char* documentSignerKey;
    SignatureSpec chain; ///< the CSCA's and the Document Signer's certificate signatures
};

void expectAccepted(const Algorithms& a) {
    SodSigning signing;
    signing.hash = a.ldsHash;
    signing.signedData.digest = a.digest;
    signing.signedData.signature = a.signature;
    expectSuccessful(inspectSigned(signingPki(a.cscaKey, a.documentSignerKey, a.chain), signing));
}

constexpr const char* Rsa3072 = "rsa3072";
constexpr const char* Rsa2048 = "rsa2048";
constexpr const char* Dsa2048q256 = "dsa2"; // RFC 5114 §2.3
constexpr const char* Dsa2048q224 = "dsa1"; // RFC 5114 §2.2
constexpr const char* P256 = "prime256v1";
constexpr const char* P224 = "secp224r1";
constexpr const char* Brainpool256 = "brainpoolP256r1";
constexpr const char* P384 = "secp384r1";
constexpr const char* Brainpool384 = "brainpoolP384r1";
constexpr const char* P521 = "secp521r1";
constexpr const char* Brainpool512 = "brainpoolP512r1";

} // namespace

TEST(PassiveAuthenticationConformance, LDS_H_01_Sha1RsaPkcs1) {
    expectAccepted({"sha1", "sha1", rsaPkcs1("sha1"), Rsa3072, Rsa2048, rsaPkcs1("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_02_Sha1RsaPss) {
    expectAccepted({"sha1", "sha1", rsaPss("sha1"), Rsa3072, Rsa2048, rsaPss("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_03_Sha256RsaPssDefault) {
    expectAccepted({"sha256", "sha256", rsaPss("sha256"), Rsa3072, Rsa2048, rsaPss("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_04_Sha224RsaPkcs1) {
    expectAccepted({"sha224", "sha224", rsaPkcs1("sha224"), Rsa3072, Rsa2048, rsaPkcs1("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_05_Sha256RsaPkcs1) {
    expectAccepted({"sha256", "sha256", rsaPkcs1("sha256"), Rsa3072, Rsa2048, rsaPkcs1("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_06_Sha384RsaPkcs1) {
    expectAccepted({"sha384", "sha384", rsaPkcs1("sha384"), Rsa3072, Rsa2048, rsaPkcs1("sha384")});
}

TEST(PassiveAuthenticationConformance, LDS_H_07_Sha512RsaPkcs1) {
    expectAccepted({"sha512", "sha512", rsaPkcs1("sha512"), Rsa3072, Rsa2048, rsaPkcs1("sha512")});
}

// DSA on the 2048-bit groups of RFC 5114 (§2.3 for the CSCA, §2.2 for the DS) instead of
// 3072/2048: generating DSA parameters of the test plan's size takes minutes.
TEST(PassiveAuthenticationConformance, LDS_H_08_Sha1Dsa) {
    expectAccepted({"sha1", "sha1", dsa("sha1"), Dsa2048q256, Dsa2048q224, dsa("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_09_Sha1Ecdsa) {
    expectAccepted({"sha1", "sha1", ecdsa("sha1"), P256, P224, ecdsa("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_10_Sha1EcdsaPlain) {
    expectAccepted({"sha1", "sha1", ecdsaPlain("sha1"), P256, P224, ecdsaPlain("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_11_Sha224EcdsaPlain) {
    expectAccepted({"sha224", "sha224", ecdsaPlain("sha224"), P256, P224, ecdsaPlain("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_12_Sha256EcdsaPlain) {
    expectAccepted(
        {"sha256", "sha256", ecdsaPlain("sha256"), P256, Brainpool256, ecdsaPlain("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_13_Sha384EcdsaPlain) {
    expectAccepted(
        {"sha384", "sha384", ecdsaPlain("sha384"), P384, Brainpool384, ecdsaPlain("sha384")});
}

TEST(PassiveAuthenticationConformance, LDS_H_14_Sha512EcdsaPlain) {
    expectAccepted(
        {"sha512", "sha512", ecdsaPlain("sha512"), P521, Brainpool512, ecdsaPlain("sha512")});
}

// LDS_H_15 (optional): the DS certificate is not in EF.SOD; the reader has it from its trust
// store (conformance.md §1.4: certificates are pre-installed), next to the CSCA.
TEST(PassiveAuthenticationConformance, LDS_H_15_DocumentSignerNotInSod) {
    SodSigning signing;
    signing.signedData.signature = rsaPkcs1("sha256");
    signing.signedData.includeCertificate = false;
    const SigningPki& pki = defaultPki();
    ConformanceCard card = buildCard("vn-basic");
    card.resign(pki, signing);
    verify::TrustStore anchors = pki.trustStore();
    anchors.addCertificate(crypto::Certificate::fromDer(pki.documentSigner.der));
    Inspection inspection = inspect(card, anchors);
    expectSuccessful(inspection);
    EXPECT_EQ(passiveAuthenticationOf(inspection).signer.certificate,
              verify::SignerCertificateStatus::FoundInTrustStore);
}

TEST(PassiveAuthenticationConformance, LDS_H_70_Sha224Ecdsa) {
    expectAccepted({"sha224", "sha224", ecdsa("sha224"), P256, P224, ecdsa("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_71_Sha256Ecdsa) {
    expectAccepted({"sha256", "sha256", ecdsa("sha256"), P256, Brainpool256, ecdsa("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_72_Sha384Ecdsa) {
    expectAccepted({"sha384", "sha384", ecdsa("sha384"), P384, Brainpool384, ecdsa("sha384")});
}

TEST(PassiveAuthenticationConformance, LDS_H_73_Sha512Ecdsa) {
    expectAccepted({"sha512", "sha512", ecdsa("sha512"), P521, Brainpool512, ecdsa("sha512")});
}

TEST(PassiveAuthenticationConformance, LDS_H_74_Sha224HashesSha256Signature) {
    expectAccepted({"sha224", "sha256", rsaPss("sha256"), Rsa3072, Rsa2048, rsaPss("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_75_Sha224DigestRsaPssSha256) {
    expectAccepted({"sha224", "sha224", rsaPss("sha256"), Rsa3072, Rsa2048, rsaPss("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_76_EcCscaRsaDocumentSigner) {
    expectAccepted({"sha224", "sha224", rsaPkcs1("sha256"), P256, Rsa2048, ecdsa("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_77_ChainRsaPssSha224) {
    expectAccepted({"sha256", "sha256", rsaPss("sha256"), Rsa3072, Rsa2048, rsaPss("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_78_ChainRsaPkcs1Sha256) {
    expectAccepted({"sha256", "sha256", rsaPss("sha256"), Rsa3072, Rsa2048, rsaPkcs1("sha256")});
}

// LDS_H_79-83: SignerInfo.signatureAlgorithm is rsaEncryption, the hash is digestAlgorithm's.
// The certificates name their algorithm in full: a certificate has no digestAlgorithm to take
// the hash from.
TEST(PassiveAuthenticationConformance, LDS_H_79_RsaEncryptionOidSha1) {
    expectAccepted({"sha1", "sha1", rsaEncryption("sha1"), Rsa3072, Rsa2048, rsaPkcs1("sha1")});
}

TEST(PassiveAuthenticationConformance, LDS_H_80_RsaEncryptionOidSha224) {
    expectAccepted(
        {"sha224", "sha224", rsaEncryption("sha224"), Rsa3072, Rsa2048, rsaPkcs1("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_81_RsaEncryptionOidSha256) {
    expectAccepted(
        {"sha256", "sha256", rsaEncryption("sha256"), Rsa3072, Rsa2048, rsaPkcs1("sha256")});
}

TEST(PassiveAuthenticationConformance, LDS_H_82_RsaEncryptionOidSha384) {
    expectAccepted(
        {"sha384", "sha384", rsaEncryption("sha384"), Rsa3072, Rsa2048, rsaPkcs1("sha384")});
}

TEST(PassiveAuthenticationConformance, LDS_H_83_RsaEncryptionOidSha512) {
    expectAccepted(
        {"sha512", "sha512", rsaEncryption("sha512"), Rsa3072, Rsa2048, rsaPkcs1("sha512")});
}

TEST(PassiveAuthenticationConformance, LDS_H_94_Sha224RsaPss) {
    expectAccepted({"sha224", "sha224", rsaPss("sha224"), Rsa3072, Rsa2048, rsaPss("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_95_Sha384RsaPss) {
    expectAccepted({"sha384", "sha384", rsaPss("sha384"), Rsa3072, Rsa2048, rsaPss("sha384")});
}

TEST(PassiveAuthenticationConformance, LDS_H_96_Sha512RsaPss) {
    expectAccepted({"sha512", "sha512", rsaPss("sha512"), Rsa3072, Rsa2048, rsaPss("sha512")});
}

TEST(PassiveAuthenticationConformance, LDS_H_97_Sha224Dsa) {
    expectAccepted({"sha224", "sha224", dsa("sha224"), Dsa2048q256, Dsa2048q224, dsa("sha224")});
}

TEST(PassiveAuthenticationConformance, LDS_H_98_Sha256Dsa) {
    expectAccepted({"sha256", "sha256", dsa("sha256"), Dsa2048q256, Dsa2048q224, dsa("sha256")});
}

// --- (b) EF.SOD with one defect, signed by the default PKI ---

namespace {

constexpr const char* Md5 = "md5";
const std::string Md5Oid = "1.2.840.113549.2.5";
const std::string Sha256Oid = "2.16.840.1.101.3.4.2.1";
constexpr const char* IdData = "1.2.840.113549.1.7.1"; // RFC 5652 §4

Inspection inspectDefault(const std::function<void(SodSigning&)>& change,
                          const std::function<void(ConformanceCard&)>& changeCard = {}) {
    SodSigning signing = defaultSigning();
    change(signing);
    return inspectSigned(defaultPki(), signing, changeCard);
}

Bytes algorithmIdentifier(const std::string& oid) {
    return tlv::encode(0x30, crypto::encodeOidObject(oid));
}

void editSignedData(SodSigning& s, std::function<void(std::vector<Bytes>&)> edit) {
    s.signedData.editSignedData = std::move(edit);
}

void editSignerInfo(SodSigning& s, std::function<void(std::vector<Bytes>&)> edit) {
    s.signedData.editSignerInfo = std::move(edit);
}

template <typename Field> void erase(std::vector<Bytes>& fields, Field field) {
    fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(field));
}

// EF.SOD's length octets (77 82 HH LL for a file of 256 bytes or more) changed by delta.
void changeSodLength(Bytes& sod, int delta) {
    ASSERT_EQ(sod.at(1), 0x82);
    auto length = static_cast<std::size_t>((sod.at(2) << 8) | sod.at(3));
    length = static_cast<std::size_t>(static_cast<long>(length) + delta);
    sod.at(2) = static_cast<std::uint8_t>(length >> 8);
    sod.at(3) = static_cast<std::uint8_t>(length & 0xFF);
}

} // namespace

// LDS_H_17 (P4 LDS_D_02): tag 78 for 77.
TEST(PassiveAuthenticationConformance, LDS_H_17_SodTagWrong) {
    expectSodRejected(
        inspectDefault([](SodSigning& s) { s.editFile = [](Bytes& sod) { sod.at(0) = 0x78; }; }),
        ParseStatus::Malformed);
}

// LDS_H_18 (P4 LDS_D_03): the length of 77 one too small. The reader reads by that length and
// the SignedData inside is cut short.
TEST(PassiveAuthenticationConformance, LDS_H_18_SodLengthTooSmall) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editFile = [](Bytes& sod) { changeSodLength(sod, -1); };
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_19 (P4 LDS_D_04): the length of 77 one too big: the file ends before its header says,
// and the read stops there with a typed error.
TEST(PassiveAuthenticationConformance, LDS_H_19_SodLengthTooBig) {
    Inspection inspection = inspectDefault(
        [](SodSigning& s) { s.editFile = [](Bytes& sod) { changeSodLength(sod, +1); }; });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

// LDS_H_20 (P4 LDS_D_05): SignedData version 4 (ICAO 9303-10 §4.6.2.2 wants 3).
TEST(PassiveAuthenticationConformance, LDS_H_20_SignedDataVersionWrong) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignedData(s, [](std::vector<Bytes>& f) {
                              f.at(emulator::SignedDataVersion) = tlv::encodeInteger(4);
                          });
                      }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_21_SignedDataVersionMissing) {
    expectSodRejected(
        inspectDefault([](SodSigning& s) {
            editSignedData(s, [](std::vector<Bytes>& f) { erase(f, emulator::SignedDataVersion); });
        }),
        ParseStatus::Malformed);
}

// LDS_H_22 (P4 LDS_D_07): digestAlgorithms holds MD5, alone or next to SHA-256; the SignerInfo
// itself uses SHA-256.
TEST(PassiveAuthenticationConformance, LDS_H_22_DigestAlgorithmsContainMd5) {
    for (const Bytes& set : {tlv::encode(0x31, algorithmIdentifier(Md5Oid)),
                             tlv::encode(0x31, concat({algorithmIdentifier(Sha256Oid),
                                                       algorithmIdentifier(Md5Oid)}))}) {
        SCOPED_TRACE(toHex(set));
        expectSodRejected(inspectDefault([&set](SodSigning& s) {
                              editSignedData(s, [&set](std::vector<Bytes>& f) {
                                  f.at(emulator::SignedDataDigestAlgorithms) = set;
                              });
                          }),
                          ParseStatus::Unsupported);
    }
}

TEST(PassiveAuthenticationConformance, LDS_H_23_DigestAlgorithmsMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignedData(s, [](std::vector<Bytes>& f) {
                              erase(f, emulator::SignedDataDigestAlgorithms);
                          });
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_24 (P4 LDS_D_09): eContentType id-data, in the SignedData and in the signed contentType
// attribute alike, so that only the type is wrong.
TEST(PassiveAuthenticationConformance, LDS_H_24_EContentTypeWrong) {
    expectSodRejected(inspectDefault([](SodSigning& s) { s.eContentType = IdData; }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_25_EContentTypeMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignedData(s, [](std::vector<Bytes>& f) {
                              Bytes& info = f.at(emulator::SignedDataEncapsulatedContent);
                              std::vector<Bytes> parts = tlv::encodedChildren(info);
                              info = tlv::encode(0x30, parts.at(1)); // [0] eContent only
                          });
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_26 (P4 LDS_D_11): SignerInfo version 2 with issuerAndSerialNumber (RFC 5652 §5.3: 1).
TEST(PassiveAuthenticationConformance, LDS_H_26_SignerInfoVersionWrong) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignerInfo(s, [](std::vector<Bytes>& f) {
                              f.at(emulator::SignerInfoVersion) = tlv::encodeInteger(2);
                          });
                      }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_27_SignerInfoVersionMissing) {
    expectSodRejected(
        inspectDefault([](SodSigning& s) {
            editSignerInfo(s, [](std::vector<Bytes>& f) { erase(f, emulator::SignerInfoVersion); });
        }),
        ParseStatus::Malformed);
}

// LDS_H_28 (P4 LDS_D_13): version 1, issuerAndSerialNumber with another serial number: no
// certificate of EF.SOD is the signer's.
TEST(PassiveAuthenticationConformance, LDS_H_28_IssuerAndSerialNumberNotTheSigners) {
    Inspection inspection = inspectDefault([](SodSigning& s) {
        editSignerInfo(s, [](std::vector<Bytes>& f) {
            std::vector<Bytes> sid = tlv::encodedChildren(f.at(emulator::SignerInfoSid));
            sid.at(1) = lastByteFlipped(sid.at(1));
            f.at(emulator::SignerInfoSid) = tlv::encode(0x30, concat(sid));
        });
    });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.signer.certificate, verify::SignerCertificateStatus::NotFound);
    EXPECT_EQ(pa.signer.signature, SignatureStatus::NotChecked);
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

// LDS_H_29 (P4 LDS_D_14): version 3, a subjectKeyIdentifier that is not the DS certificate's.
TEST(PassiveAuthenticationConformance, LDS_H_29_SubjectKeyIdentifierNotTheSigners) {
    Inspection inspection = inspectDefault([](SodSigning& s) {
        s.signedData.subjectKeyIdentifier = true;
        editSignerInfo(s, [](std::vector<Bytes>& f) {
            f.at(emulator::SignerInfoSid) = lastByteFlipped(f.at(emulator::SignerInfoSid));
        });
    });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.signer.certificate, verify::SignerCertificateStatus::NotFound);
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

// LDS_H_30 (P4 LDS_D_15): SignerInfo.digestAlgorithm MD5 (messageDigest made with it);
// digestAlgorithms keeps SHA-256 so that only the SignerInfo is at fault.
TEST(PassiveAuthenticationConformance, LDS_H_30_SignerInfoDigestAlgorithmNotAllowed) {
    expectSignature(inspectDefault([](SodSigning& s) {
                        s.signedData.digest = Md5;
                        editSignedData(s, [](std::vector<Bytes>& f) {
                            f.at(emulator::SignedDataDigestAlgorithms) =
                                tlv::encode(0x31, algorithmIdentifier(Sha256Oid));
                        });
                    }),
                    SignatureStatus::UnsupportedAlgorithm);
}

TEST(PassiveAuthenticationConformance, LDS_H_31_SignerInfoDigestAlgorithmMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignerInfo(s, [](std::vector<Bytes>& f) {
                              erase(f, emulator::SignerInfoDigestAlgorithm);
                          });
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_32 (P4 LDS_D_17): messageDigest is the hash of other content; the attributes are
// signed as they are, so the signature itself holds.
TEST(PassiveAuthenticationConformance, LDS_H_32_MessageDigestWrong) {
    expectSignature(inspectDefault([](SodSigning& s) {
                        s.signedData.editSignedAttributes = [](std::vector<Bytes>& attributes) {
                            attributes.back() = lastByteFlipped(attributes.back());
                        };
                    }),
                    SignatureStatus::MessageDigestMismatch);
}

TEST(PassiveAuthenticationConformance, LDS_H_33_MessageDigestMissing) {
    expectSignature(inspectDefault([](SodSigning& s) {
                        s.signedData.editSignedAttributes = [](std::vector<Bytes>& attributes) {
                            attributes.pop_back(); // messageDigest is the last one
                        };
                    }),
                    SignatureStatus::MessageDigestMissing);
}

// LDS_H_36: the SignerInfo signed with md5WithRSAEncryption.
TEST(PassiveAuthenticationConformance, LDS_H_36_SignatureAlgorithmMd5) {
    expectSignature(inspectDefault([](SodSigning& s) { s.signedData.signature = rsaPkcs1(Md5); }),
                    SignatureStatus::UnsupportedAlgorithm);
}

// LDS_H_37 (P4 LDS_D_19): one bit of the signature changed.
TEST(PassiveAuthenticationConformance, LDS_H_37_SignatureWrong) {
    expectSignature(inspectDefault([](SodSigning& s) {
                        editSignerInfo(s, [](std::vector<Bytes>& f) {
                            Bytes& signature = f.at(emulator::SignerInfoSignature);
                            signature = lastByteFlipped(signature);
                        });
                    }),
                    SignatureStatus::Invalid);
}

TEST(PassiveAuthenticationConformance, LDS_H_38_SignatureMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignerInfo(s, [](std::vector<Bytes>& f) {
                              erase(f, emulator::SignerInfoSignature);
                          });
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_39 (P4 LDS_D_21): LDSSecurityObject version 2 (0 and 1 are defined).
TEST(PassiveAuthenticationConformance, LDS_H_39_LdsSecurityObjectVersionWrong) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editLdsSecurityObject = [](std::vector<Bytes>& f) {
                              f.at(0) = tlv::encodeInteger(2);
                          };
                      }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_40_LdsSecurityObjectVersionMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editLdsSecurityObject = [](std::vector<Bytes>& f) {
                              f.erase(f.begin());
                          };
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_41 (P4 LDS_D_23): the data groups hashed with MD5.
TEST(PassiveAuthenticationConformance, LDS_H_41_HashAlgorithmNotAllowed) {
    expectSodRejected(inspectDefault([](SodSigning& s) { s.hash = Md5; }),
                      ParseStatus::Unsupported);
}

TEST(PassiveAuthenticationConformance, LDS_H_42_HashAlgorithmMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editLdsSecurityObject = [](std::vector<Bytes>& f) {
                              f.erase(f.begin() + 1);
                          };
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_43 (P4 LDS_D_25): DG2's hash in EF.SOD wrong, DG2 itself intact.
TEST(PassiveAuthenticationConformance, LDS_H_43_Dg2HashWrong) {
    expectHash(inspectDefault([](SodSigning& s) {
                   s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
                       Bytes& dg2 = dataGroupHashOf(hashes, 2);
                       dg2 = lastByteFlipped(dg2);
                   };
               }),
               2, verify::DgHashStatus::Mismatch);
}

// LDS_H_44 (P4 LDS_D_26): no DataGroupHash for DG1, which EF.COM lists and the reader reads.
TEST(PassiveAuthenticationConformance, LDS_H_44_Dg1HashMissing) {
    expectHash(inspectDefault([](SodSigning& s) {
                   s.editDataGroupHashes = [](std::vector<Bytes>& h) { eraseDataGroupHash(h, 1); };
               }),
               1, verify::DgHashStatus::NotInSod);
}

namespace {

Bytes dataGroupHash(std::uint64_t number, ByteView hash) {
    Bytes contents = tlv::encodeInteger(number);
    append(contents, tlv::encode(0x04, hash));
    return tlv::encode(0x30, contents);
}

bool missing(const Inspection& inspection, int dg) {
    const std::vector<int>& groups = inspection.document->missingDataGroups;
    return std::find(groups.begin(), groups.end(), dg) != groups.end();
}

} // namespace

// LDS_H_45: a hash for DG10, which the chip does not have: the signed list names a data group
// the reader cannot read (and EF.COM does not list).
TEST(PassiveAuthenticationConformance, LDS_H_45_HashForAbsentDg10) {
    Inspection inspection = inspectDefault([](SodSigning& s) {
        s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
            hashes.push_back(dataGroupHash(10, Bytes(32, 0x10)));
        };
    });
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    EXPECT_TRUE(missing(inspection, 10)) << inspection.explain();
    EXPECT_EQ(inspection.document->dataGroupListCheck(), reader::DataGroupListCheck::Differs);
}

// LDS_H_46: the DG1 entry numbered FF (255; data groups are 1 to 16).
TEST(PassiveAuthenticationConformance, LDS_H_46_DataGroupNumberFF) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
                              Bytes& dg1 = dataGroupHashOf(hashes, 1);
                              std::vector<Bytes> fields = tlv::encodedChildren(dg1);
                              fields.at(0) = tlv::encodeInteger(0xFF);
                              dg1 = tlv::encode(0x30, concat(fields));
                          };
                      }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_47_DataGroupNumberMissing) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
                              Bytes& dg2 = dataGroupHashOf(hashes, 2);
                              dg2 = tlv::encode(0x30, tlv::encodedChildren(dg2).at(1));
                          };
                      }),
                      ParseStatus::Malformed);
}

// LDS_H_69: DG2's last byte changed after signing. The failure reported is DG2's hash, not a
// DG2 that does not parse: the hash is checked over the file as read, whatever it holds.
TEST(PassiveAuthenticationConformance, LDS_H_69_HashCheckedBeforeContent) {
    ConformanceCard card = buildCard("vn-basic");
    card.resign(defaultPki(), defaultSigning());
    card.applicationFile(0x0102).back() ^= 0x01;
    Inspection inspection = inspect(card, defaultPki().trustStore());
    expectHash(inspection, 2, verify::DgHashStatus::Mismatch);
    for (const reader::ParseIssue& issue : inspection.document->parseIssues) {
        EXPECT_NE(issue.file, "DG2") << inspection.explain();
    }
}

// LDS_H_84: version 3 with issuerAndSerialNumber (RFC 5652 §5.3: 3 goes with
// subjectKeyIdentifier), the values themselves correct.
TEST(PassiveAuthenticationConformance, LDS_H_84_Version3WithIssuerAndSerialNumber) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          editSignerInfo(s, [](std::vector<Bytes>& f) {
                              f.at(emulator::SignerInfoVersion) = tlv::encodeInteger(3);
                          });
                      }),
                      ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_85_Version1WithSubjectKeyIdentifier) {
    expectSodRejected(inspectDefault([](SodSigning& s) {
                          s.signedData.subjectKeyIdentifier = true;
                          editSignerInfo(s, [](std::vector<Bytes>& f) {
                              f.at(emulator::SignerInfoVersion) = tlv::encodeInteger(1);
                          });
                      }),
                      ParseStatus::Malformed);
}

namespace {

// LDSVersionInfo ::= SEQUENCE { ldsVersion PrintableString, unicodeVersion PrintableString }.
Bytes ldsVersionInfo(std::string_view lds) {
    Bytes contents = tlv::encode(0x13, toBytes(lds));
    append(contents, tlv::encode(0x13, toBytes("040000")));
    return tlv::encode(0x30, contents);
}

std::function<void(SodSigning&)> ldsVersion(std::uint64_t version, std::optional<std::string> lds) {
    return [version, lds](SodSigning& s) {
        s.editLdsSecurityObject = [version, lds](std::vector<Bytes>& f) {
            f.at(0) = tlv::encodeInteger(version);
            if (lds) {
                f.push_back(ldsVersionInfo(*lds));
            }
        };
    };
}

} // namespace

// LDS_H_86 (P4 LDS_D_35): LDS 1.8, LDSSecurityObject version 1 with ldsVersionInfo.
TEST(PassiveAuthenticationConformance, LDS_H_86_Lds18) {
    Inspection inspection = inspectDefault(ldsVersion(1, "0108"));
    expectSuccessful(inspection);
}

TEST(PassiveAuthenticationConformance, LDS_H_87_Lds18VersionWrong) {
    expectSodRejected(inspectDefault(ldsVersion(0, "0108")), ParseStatus::Malformed);
}

TEST(PassiveAuthenticationConformance, LDS_H_88_Lds17WithVersion1) {
    expectSodRejected(inspectDefault(ldsVersion(1, std::nullopt)), ParseStatus::Malformed);
}

// LDS_H_89 (P4 LDS_D_38): a future LDS 1.9 in the same structure is read as 1.8.
TEST(PassiveAuthenticationConformance, LDS_H_89_FutureLds19) {
    expectSuccessful(inspectDefault(ldsVersion(1, "0109")));
}

namespace {

// CFG.DFLT.PACE has no DG3: the card without DG3 and EF.COM listing the others.
void withoutDg3(ConformanceCard& card) {
    auto& files = card.profile().applicationFiles;
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const emulator::ElementaryFile& f) { return f.fid == 0x0103; }),
                files.end());
    Bytes tags;
    for (std::uint8_t tag : emulator::CccdDataGroupTags) {
        bool present = std::any_of(files.begin(), files.end(), [tag](const auto& f) {
            return f.fid == 0x0100 + lds::dataGroupFromTag(tag).value_or(0);
        });
        if (present) {
            tags.push_back(tag);
        }
    }
    card.applicationFile(0x011E) = emulator::buildEfCom(tags);
}

void expectListsDiffer(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    EXPECT_EQ(inspection.document->dataGroupListCheck(), reader::DataGroupListCheck::Differs);
}

} // namespace

// LDS_H_90: EF.SOD hashes a DG3 that EF.COM does not list (and the chip does not hold).
TEST(PassiveAuthenticationConformance, LDS_H_90_SodHashesMoreThanEfCom) {
    Inspection inspection = inspectDefault(
        [](SodSigning& s) {
            s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
                hashes.push_back(dataGroupHash(3, Bytes(32, 0x03)));
            };
        },
        withoutDg3);
    expectListsDiffer(inspection);
    EXPECT_EQ(passiveAuthenticationOf(inspection).verdict, verify::Verdict::Valid);
}

// LDS_H_91: EF.SOD without DG2's hash, which EF.COM lists.
TEST(PassiveAuthenticationConformance, LDS_H_91_SodHashesFewerThanEfCom) {
    Inspection inspection = inspectDefault(
        [](SodSigning& s) {
            s.editDataGroupHashes = [](std::vector<Bytes>& h) { eraseDataGroupHash(h, 2); };
        },
        withoutDg3);
    expectListsDiffer(inspection);
    EXPECT_EQ(hashStatus(inspection, 2), verify::DgHashStatus::NotInSod);
}

// LDS_H_92: DG2's entry numbered 3: EF.SOD lists DG3 where EF.COM lists DG2.
TEST(PassiveAuthenticationConformance, LDS_H_92_SodListsAnotherDataGroup) {
    Inspection inspection = inspectDefault(
        [](SodSigning& s) {
            s.editDataGroupHashes = [](std::vector<Bytes>& hashes) {
                Bytes& dg2 = dataGroupHashOf(hashes, 2);
                dg2 = tlv::encode(0x30,
                                  concat({tlv::encodeInteger(3), tlv::encodedChildren(dg2).at(1)}));
            };
        },
        withoutDg3);
    expectListsDiffer(inspection);
    EXPECT_EQ(hashStatus(inspection, 2), verify::DgHashStatus::NotInSod);
}

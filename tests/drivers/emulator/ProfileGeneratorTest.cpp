// The profile generator: personas to signed cards. Expected values come from the shared
// specification (cccd.md, the BSI reference data set), read from the files, never retyped.

#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <gtest/gtest.h>

#include "TestTerminal.h"
#include "crypto/Hash.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/profilegen/BsiReferenceProfile.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/ProfileBuilder.h"
#include "emulator/profilegen/SodBuilder.h"
#include "emulator/profilegen/TestPki.h"
#include "mrz/CheckDigit.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

std::string cccdMd() {
    return toString(cccd::test::readFile(cccd::test::specDir() / "cccd.md"));
}

// The first ``` block after `marker`.
std::string codeBlockAfter(const std::string& text, const std::string& marker) {
    std::size_t at = text.find(marker);
    std::size_t open = text.find("```", at);
    std::size_t start = text.find('\n', open) + 1;
    return text.substr(start, text.find("```", start) - start);
}

// Hex bytes of an annotated dump: everything before "--" on each line.
Bytes annotatedHex(const std::string& block) {
    std::string hex;
    std::istringstream lines(block);
    for (std::string line; std::getline(lines, line);) {
        hex += line.substr(0, line.find("--"));
    }
    return fromHex(hex);
}

std::string firstMatch(const std::string& text, const std::string& pattern) {
    std::smatch match;
    EXPECT_TRUE(std::regex_search(text, match, std::regex(pattern))) << pattern;
    return match.size() > 1 ? match[1].str() : std::string();
}

const TestPki& pki() {
    static TestPki instance = TestPki::generate();
    return instance;
}

Persona persona(const std::string& name) {
    return loadPersona(cccd::test::sourceDir() / "drivers/emulator/personas" / (name + ".json"));
}

const CardProfile& built(const std::string& name) {
    static std::map<std::string, CardProfile> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        it = cache.emplace(name, buildPersonaProfile(persona(name), pki())).first;
    }
    return it->second;
}

const Bytes& file(const CardProfile& profile, std::uint16_t fid) {
    for (const auto& ef : profile.applicationFiles) {
        if (ef.fid == fid) {
            return ef.data;
        }
    }
    throw Error(ErrorCode::FileNotFound, "no such file in profile");
}

std::string mrzOf(const CardProfile& profile) {
    return toString(tlv::parse(tlv::parse(file(profile, 0x0101), 0x61).value, 0x5F1F).value);
}

// DG13 field number -> the field's SEQUENCE.
std::map<std::uint64_t, tlv::Tlv> dg13Fields(const Bytes& dg13) {
    tlv::Tlv sequence = tlv::parse(tlv::parse(dg13, 0x6D).value, 0x30);
    std::map<std::uint64_t, tlv::Tlv> fields;
    for (const tlv::Tlv& field : tlv::children(tlv::children(sequence).at(2))) {
        fields[tlv::decodeUnsigned(tlv::children(field).at(0).value)] = field;
    }
    return fields;
}

const std::vector<std::string> Personas{"vn-basic", "vn-long-residence", "vn-no-expiry"};

} // namespace

TEST(ProfileGeneratorTest, Dg13OfTheCanonicalHolderEqualsTheSpecVector) {
    Bytes expected = fromHex(codeBlockAfter(cccdMd(), "Invented full DG13 test vector"));
    EXPECT_EQ(toHex(file(built("vn-basic"), 0x010D)), toHex(expected));
}

TEST(ProfileGeneratorTest, MrzOfTheCanonicalHolderEqualsTheSpecExample) {
    std::string block = codeBlockAfter(cccdMd(), "| 3 | 1–30 |");
    block.erase(std::remove(block.begin(), block.end(), '\n'), block.end());
    EXPECT_EQ(mrzOf(built("vn-basic")), block);
    std::string mrzInformation = firstMatch(cccdMd(), "MRZ information \\(BAC\\).*→ `([0-9]{24})`");
    EXPECT_EQ(toString(built("vn-basic").mrzInformation.view()), mrzInformation);
    EXPECT_EQ(toString(built("vn-basic").can.view()),
              firstMatch(cccdMd(), "\\| CAN \\| `([0-9]{6})`"));
}

TEST(ProfileGeneratorTest, Dg1CheckDigitsAreValid) {
    for (const std::string& name : Personas) {
        SCOPED_TRACE(name);
        std::string mrz = mrzOf(built(name));
        ASSERT_EQ(mrz.size(), 90u);
        std::string l1 = mrz.substr(0, 30), l2 = mrz.substr(30, 30);
        EXPECT_EQ(mrz::checkDigit(l1.substr(5, 9)), l1[14]);
        EXPECT_EQ(mrz::checkDigit(l1.substr(15, 14)), l1[29]);
        EXPECT_EQ(mrz::checkDigit(l2.substr(0, 6)), l2[6]);
        EXPECT_EQ(mrz::checkDigit(l2.substr(8, 6)), l2[14]);
        EXPECT_EQ(mrz::checkDigit(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) +
                                  l2.substr(18, 11)),
                  l2[29]);
        // The BAC password is the document number, DOB and expiry with their check digits.
        EXPECT_EQ(toString(built(name).mrzInformation.view()),
                  l1.substr(5, 10) + l2.substr(0, 7) + l2.substr(8, 7));
    }
}

TEST(ProfileGeneratorTest, AtrsAreThePublishedOnes) {
    std::string text = cccdMd();
    std::string contact = firstMatch(text, "Contact ATR published in PCSC: `([0-9A-F ]+)`");
    std::string contactless =
        firstMatch(text, "Contactless pseudo-ATR published in PCSC: `([0-9A-F ]+)`");
    EXPECT_EQ(built("vn-basic").atr, fromHex(contact));
    EXPECT_EQ(built("vn-long-residence").atr, fromHex(contactless));
}

TEST(ProfileGeneratorTest, CardAccessAndEfComAreTheRealCardsOnes) {
    Bytes cardAccess = annotatedHex(codeBlockAfter(cccdMd(), "### 1.4 EF.CardAccess"));
    ASSERT_EQ(built("vn-basic").masterFiles.size(), 1u);
    EXPECT_EQ(toHex(built("vn-basic").masterFiles[0].data), toHex(cardAccess));

    tlv::Tlv com = tlv::parse(file(built("vn-basic"), 0x011E), 0x60);
    EXPECT_EQ(com.encoded.size(), 26u);
    EXPECT_EQ(toString(tlv::findChild(com, 0x5F01)->value), "0107");
    EXPECT_EQ(toHex(tlv::findChild(com, 0x5C)->value), "6175636D6F6E");
}

TEST(ProfileGeneratorTest, SodHashesEqualSha256OfTheFiles) {
    const std::map<std::uint64_t, std::uint16_t> fids{{1, 0x0101},  {2, 0x0102},  {3, 0x0103},
                                                      {13, 0x010D}, {14, 0x010E}, {15, 0x010F}};
    for (const std::string& name : Personas) {
        SCOPED_TRACE(name);
        const CardProfile& profile = built(name);
        // 77 { ContentInfo { signedData, [0] { SignedData { version 3, ..., eContent } } } }
        tlv::Tlv contentInfo = tlv::parse(tlv::parse(file(profile, 0x011D), 0x77).value, 0x30);
        auto signedData = tlv::children(tlv::children(tlv::children(contentInfo).at(1)).at(0));
        EXPECT_EQ(tlv::decodeUnsigned(signedData.at(0).value), 3u);
        auto encap = tlv::children(signedData.at(2));
        EXPECT_EQ(toHex(encap.at(0).value), "678108010101"); // 2.23.136.1.1.1
        tlv::Tlv eContent = tlv::children(encap.at(1)).at(0);
        auto lds = tlv::children(tlv::parse(eContent.value, 0x30));
        EXPECT_EQ(tlv::decodeUnsigned(lds.at(0).value), 0u);
        std::map<std::uint64_t, Bytes> hashes;
        for (const tlv::Tlv& entry : tlv::children(lds.at(2))) {
            auto parts = tlv::children(entry);
            hashes[tlv::decodeUnsigned(parts.at(0).value)] =
                Bytes(parts.at(1).value.begin(), parts.at(1).value.end());
        }
        ASSERT_EQ(hashes.size(), fids.size());
        for (const auto& [number, fid] : fids) {
            EXPECT_EQ(hashes[number], crypto::sha256(file(profile, fid))) << "DG" << number;
        }
    }
}

TEST(ProfileGeneratorTest, SodSignatureVerifiesAgainstTheCsca) {
    const CardProfile& profile = built("vn-basic");
    tlv::Tlv sod = tlv::parse(file(profile, 0x011D), 0x77);
    const unsigned char* in = sod.value.data();
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &in, static_cast<long>(sod.value.size()));
    ASSERT_NE(cms, nullptr);
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, pki().csca.get());
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), 1700000000); // 2023-11
    X509_STORE_set_purpose(store, X509_PURPOSE_ANY);
    EXPECT_EQ(CMS_verify(cms, nullptr, store, nullptr, nullptr, CMS_BINARY), 1);
    X509_STORE_free(store);
    CMS_ContentInfo_free(cms);
}

TEST(ProfileGeneratorTest, Dg14HasExplicitParametersAndDg15IsRsa2048) {
    const CardProfile& profile = built("vn-basic");
    tlv::Tlv set = tlv::parse(tlv::parse(file(profile, 0x010E), 0x6E).value, 0x31);
    auto infos = tlv::children(set);
    ASSERT_EQ(infos.size(), 4u);
    auto caKeyInfo = tlv::children(infos[3]);
    auto algorithm = tlv::children(tlv::children(caKeyInfo.at(1)).at(0));
    EXPECT_EQ(algorithm.at(1).tag, 0x30u);         // ECParameters written out, not a curve OID
    EXPECT_EQ(file(profile, 0x010E).size(), 386u); // as the real card's (cccd.md §1.5)

    tlv::Tlv spki = tlv::parse(tlv::parse(file(profile, 0x010F), 0x6F).value);
    const unsigned char* in = spki.encoded.data();
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &in, static_cast<long>(spki.encoded.size()));
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(EVP_PKEY_get_bits(key), 2048);
    EVP_PKEY_free(key);
    EXPECT_FALSE(profile.activeAuthenticationKeyPem.empty());
    EXPECT_FALSE(profile.chipAuthenticationKeyPem.empty());
}

TEST(ProfileGeneratorTest, PersonaVariantsReachTheCard) {
    auto longResidence = dg13Fields(file(built("vn-long-residence"), 0x010D));
    EXPECT_EQ(longResidence.at(9).encoded[1], 0x81);           // long-form length of the field
    EXPECT_EQ(tlv::children(longResidence.at(14)).size(), 2u); // spouse present
    EXPECT_EQ(tlv::children(longResidence.at(4)).at(1).value.size(), 4u); // "Nữ"

    const CardProfile& noExpiry = built("vn-no-expiry");
    EXPECT_EQ(mrzOf(noExpiry).substr(38, 6), "991231");
    auto fields = dg13Fields(file(noExpiry, 0x010D));
    EXPECT_EQ(toString(tlv::children(fields.at(12)).at(1).value), "Không thời hạn");
    EXPECT_EQ(fields.count(15), 0u);                    // no old ID
    EXPECT_EQ(tlv::children(fields.at(13)).size(), 2u); // one parent only
    EXPECT_FALSE(noExpiry.extendedLength);

    auto basic = dg13Fields(file(built("vn-basic"), 0x010D));
    EXPECT_EQ(toHex(basic.at(14).encoded), "300302010E"); // empty spouse
}

TEST(ProfileGeneratorTest, BsiReferenceProfileServesTheFilesVerbatim) {
    auto dir = cccd::test::specDir() / "samples/bsi-tr03105-5-reference-dataset";
    CardProfile profile = buildBsiReferenceProfile(dir);
    std::string readme = toString(cccd::test::readFile(dir / "README.md"));
    EXPECT_EQ(toString(profile.mrzInformation.view()),
              firstMatch(readme, "MRZ_information `([0-9A-Z<]{24})`"));
    EXPECT_EQ(file(profile, 0x011E), cccd::test::readFile(dir / "EF_COM.bin"));
    EXPECT_EQ(file(profile, 0x011D), cccd::test::readFile(dir / "EF_SOD.bin"));
    EXPECT_EQ(file(profile, 0x0101), cccd::test::readFile(dir / "Datagroup1.bin"));
    EXPECT_EQ(file(profile, 0x010E), cccd::test::readFile(dir / "Datagroup14.bin"));
    EXPECT_EQ(file(profile, 0x010F), cccd::test::readFile(dir / "Datagroup15.bin"));

    EmulatedCard card(profile);
    emutest::TestTerminal terminal(card, toString(profile.mrzInformation.view()));
    ASSERT_EQ(terminal.bac(), 0x9000);
    EXPECT_EQ(terminal.readFile(0x011D), file(profile, 0x011D));
    for (int missing : {0x0102, 0x0103, 0x0104}) {
        EXPECT_EQ(toHex(terminal.selectFile(static_cast<std::uint16_t>(missing))), "6A82");
    }
    EXPECT_EQ(toHex(card.transmit(fromHex("00A4000C023F00"))), "9000");
}

TEST(ProfileGeneratorTest, BuildTimeProfilesServeACompleteCard) {
    auto dir = cccd::test::binaryDir() / "profiles";
    ASSERT_TRUE(std::filesystem::exists(dir / "csca.pem"));
    for (const std::string& name : Personas) {
        SCOPED_TRACE(name);
        CardProfile profile = loadProfile(dir / (name + ".json"));
        EmulatedCard card(profile);
        EXPECT_EQ(toHex(card.transmit(fromHex("00A4000C023F00"))), "6D00");
        emutest::TestTerminal terminal(card, toString(profile.mrzInformation.view()));
        ASSERT_EQ(terminal.bac(), 0x9000);
        for (int id : {0x011E, 0x0101, 0x010D, 0x0102, 0x010E, 0x010F, 0x011D}) {
            auto fid = static_cast<std::uint16_t>(id);
            EXPECT_EQ(terminal.readFile(fid), file(profile, fid)) << std::hex << fid;
        }
        EXPECT_EQ(toHex(terminal.selectFile(0x0103)), "6982");
    }
}

// A persona's card.faults go into the profile as they are: a faulty card without code.
TEST(ProfileGeneratorTest, PersonaFaultsReachTheProfileAndTheCard) {
    Bytes text =
        cccd::test::readFile(cccd::test::sourceDir() / "drivers/emulator/personas/vn-basic.json");
    nlohmann::json doc = nlohmann::json::parse(toString(text));
    doc["card"]["faults"] = {"status-only 6A82 ins=A4 fid=0102", "chain 0 always"};
    Persona faulty = parsePersona(doc.dump());
    CardProfile profile = buildPersonaProfile(faulty, pki());
    EXPECT_EQ(profile.faults, faulty.faults);
    EXPECT_EQ(parseProfile(profileToJson(profile)).faults, faulty.faults);
    EmulatedCard card(profile);
    EXPECT_EQ(card.faults().commands.size(), 2u);

    doc["card"]["faults"] = {"truncate"};
    try {
        (void)parsePersona(doc.dump());
        FAIL() << "a bad fault was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}

// --- Certificates and SignedData of chosen algorithms and defects (issueCertificate,
// buildSignedData), as the Passive Authentication conformance tests use them; OpenSSL checks
// them independently. ---

namespace {

using Scheme = SignatureSpec::Scheme;

crypto::X509Ptr x509(const IssuedCertificate& certificate) {
    const unsigned char* in = certificate.der.data();
    return crypto::X509Ptr(d2i_X509(nullptr, &in, static_cast<long>(certificate.der.size())));
}

CertificateSpec cscaSpec(const SignatureSpec& signature) {
    CertificateSpec spec;
    spec.subject = {{"C", "VN"}, {"CN", "CSCA Generator Test"}};
    spec.certificateAuthority = true;
    spec.keyUsage = "critical,keyCertSign";
    spec.signature = signature;
    return spec;
}

CertificateSpec documentSignerSpec(const SignatureSpec& signature) {
    CertificateSpec spec;
    spec.subject = {{"C", "VN"}, {"CN", "Document Signer Generator Test"}};
    spec.signature = signature;
    return spec;
}

SignatureSpec spec(Scheme scheme, const char* digest) {
    SignatureSpec out;
    out.scheme = scheme;
    out.digest = digest;
    return out;
}

} // namespace

TEST(ProfileGeneratorTest, IssuedCertificatesVerifyWithEveryScheme) {
    struct Case {
        SignatureSpec signature;
        crypto::EvpPkeyPtr (*key)();
    };

    const Case cases[] = {
        {spec(Scheme::RsaPkcs1v15, "sha224"), [] { return generateRsaKey(2048); }},
        {spec(Scheme::RsaPss, "sha512"), [] { return generateRsaKey(2048); }},
        {spec(Scheme::Ecdsa, "sha384"), [] { return generateEcKey("brainpoolP384r1"); }},
        {spec(Scheme::Dsa, "sha256"), [] { return generateDsaKey(2); }},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.signature.digest);
        crypto::EvpPkeyPtr cscaKey = c.key();
        crypto::EvpPkeyPtr dsKey = generateEcKey("P-256");
        IssuedCertificate csca =
            issueCertificate(cscaSpec(c.signature), cscaKey.get(), nullptr, cscaKey.get());
        IssuedCertificate ds =
            issueCertificate(documentSignerSpec(c.signature), dsKey.get(), &csca, cscaKey.get());
        crypto::X509Ptr parsed = x509(ds);
        ASSERT_TRUE(parsed);
        EXPECT_EQ(X509_verify(parsed.get(), cscaKey.get()), 1);
        EXPECT_EQ(X509_verify(x509(csca).get(), cscaKey.get()), 1);
        EXPECT_EQ(X509_get_version(parsed.get()), X509_VERSION_3);
        EXPECT_FALSE(ds.subjectKeyIdentifier.empty());
    }
}

// ECDSA with r || s (BSI TR-03111 §5.2.1): twice the order's length, whatever the DER length.
TEST(ProfileGeneratorTest, PlainEcdsaSignaturesHaveTheOrderLength) {
    crypto::EvpPkeyPtr key = generateEcKey("brainpoolP512r1");
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(signMessage(key.get(), spec(Scheme::EcdsaPlain, "sha512"), Bytes{1, 2}).size(),
                  128U);
    }
    EXPECT_EQ(toHex(signatureAlgorithmIdentifier(spec(Scheme::EcdsaPlain, "sha256"))),
              "300C060A04007F00070101040103");
    EXPECT_THROW((void)signatureAlgorithmIdentifier(spec(Scheme::Dsa, "sha512")), Error);
}

TEST(ProfileGeneratorTest, CertificateEditsReachTheEncoding) {
    crypto::EvpPkeyPtr key = generateEcKey("P-256");
    CertificateSpec self = cscaSpec(spec(Scheme::Ecdsa, "sha256"));
    self.keyUsage.clear();
    self.authorityKeyIdentifier = false;
    self.editTbsCertificate = [](std::vector<Bytes>& fields) { fields.erase(fields.begin()); };
    crypto::X509Ptr parsed = x509(issueCertificate(self, key.get(), nullptr, key.get()));
    ASSERT_TRUE(parsed); // v1 with extensions is still DER OpenSSL reads
    EXPECT_EQ(X509_get_version(parsed.get()), X509_VERSION_1);
    EXPECT_LT(X509_get_ext_by_NID(parsed.get(), NID_key_usage, -1), 0);
    EXPECT_LT(X509_get_ext_by_NID(parsed.get(), NID_authority_key_identifier, -1), 0);
}

// The SignedData verifies with OpenSSL's CMS; with the signed attributes edited before signing,
// the signature still holds over what was edited.
TEST(ProfileGeneratorTest, SignedDataVerifiesWithOpenSslCms) {
    crypto::EvpPkeyPtr cscaKey = generateEcKey("P-384");
    crypto::EvpPkeyPtr dsKey = generateRsaKey(2048);
    IssuedCertificate csca = issueCertificate(cscaSpec(spec(Scheme::Ecdsa, "sha384")),
                                              cscaKey.get(), nullptr, cscaKey.get());
    IssuedCertificate ds = issueCertificate(documentSignerSpec(spec(Scheme::Ecdsa, "sha384")),
                                            dsKey.get(), &csca, cscaKey.get());
    const Bytes content = tlv::encode(0x30, tlv::encodeInteger(0));
    for (bool keyIdentifier : {false, true}) {
        SignedDataSpec signing;
        signing.signature = spec(Scheme::RsaPss, "sha256");
        signing.subjectKeyIdentifier = keyIdentifier;
        signing.signingTime = std::chrono::sys_seconds(std::chrono::seconds(1615334400));
        Bytes der = buildSignedData("2.23.136.1.1.1", content, ds, dsKey.get(), signing);
        const unsigned char* in = der.data();
        CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &in, static_cast<long>(der.size()));
        ASSERT_NE(cms, nullptr);
        EXPECT_EQ(CMS_verify(cms, nullptr, nullptr, nullptr, nullptr,
                             CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY),
                  1)
            << keyIdentifier;
        CMS_ContentInfo_free(cms);
    }
}

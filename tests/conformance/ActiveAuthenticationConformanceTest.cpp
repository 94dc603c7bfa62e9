// Active Authentication and DG15 as BSI TR-03105-5.1 tests a reader: unit ISO7816_F (whose bodies
// moved to ICAO TR RF & Protocol Testing Part 4, unit ISO7816_E) and unit LDS_I, as
// ../shared/spec/conformance.md §2.6 lists them. Each test is named after the 5.1 ID, with the
// P4 ID beside it. This reader runs Active Authentication when DG14 offers no Chip
// Authentication, so the cards are BAC cards with DG15 and without a CA key (CFG.DFLT.EACAA has
// both; on it the reader proves the chip with Chip Authentication alone). A faulty DG14 or DG15
// is changed, then EF.SOD re-hashed and re-signed.
#include <algorithm>
#include <functional>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using AaStatus = verify::ActiveAuthenticationStatus;
using AaReason = verify::ActiveAuthenticationReason;
using crypto::HashAlgorithm;

constexpr std::string_view IdAa = "2.23.136.1.1.5"; // ICAO 9303-11 §9.2.8
constexpr int Dg14Number = 14;
constexpr int Dg15Number = 15;

// RSA-1024 keeps the key generation quick; LDS_I's DG15 length 81 A1 implies such a key.
constexpr unsigned RsaBits = 1024;

emulator::ActiveAuthenticationOption rsa(const char* digest, unsigned bits = RsaBits) {
    emulator::ActiveAuthenticationOption option;
    option.keyType = emulator::ActiveAuthenticationOption::KeyType::Rsa;
    option.rsaBits = bits;
    option.digest = digest;
    return option;
}

emulator::ActiveAuthenticationOption ecdsa(std::uint64_t parameterId, const char* digest) {
    emulator::ActiveAuthenticationOption option;
    option.keyType = emulator::ActiveAuthenticationOption::KeyType::Ec;
    option.parameterId = parameterId;
    option.digest = digest;
    return option;
}

// A BAC card with DG15 and no Chip Authentication key.
ConformanceCard activeAuthenticationCard(emulator::ActiveAuthenticationOption aa) {
    return buildCard("vn-basic", [&aa](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
        p.features.chipAuthentication.reset();
        p.features.activeAuthentication = aa;
    });
}

const verify::ActiveAuthenticationResult& activeAuthenticationOf(const Inspection& inspection) {
    static const verify::ActiveAuthenticationResult none;
    if (!inspection.document || !inspection.document->readout.activeAuthentication) {
        ADD_FAILURE() << "Active Authentication did not run: " << inspection.explain();
        return none;
    }
    return *inspection.document->readout.activeAuthentication;
}

// ✔ with the chip proven by Active Authentication with this hash.
void expectSuccessfulActiveAuthentication(const Inspection& inspection, HashAlgorithm hash) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::Genuine)
        << inspection.explain();
    const verify::ActiveAuthenticationResult& aa = activeAuthenticationOf(inspection);
    EXPECT_EQ(aa.status, AaStatus::Passed) << inspection.explain();
    EXPECT_EQ(aa.hash, hash) << inspection.explain();
}

// ✘ because of Active Authentication alone: every file parses and Passive Authentication holds.
void expectFailedActiveAuthentication(const Inspection& inspection, AaStatus status,
                                      AaReason reason) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(inspection.document->parseIssues.empty()) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::PossibleClone)
        << inspection.explain();
    const verify::ActiveAuthenticationResult& aa = activeAuthenticationOf(inspection);
    EXPECT_EQ(aa.status, status) << inspection.explain();
    EXPECT_EQ(aa.reason, reason) << inspection.explain();
}

bool hasParseIssue(const Inspection& inspection, const std::string& file) {
    const auto& issues = inspection.document->parseIssues;
    return std::any_of(issues.begin(), issues.end(),
                       [&file](const reader::ParseIssue& i) { return i.file == file; });
}

// DG14's ActiveAuthenticationInfo with its signatureAlgorithm replaced; EF.SOD re-signed.
void replaceSignatureAlgorithm(ConformanceCard& card, std::string_view oid) {
    Bytes dg14 = card.applicationFile(0x0100 + Dg14Number);
    tlv::Tlv outer = tlv::parse(dg14);
    tlv::Tlv set = tlv::children(outer).at(0);
    Bytes infos;
    for (const tlv::Tlv& info : tlv::children(set)) {
        std::vector<tlv::Tlv> parts = tlv::children(info);
        if (crypto::decodeOid(parts.at(0).value) != IdAa) {
            append(infos, info.encoded);
            continue;
        }
        // ActiveAuthenticationInfo ::= SEQUENCE { protocol, version, signatureAlgorithm }.
        Bytes contents(parts.at(0).encoded.begin(), parts.at(0).encoded.end());
        append(contents, parts.at(1).encoded);
        append(contents, crypto::encodeOidObject(oid));
        append(infos, tlv::encode(0x30, contents));
    }
    card.replaceDataGroup(Dg14Number, tlv::encode(outer.tag, tlv::encode(set.tag, infos)));
}

// DG15 with its first byte and its length octets changed (tag 6F, 81 LL for a 1024-bit key).
Bytes dg15With(Bytes dg15, std::uint8_t tag, int lengthDelta) {
    dg15.at(0) = tag;
    EXPECT_EQ(dg15.at(1), 0x81) << "a DG15 of 128 to 255 bytes expected";
    dg15.at(2) = static_cast<std::uint8_t>(dg15.at(2) + lengthDelta);
    return dg15;
}

} // namespace

// --- ISO7816_F (P4 ISO7816_E): the protocol ---

// ISO7816_F_01 (P4 ISO7816_E_01): RSA, ISO/IEC 9796-2 scheme 1, SHA-1 (implicit trailer BC). Also
// with the CCCD's RSA-2048 key, whose signature needs an extended Le under secure messaging.
TEST(ActiveAuthenticationConformance, ISO7816_F_01_RsaSha1) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha1"));
    expectSuccessfulActiveAuthentication(inspect(card), HashAlgorithm::Sha1);
    ConformanceCard cccd = activeAuthenticationCard(rsa("sha1", 2048));
    expectSuccessfulActiveAuthentication(inspect(cccd), HashAlgorithm::Sha1);
}

// ISO7816_F_02 (P4 ISO7816_E_02): ECDSA, the algorithm named by DG14's
// ActiveAuthenticationInfo, on several curves and hashes.
TEST(ActiveAuthenticationConformance, ISO7816_F_02_Ecdsa) {
    struct Case {
        std::uint64_t parameterId; // ICAO 9303-11 §9.5.1
        const char* digest;
        HashAlgorithm hash;
    };

    for (const Case& c :
         {Case{10, "sha224", HashAlgorithm::Sha224}, Case{12, "sha256", HashAlgorithm::Sha256},
          Case{13, "sha256", HashAlgorithm::Sha256}, Case{16, "sha384", HashAlgorithm::Sha384},
          Case{17, "sha512", HashAlgorithm::Sha512}}) {
        SCOPED_TRACE(c.parameterId);
        ConformanceCard card = activeAuthenticationCard(ecdsa(c.parameterId, c.digest));
        Inspection inspection = inspect(card);
        expectSuccessfulActiveAuthentication(inspection, c.hash);
        EXPECT_EQ(activeAuthenticationOf(inspection).algorithm,
                  verify::ActiveAuthenticationAlgorithm::Ecdsa);
    }
}

// ISO7816_F_03 (RSA-PSS) was deleted in TR-03105-5.1 v1.5: no test.

// ISO7816_F_04 .. F_07 (P4 ISO7816_E_03 .. E_06): RSA with SHA-224, SHA-256, SHA-384 and SHA-512,
// named by the explicit trailer 'hash identifier' CC of ISO/IEC 9796-2.
TEST(ActiveAuthenticationConformance, ISO7816_F_04_RsaSha224) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha224"));
    expectSuccessfulActiveAuthentication(inspect(card), HashAlgorithm::Sha224);
}

TEST(ActiveAuthenticationConformance, ISO7816_F_05_RsaSha256) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha256"));
    expectSuccessfulActiveAuthentication(inspect(card), HashAlgorithm::Sha256);
}

TEST(ActiveAuthenticationConformance, ISO7816_F_06_RsaSha384) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha384"));
    expectSuccessfulActiveAuthentication(inspect(card), HashAlgorithm::Sha384);
}

TEST(ActiveAuthenticationConformance, ISO7816_F_07_RsaSha512) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha512"));
    expectSuccessfulActiveAuthentication(inspect(card), HashAlgorithm::Sha512);
}

// ISO7816_F_08 (P4 ISO7816_E_07): the chip signs with a wrong trailer byte: BD for BC with
// SHA-1, CD for CC with SHA-256, and BC where SHA-256 needs its explicit trailer.
TEST(ActiveAuthenticationConformance, ISO7816_F_08_WrongTrailer) {
    for (const auto& [digest, trailer] :
         {std::pair{"sha1", std::uint8_t{0xBD}}, std::pair{"sha256", std::uint8_t{0xCD}},
          std::pair{"sha256", std::uint8_t{0xBC}}}) {
        SCOPED_TRACE(std::string(digest) + " " + toHex(Bytes{trailer}));
        ConformanceCard card = activeAuthenticationCard(rsa(digest));
        std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
        chip->faults().chipAuthenticity.activeAuthenticationTrailer = trailer;
        expectFailedActiveAuthentication(inspect(chip, card.accessKey()), AaStatus::Failed,
                                         AaReason::SignatureInvalid);
    }
}

// ISO7816_F_09 (P4 ISO7816_E_08): ActiveAuthenticationInfo names a signature algorithm that is
// not ECDSA (ICAO 9303-11 §9.2.8 allows ECDSA only): an OID that is no signature algorithm at
// all, and RSA with SHA-256. The chip's ECDSA signature itself is fine; the document is not.
TEST(ActiveAuthenticationConformance, ISO7816_F_09_InvalidSignatureAlgorithmOid) {
    for (const char* oid : {"0.4.0.127.0.7.2.2.1.2", "1.2.840.113549.1.1.11"}) {
        SCOPED_TRACE(oid);
        ConformanceCard card = activeAuthenticationCard(ecdsa(12, "sha256"));
        replaceSignatureAlgorithm(card, oid);
        expectFailedActiveAuthentication(inspect(card), AaStatus::Error,
                                         AaReason::InvalidAlgorithm);
    }
}

// --- LDS_I: DG15 (CFG.DFLT.EACAA's DG15 with "RSA with SHA224") ---

// LDS_I_01: DG15 under tag 70 instead of 6F. DG15 does not parse, so no Active Authentication
// runs either.
TEST(ActiveAuthenticationConformance, LDS_I_01_Dg15TagWrong) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha224"));
    card.replaceDataGroup(Dg15Number, dg15With(card.applicationFile(0x010F), 0x70, 0));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(hasParseIssue(inspection, "DG15")) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    EXPECT_FALSE(inspection.document->readout.activeAuthentication) << inspection.explain();
}

// LDS_I_02: the length of tag 6F one too small: the reader reads one byte less than the file,
// whose SubjectPublicKeyInfo is then cut short and whose hash no longer matches EF.SOD.
TEST(ActiveAuthenticationConformance, LDS_I_02_Dg15LengthTooSmall) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha224"));
    card.replaceDataGroup(Dg15Number, dg15With(card.applicationFile(0x010F), 0x6F, -1));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(hasParseIssue(inspection, "DG15")) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Invalid)
        << inspection.explain();
}

// LDS_I_03: the length of tag 6F one too big: the file ends before its header says, and the
// reader stops the read there (Error(MalformedData)).
TEST(ActiveAuthenticationConformance, LDS_I_03_Dg15LengthTooBig) {
    ConformanceCard card = activeAuthenticationCard(rsa("sha224"));
    card.replaceDataGroup(Dg15Number, dg15With(card.applicationFile(0x010F), 0x6F, +1));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

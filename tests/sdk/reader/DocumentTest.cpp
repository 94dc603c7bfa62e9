// reader::interpret over whole card sessions with the build-time profiles: every parsed field
// against the persona the profile was generated from, and Passive Authentication against the
// test CSCA. Expected values are read from drivers/emulator/personas/*.json.
#include "reader/Document.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::readertest;
using nlohmann::json;

namespace {

std::optional<std::string> text(const json& value) {
    if (value.is_null() || value.get<std::string>().empty()) {
        return std::nullopt;
    }
    return value.get<std::string>();
}

verify::DgHashStatus hashStatus(const reader::Document& d, int dg) {
    for (const verify::DgHashResult& r : d.passiveAuthentication.dataGroups) {
        if (r.dataGroup == dg) {
            return r.status;
        }
    }
    ADD_FAILURE() << "no hash result for DG" << dg;
    return verify::DgHashStatus::NotInSod;
}

bool skipped(const reader::CardReadout& readout, int dg, const std::string& reason) {
    return std::any_of(
        readout.skipped.begin(), readout.skipped.end(),
        [&](const reader::SkippedFile& s) { return s.dataGroup == dg && s.reason == reason; });
}

reader::Document readAndInterpret(const std::string& name, reader::ReadOptions options = {}) {
    emulator::EmulatorChannel channel = cardOnReader(name);
    options.random = seededRandom(11);
    reader::CardReadout readout = reader::readCard(channel, accessKey(name), options);
    return reader::interpret(std::move(readout), trustStore());
}

// DG1 of the Vietnamese TD1 (cccd.md §2.1): document number = ID digits 4-12.
void expectDg1MatchesPersona(const lds::Dg1& dg1, const json& p) {
    const mrz::Mrz& m = dg1.mrz;
    std::string id = p["personalIdNumber"];
    EXPECT_EQ(m.format, mrz::MrzFormat::Td1);
    EXPECT_EQ(m.issuingState, "VNM");
    EXPECT_EQ(m.documentNumber, id.substr(3));
    EXPECT_EQ(m.personalIdNumber, id);
    EXPECT_EQ(m.primaryIdentifier, p["mrzSurname"]);
    EXPECT_EQ(m.secondaryIdentifier, p["mrzGivenNames"]);
    EXPECT_EQ(m.birthDate.iso, p["dateOfBirth"].get<std::string>());
    EXPECT_EQ(m.sex, p["sex"] == "M" ? mrz::Sex::Male : mrz::Sex::Female);
    if (p["dateOfExpiry"].is_null()) {
        EXPECT_TRUE(m.expiryDate.noExpiry);
    } else {
        EXPECT_EQ(m.expiryDate.iso, p["dateOfExpiry"].get<std::string>());
    }
    EXPECT_TRUE(m.allChecksValid());
}

void expectParentsMatchPersona(const lds::Dg13& dg13, const json& p) {
    std::optional<std::string> father = text(p["father"]);
    std::optional<std::string> mother = text(p["mother"]);
    if (father && mother) {
        EXPECT_EQ(dg13.fatherName(), father);
        EXPECT_EQ(dg13.motherName(), mother);
        return;
    }
    // One name alone says nothing of its role (cccd.md §3.6).
    ASSERT_EQ(dg13.parents.size(), 1u);
    EXPECT_EQ(dg13.parents[0].name, father ? *father : *mother);
}

// DG13 field by field (cccd.md §3.4; the persona keys are in drivers/emulator/README.md).
void expectDg13MatchesPersona(const lds::Dg13& dg13, const json& p) {
    EXPECT_TRUE(dg13.anomalies.empty());
    EXPECT_EQ(dg13.personalIdNumber, p["personalIdNumber"].get<std::string>());
    EXPECT_EQ(dg13.fullName, p["fullName"].get<std::string>());
    ASSERT_TRUE(dg13.birthDate);
    EXPECT_EQ(dg13.birthDate->iso, p["dateOfBirth"].get<std::string>());
    EXPECT_EQ(dg13.sex, std::string(p["sex"] == "M" ? "Nam" : "Nữ"));
    const std::pair<const char*, const std::optional<std::string>*> texts[] = {
        {"nationality", &dg13.nationality},
        {"ethnicity", &dg13.ethnicity},
        {"religion", &dg13.religion},
        {"placeOfOrigin", &dg13.placeOfOrigin},
        {"placeOfResidence", &dg13.placeOfResidence},
        {"identifyingMarks", &dg13.identifyingMarks},
    };
    for (const auto& [key, field] : texts) {
        SCOPED_TRACE(key);
        EXPECT_EQ(*field, p[key].get<std::string>());
    }
    ASSERT_TRUE(dg13.issueDate);
    EXPECT_EQ(dg13.issueDate->iso, p["dateOfIssue"].get<std::string>());
    ASSERT_TRUE(dg13.expiryDate);
    if (p["dateOfExpiry"].is_null()) {
        EXPECT_TRUE(dg13.expiryDate->saysNoExpiry());
    } else {
        EXPECT_EQ(dg13.expiryDate->iso, p["dateOfExpiry"].get<std::string>());
    }
    expectParentsMatchPersona(dg13, p);
    EXPECT_EQ(dg13.spouseName, text(p["spouse"]));
    EXPECT_EQ(dg13.oldIdNumber, text(p.value("oldIdNumber", json())));
    EXPECT_EQ(dg13.field(15) != nullptr, p.contains("oldIdNumber") && !p["oldIdNumber"].is_null());
    EXPECT_EQ(dg13.field16, p["field16"].get<std::string>());
}

void expectPersonaCardVerifies(const std::string& name) {
    reader::Document d = readAndInterpret(name);
    json p = persona(name);

    EXPECT_TRUE(d.parseIssues.empty());
    ASSERT_TRUE(d.dg1 && d.dg13 && d.dg2 && d.dg14 && d.dg15);
    expectDg1MatchesPersona(*d.dg1, p);
    expectDg13MatchesPersona(*d.dg13, p);
    EXPECT_NE(d.portrait(), nullptr);

    // DG3 is behind EAC: skipped, hashed in the SOD but not read, and no failure.
    EXPECT_TRUE(skipped(d.readout, 3, "access_denied"));
    EXPECT_EQ(d.passiveAuthentication.notRead, std::vector<int>{3});
    for (int dg : {1, 2, 13, 14, 15}) {
        SCOPED_TRACE(dg);
        EXPECT_EQ(hashStatus(d, dg), verify::DgHashStatus::Match);
    }
    EXPECT_EQ(d.passiveAuthentication.signer.chain, verify::ChainStatus::Trusted);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Valid);
    EXPECT_TRUE(d.verified());
}

} // namespace

TEST(DocumentTest, BasicPersonaMatchesAndVerifies) {
    expectPersonaCardVerifies("vn-basic");
}

TEST(DocumentTest, LongResidencePersonaMatchesAndVerifies) {
    expectPersonaCardVerifies("vn-long-residence");
}

TEST(DocumentTest, NoExpiryPersonaMatchesAndVerifies) {
    expectPersonaCardVerifies("vn-no-expiry");
}

// The BSI TR-03105-5 reference data set (its README in shared/spec/samples): DG1 and DG14 hash
// as signed, DG2-DG4 are not on the emulated card, and the HJP test CSCA is in no trust store.
// DG15 is in neither EF.COM nor the SOD, so a default read leaves it alone.
TEST(DocumentTest, BsiReferenceHashesMatchAndIssuerIsUnknown) {
    reader::Document d = readAndInterpret("bsi-reference");

    ASSERT_TRUE(d.dg1 && d.dg14);
    EXPECT_EQ(d.dg1->mrz.documentNumber, "C11T002JM");
    EXPECT_EQ(hashStatus(d, 1), verify::DgHashStatus::Match);
    EXPECT_EQ(hashStatus(d, 14), verify::DgHashStatus::Match);
    EXPECT_FALSE(d.readout.dataGroups.contains(15));
    // Its EF.COM agrees with the SOD, its TD3 MRZ ("D<<" as state) breaks no rule.
    EXPECT_TRUE(d.parseIssues.empty());
    EXPECT_TRUE(d.contentIssues.empty()) << d.contentIssues.front().reason;
    for (int dg : {2, 3, 4}) {
        SCOPED_TRACE(dg);
        EXPECT_TRUE(skipped(d.readout, dg, "not_found"));
    }
    // The SOD signature holds; the chain stops at an unknown issuer, and the HJP Document Signer
    // expired in 2014, which alone makes the verdict invalid.
    EXPECT_EQ(d.passiveAuthentication.signer.signature, verify::SignatureStatus::Valid);
    EXPECT_EQ(d.passiveAuthentication.signer.chain, verify::ChainStatus::IssuerUnknown);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Invalid);
    EXPECT_FALSE(d.verified());
}

// Its DG15 is on the card but neither in EF.COM nor in the SOD: read on request, it is reported
// as unsigned, which fails Passive Authentication.
TEST(DocumentTest, BsiReferenceDg15IsPresentButNotInSod) {
    reader::ReadOptions options;
    options.dataGroups = {1, 14, 15};
    reader::Document d = readAndInterpret("bsi-reference", options);

    ASSERT_TRUE(d.readout.dataGroups.contains(15));
    EXPECT_TRUE(d.dg15.has_value());
    EXPECT_EQ(hashStatus(d, 15), verify::DgHashStatus::NotInSod);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Invalid);
}

// A file that parses but breaks a rule of its standard (here an MRZ check digit) is shown and
// not verified; the issue names the file and the rule, without personal data.
TEST(DocumentTest, ContentIssueMakesTheDocumentUnverified) {
    reader::Document d = readAndInterpret("vn-basic");
    ASSERT_TRUE(d.verified());
    ASSERT_TRUE(d.dg1);
    d.dg1->mrz.checks.back().printed = d.dg1->mrz.checks.back().printed == '9' ? '0' : '9';
    std::vector<reader::ContentIssue> issues = reader::checkDg1(*d.dg1, d.readout.mrzKey);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].check, reader::ContentCheck::MrzCheckDigit);
    EXPECT_EQ(issues[0].reason, "MRZ: the composite check digit is wrong");
    d.contentIssues = issues;
    EXPECT_FALSE(d.verified());

    // A DG1 without a document number cannot be compared with the key: reported, not thrown.
    d.dg1->mrz.documentNumber.clear();
    issues = reader::checkDg1(*d.dg1, d.readout.mrzKey);
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [](const reader::ContentIssue& i) {
        return i.check == reader::ContentCheck::MrzAccessKey;
    }));
}

// LDS_H_43-like: one byte of DG1 differs from what the SOD signed. The read itself succeeds.
TEST(DocumentTest, CorruptedDg1FailsPassiveAuthentication) {
    emulator::EmulatorChannel channel = cardOnReader("vn-basic");
    const Bytes& dg1 = fileOf(channel.card().profile(), 0x0101);
    // A digit of the document number: '0' xor 1 is '1', so the MRZ still parses.
    tlv::Tlv mrzField = tlv::findChild(tlv::parse(dg1), 0x5F1F).value();
    std::size_t offset = static_cast<std::size_t>(mrzField.value.data() - dg1.data()) + 5;
    channel.card().corruptFile(0x0101, offset);

    reader::ReadOptions options;
    options.random = seededRandom(3);
    reader::Document d =
        reader::interpret(reader::readCard(channel, accessKey("vn-basic"), options), trustStore());

    EXPECT_TRUE(d.dg1.has_value());
    EXPECT_EQ(hashStatus(d, 1), verify::DgHashStatus::Mismatch);
    EXPECT_EQ(hashStatus(d, 13), verify::DgHashStatus::Match);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Invalid);
    EXPECT_FALSE(d.verified());
}

// TR-03105-5.1 ISO7816_C_01: a data group EF.SOD signs but the read did not bring (here taken
// away after the read, as someone between reader and card answering 6A82 would) leaves the
// document unverified even though every hash that was checked matches.
TEST(DocumentTest, WithheldSignedDataGroupIsNotVerified) {
    emulator::EmulatorChannel channel = cardOnReader("vn-basic");
    reader::ReadOptions options;
    options.random = seededRandom(11);
    reader::CardReadout readout = reader::readCard(channel, accessKey("vn-basic"), options);
    readout.dataGroups.erase(2);
    readout.skipped.push_back({2, "not_found"});

    reader::Document d = reader::interpret(std::move(readout), trustStore());
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.missingDataGroups, std::vector<int>{2});
    EXPECT_FALSE(d.verified());
}

TEST(DocumentTest, DataGroupsLeftOutOnPurposeAreNotMissing) {
    reader::ReadOptions options;
    options.dataGroups = {1, 13};
    reader::Document d = readAndInterpret("vn-basic", options);
    EXPECT_TRUE(d.missingDataGroups.empty());
    EXPECT_TRUE(d.verified());
}

TEST(DocumentTest, ReadWithNoDataGroupIsNotVerified) {
    reader::ReadOptions options;
    options.dataGroups = {3}; // behind EAC: refused
    reader::Document d = readAndInterpret("vn-basic", options);
    EXPECT_TRUE(d.readout.dataGroups.empty());
    EXPECT_FALSE(d.verified());
}

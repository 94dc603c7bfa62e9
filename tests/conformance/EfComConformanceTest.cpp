// EF.COM as BSI TR-03105-5.1 tests a reader: unit LDS_A (whose bodies moved to ICAO TR RF &
// Protocol Testing Part 4, unit LDS_A, same numbers), as ../shared/spec/conformance.md §2.7 lists
// them. The card is the Vietnamese persona vn-basic. EF.COM is not signed (EF.SOD hashes only
// the data groups), so it is changed as it is: Passive Authentication passes, and only the
// reader's own checks of EF.COM (its structure, its versions, its list against EF.SOD's) find
// the fault.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using reader::ContentCheck;

constexpr std::uint16_t FidCom = 0x011E;

// The card's data group tags (cccd.md §3.1: DG1, DG2, DG3, DG13, DG15, DG14).
const Bytes CardTags{0x61, 0x75, 0x63, 0x6D, 0x6F, 0x6E};

// EF.COM (ICAO 9303-10 §4.6.1) from its parts; an empty version is left out.
Bytes efCom(const std::string& ldsVersion, const std::string& unicodeVersion, const Bytes& tags,
            bool withTagList = true) {
    Bytes body;
    if (!ldsVersion.empty()) {
        append(body, tlv::encode(0x5F01, toBytes(ldsVersion)));
    }
    if (!unicodeVersion.empty()) {
        append(body, tlv::encode(0x5F36, toBytes(unicodeVersion)));
    }
    if (withTagList) {
        append(body, tlv::encode(0x5C, tags));
    }
    return tlv::encode(0x60, body);
}

Inspection inspectWithEfCom(Bytes file) {
    ConformanceCard card = buildCard("vn-basic");
    card.applicationFile(FidCom) = std::move(file);
    return inspect(card);
}

// ✘ with every data group read and verified: only EF.COM is at fault.
void expectOnlyEfComAtFault(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    EXPECT_TRUE(inspection.document->missingDataGroups.empty()) << inspection.explain();
    EXPECT_TRUE(inspection.document->dg1 && inspection.document->dg2) << inspection.explain();
}

void expectEfComParseIssue(const Inspection& inspection) {
    expectOnlyEfComAtFault(inspection);
    const auto& issues = inspection.document->parseIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [](const reader::ParseIssue& i) {
        return i.file == "EF.COM";
    })) << inspection.explain();
}

void expectEfComIssue(const Inspection& inspection, ContentCheck check) {
    expectOnlyEfComAtFault(inspection);
    EXPECT_TRUE(inspection.document->parseIssues.empty()) << inspection.explain();
    const auto& issues = inspection.document->contentIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [check](const reader::ContentIssue& i) {
        return i.file == "EF.COM" && i.check == check;
    })) << inspection.explain();
}

} // namespace

// The card's own EF.COM, written by these helpers: the positive control of the cases below.
TEST(EfComConformance, CardEfComIsSuccessful) {
    ConformanceCard card = buildCard("vn-basic");
    ASSERT_EQ(card.applicationFile(FidCom), efCom("0107", "040000", CardTags));
    Inspection inspection = inspect(card);
    EXPECT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
}

// LDS_A_01: EF.COM under tag 61 instead of 60. EF.COM does not parse; the data groups EF.SOD
// hashes are read all the same (EF.COM is not signed, so it cannot hold the read back).
TEST(EfComConformance, LDS_A_01_EfComTagWrong) {
    Bytes file = efCom("0107", "040000", CardTags);
    file[0] = 0x61;
    expectEfComParseIssue(inspectWithEfCom(file));
}

// LDS_A_02: the length of tag 60 one too small: the reader reads one byte less, and the tag
// list at the end is cut short.
TEST(EfComConformance, LDS_A_02_EfComLengthTooSmall) {
    Bytes file = efCom("0107", "040000", CardTags);
    --file[1];
    expectEfComParseIssue(inspectWithEfCom(file));
}

// LDS_A_03: the length of tag 60 one too big: the file ends before its header says, and the
// reader stops the read there.
TEST(EfComConformance, LDS_A_03_EfComLengthTooBig) {
    Bytes file = efCom("0107", "040000", CardTags);
    ++file[1];
    Inspection inspection = inspectWithEfCom(file);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

// LDS_A_04: LDS version "0300": not a version of LDS 1, whose structures this reader reads.
TEST(EfComConformance, LDS_A_04_LdsVersionWrong) {
    expectEfComIssue(inspectWithEfCom(efCom("0300", "040000", CardTags)), ContentCheck::LdsVersion);
}

// LDS_A_05: no LDS version (5F01).
TEST(EfComConformance, LDS_A_05_LdsVersionMissing) {
    expectEfComIssue(inspectWithEfCom(efCom("", "040000", CardTags)), ContentCheck::LdsVersion);
}

// LDS_A_06: Unicode version "050000" where ICAO 9303-10 §4.6.1 sets 4.0.0.
TEST(EfComConformance, LDS_A_06_UnicodeVersionWrong) {
    expectEfComIssue(inspectWithEfCom(efCom("0107", "050000", CardTags)), ContentCheck::LdsVersion);
}

// LDS_A_07: no Unicode version (5F36).
TEST(EfComConformance, LDS_A_07_UnicodeVersionMissing) {
    expectEfComIssue(inspectWithEfCom(efCom("0107", "", CardTags)), ContentCheck::LdsVersion);
}

// LDS_A_08: the tag list without DG1's tag 61. DG1 is read all the same, since EF.SOD hashes
// it; the unsigned list disagrees with the signed one.
TEST(EfComConformance, LDS_A_08_TagListWithoutDg1) {
    Bytes tags(CardTags.begin() + 1, CardTags.end());
    expectEfComIssue(inspectWithEfCom(efCom("0107", "040000", tags)), ContentCheck::DataGroupList);
}

// LDS_A_09: no tag list (5C): EF.COM does not parse; EF.SOD's list is read.
TEST(EfComConformance, LDS_A_09_TagListMissing) {
    expectEfComParseIssue(inspectWithEfCom(efCom("0107", "040000", {}, false)));
}

// LDS_A_10: EF.COM of LDS 1.8.
TEST(EfComConformance, LDS_A_10_LdsVersion18) {
    Inspection inspection = inspectWithEfCom(efCom("0108", "040000", CardTags));
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->efCom->ldsVersion, "1.8");
}

// EF.ATR/INFO, DG11, DG12 and DG13 as a reader meets them: BSI TR-03105-5.1 unit LDS_K
// (../shared/spec/conformance.md §2.12) and, for the data groups TR-03105-5.1 does not test
// (§2.13), cases of our own after the pattern of its LDS_B/LDS_C units: the file changed, then
// EF.SOD re-hashed and re-signed, so that only the reader's own checks find the fault. The card
// is the Vietnamese card (BAC, Chip Authentication, extended length).
#include <algorithm>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "emulator/profilegen/LdsFiles.h"
#include "lds/ElementaryFile.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

constexpr std::uint16_t FidAtrInfo = 0x2F01; // under the MF, ICAO 9303-10 §3.11.1
constexpr std::uint16_t FidCom = 0x011E;
constexpr std::uint16_t FidDg13 = 0x010D;
constexpr int Dg13Number = 13;

bool hasParseIssue(const Inspection& inspection, const std::string& file) {
    const auto& issues = inspection.document->parseIssues;
    return std::any_of(issues.begin(), issues.end(),
                       [&file](const reader::ParseIssue& i) { return i.file == file; });
}

std::optional<verify::DgHashStatus> hashStatus(const Inspection& inspection, int dg) {
    for (const verify::DgHashResult& r : inspection.document->passiveAuthentication.dataGroups) {
        if (r.dataGroup == dg) {
            return r.status;
        }
    }
    return std::nullopt;
}

// ✘ because the file does not parse, Passive Authentication holding over it.
void expectParseIssue(const Inspection& inspection, const std::string& file) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(hasParseIssue(inspection, file)) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
}

// ✔ with the file kept raw: a DG13 the Vietnamese decoder cannot read is reported, yet it does
// not fail a document whose signature holds over it (field-cases.md BL-04: DG13 is the issuer's
// own structure).
void expectUnreadableDg13(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_TRUE(hasParseIssue(inspection, "DG13")) << inspection.explain();
    for (const reader::ParseIssue& issue : inspection.document->parseIssues) {
        EXPECT_FALSE(issue.blocksVerification) << issue.file;
    }
    EXPECT_EQ(hashStatus(inspection, 13), verify::DgHashStatus::Match);
}

// --- EF.ATR/INFO ---

ConformanceCard cardWithAtrInfo(const Bytes& atrInfo) {
    ConformanceCard card = buildCard("vn-basic");
    card.profile().masterFiles.push_back({FidAtrInfo, atrInfo, emulator::FileAccess::Always});
    return card;
}

} // namespace

// LDS_K_01: 7F66 with the largest command and response APDUs, 1920 bytes each, in two-byte
// INTEGERs. ✔ "passed", and the reader keeps to 1920 bytes: DG2 takes more READ BINARYs than
// on the same card without EF.ATR/INFO, where one extended READ BINARY takes a whole file.
TEST(OtherFilesConformance, LDS_K_01_ExtendedLengthInfo) {
    ConformanceCard card = cardWithAtrInfo(fromHex("7F66080202078002020780"));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    ASSERT_TRUE(inspection.document->atrInfo);
    EXPECT_EQ(inspection.document->atrInfo->extendedLength.maxCommandApdu, 1920U);
    EXPECT_EQ(inspection.document->atrInfo->extendedLength.maxResponseApdu, 1920U);
    EXPECT_TRUE(inspection.document->readout.extendedLength);

    ConformanceCard plain = buildCard("vn-basic");
    Inspection unbounded = inspect(plain);
    ASSERT_EQ(unbounded.verdict(), Verdict::Successful) << unbounded.explain();
    EXPECT_GT(inspection.document->readout.readBinaryCommands,
              unbounded.document->readout.readBinaryCommands);
}

// LDS_K_02: the same sizes with three-byte encodings (the test plan does not spell the file
// out): every length in the long form 82 00 LL, or the sizes as three-byte INTEGERs (65536). ✔
TEST(OtherFilesConformance, LDS_K_02_ThreeByteEncodings) {
    for (const char* hex : {"7F6682000C028200020780028200020780", "7F660A02030100000203010000"}) {
        SCOPED_TRACE(hex);
        ConformanceCard card = cardWithAtrInfo(fromHex(hex));
        Inspection inspection = inspect(card);
        ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
        EXPECT_TRUE(inspection.document->atrInfo);
    }
}

// LDS_K_03: 7F66 with one INTEGER only. ✘
TEST(OtherFilesConformance, LDS_K_03_OneSizeOnly) {
    ConformanceCard card = cardWithAtrInfo(fromHex("7F660402020780"));
    expectParseIssue(inspect(card), "EF.ATR/INFO");
}

// LDS_K_04: the sizes under 7F65 and no 7F66 anywhere. ✘
TEST(OtherFilesConformance, LDS_K_04_WrongTag) {
    ConformanceCard card = cardWithAtrInfo(fromHex("7F65080202078002020780"));
    expectParseIssue(inspect(card), "EF.ATR/INFO");
}

// --- DG11, DG12 (ICAO 9303-10 §4.7.11, §4.7.12; the Vietnamese card has neither) ---

namespace {

// DG11: 6B { 5C tag list, 5F0E full name }; DG12: 6C { 5C tag list, 5F19 issuing authority }.
Bytes dg11() {
    Bytes contents = tlv::encode(0x5C, fromHex("5F0E"));
    append(contents, tlv::encode(0x5F0E, toBytes("NGUYEN<<VAN<AN")));
    return tlv::encode(0x6B, contents);
}

Bytes dg12() {
    Bytes contents = tlv::encode(0x5C, fromHex("5F19"));
    append(contents, tlv::encode(0x5F19, toBytes("CUC CANH SAT QLHC VE TTXH")));
    return tlv::encode(0x6C, contents);
}

} // namespace

// ISO7816_E_26's files (CFG.DFLT.EAC plus DG11 and DG12, EF.COM listing them) readable after
// BAC: they are read and hashed like every other data group. ✔ (E_26 itself puts them behind
// Terminal Authentication, which this reader does not perform.)
TEST(OtherFilesConformance, Dg11AndDg12AreReadAndHashed) {
    ConformanceCard card = buildCard("vn-basic");
    card.profile().applicationFiles.push_back({0x010B, dg11(), emulator::FileAccess::Bac});
    card.profile().applicationFiles.push_back({0x010C, dg12(), emulator::FileAccess::Bac});
    Bytes tags;
    for (const emulator::ElementaryFile& file : card.profile().applicationFiles) {
        if (file.fid > 0x0100 && file.fid <= 0x0110) {
            tags.push_back(lds::dataGroupTag(file.fid - 0x0100));
        }
    }
    card.applicationFile(FidCom) = emulator::buildEfCom(tags);
    card.resign();

    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(hashStatus(inspection, 11), verify::DgHashStatus::Match);
    EXPECT_EQ(hashStatus(inspection, 12), verify::DgHashStatus::Match);
    EXPECT_EQ(inspection.document->dataGroupListCheck(), reader::DataGroupListCheck::Same);
}

// --- DG13, the Vietnamese citizen data (cccd.md §3.4): 6D { SEQUENCE { INTEGER version,
// OID, SET OF field } } ---

namespace {

// The SEQUENCE's elements (version, OID, SET), edited and put back into 6D { SEQUENCE }.
Bytes dg13With(const Bytes& dg13, const std::function<void(std::vector<Bytes>&)>& edit) {
    tlv::Tlv body = tlv::children(tlv::parse(dg13, 0x6D)).at(0);
    std::vector<Bytes> elements = tlv::encodedChildren(body);
    edit(elements);
    return tlv::encode(0x6D, tlv::encode(0x30, concat(elements)));
}

// The fields of the SET, edited and put back.
Bytes dg13WithFields(const Bytes& dg13, const std::function<void(std::vector<Bytes>&)>& edit) {
    return dg13With(dg13, [&edit](std::vector<Bytes>& elements) {
        std::vector<Bytes> fields = tlv::encodedChildren(tlv::parse(elements.at(2)));
        edit(fields);
        elements.at(2) = tlv::encode(0x31, concat(fields));
    });
}

Bytes field(std::uint64_t number, const Bytes& value) {
    Bytes contents = tlv::encodeInteger(number);
    append(contents, value);
    return tlv::encode(0x30, contents);
}

// DG13 with the length octets of 6D (82 HH LL) changed by delta.
Bytes dg13Length(Bytes dg13, int delta) {
    EXPECT_EQ(dg13.at(1), 0x82);
    auto length = static_cast<long>((dg13.at(2) << 8) | dg13.at(3)) + delta;
    dg13.at(2) = static_cast<std::uint8_t>(length >> 8);
    dg13.at(3) = static_cast<std::uint8_t>(length & 0xFF);
    return dg13;
}

ConformanceCard cardWithDg13(const std::function<Bytes(const Bytes&)>& change) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg13Number, change(card.applicationFile(FidDg13)));
    return card;
}

} // namespace

// DG13_01: tag 6C for 6D.
TEST(OtherFilesConformance, DG13_01_TagWrong) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) {
        Bytes changed = dg13;
        changed.at(0) = 0x6C;
        return changed;
    });
    expectUnreadableDg13(inspect(card));
}

// DG13_02: the length of 6D one too small: the reader reads one byte less, DG13 does not parse
// and its hash no longer matches.
TEST(OtherFilesConformance, DG13_02_LengthTooSmall) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) { return dg13Length(dg13, -1); });
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    EXPECT_TRUE(hasParseIssue(inspection, "DG13")) << inspection.explain();
    EXPECT_EQ(hashStatus(inspection, 13), verify::DgHashStatus::Mismatch);
}

// DG13_03: the length of 6D one too big: the file ends early and the read stops.
TEST(OtherFilesConformance, DG13_03_LengthTooBig) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) { return dg13Length(dg13, +1); });
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData);
}

// DG13_04: the SET of fields missing.
TEST(OtherFilesConformance, DG13_04_FieldSetMissing) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) {
        return dg13With(dg13, [](std::vector<Bytes>& elements) { elements.pop_back(); });
    });
    expectUnreadableDg13(inspect(card));
}

// DG13_05: the SEQUENCE inside 6D missing (the SET straight under 6D).
TEST(OtherFilesConformance, DG13_05_InnerSequenceMissing) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) {
        tlv::Tlv body = tlv::children(tlv::parse(dg13, 0x6D)).at(0);
        return tlv::encode(0x6D, tlv::encodedChildren(body).at(2));
    });
    expectUnreadableDg13(inspect(card));
}

// DG13_06: the full name (field 2) not valid UTF-8 (C3 28). The issuer signed it as it is:
// the document is verified, the field is left empty and named in the anomalies, never shown
// garbled. ✔
TEST(OtherFilesConformance, DG13_06_InvalidCharacters) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) {
        return dg13WithFields(dg13, [](std::vector<Bytes>& fields) {
            fields.at(1) = field(2, tlv::encode(0x0C, Bytes{'A', 0xC3, 0x28, 'B'}));
        });
    });
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    const auto& dg13 = inspection.document->dg13;
    ASSERT_TRUE(dg13);
    EXPECT_FALSE(dg13->fullName);
    EXPECT_TRUE(dg13->personalIdNumber);
    ASSERT_EQ(dg13->anomalies.size(), 1U);
    EXPECT_NE(dg13->anomalies[0].find("UTF-8"), std::string::npos);
}

// DG13_07: DG13 changed after signing: Passive Authentication fails on its hash.
TEST(OtherFilesConformance, DG13_07_HashMismatch) {
    ConformanceCard card = buildCard("vn-basic");
    card.applicationFile(FidDg13).back() ^= 0x01;
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    EXPECT_EQ(hashStatus(inspection, 13), verify::DgHashStatus::Mismatch);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Invalid);
}

// DG13_08: a field numbered 17, which 2024 cards may add (cccd.md §3.6): kept raw. ✔
TEST(OtherFilesConformance, DG13_08_UnknownFieldKept) {
    ConformanceCard card = cardWithDg13([](const Bytes& dg13) {
        return dg13WithFields(dg13, [](std::vector<Bytes>& fields) {
            fields.push_back(field(17, tlv::encode(0x0C, toBytes("extra"))));
        });
    });
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    ASSERT_TRUE(inspection.document->dg13);
    EXPECT_EQ(inspection.document->dg13->unknownFields().size(), 1U);
    EXPECT_TRUE(inspection.document->dg13->anomalies.empty());
}

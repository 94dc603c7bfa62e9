// DG2 (the encoded face) as BSI TR-03105-5.1 tests a reader: unit LDS_C (whose bodies moved to
// ICAO TR RF & Protocol Testing Part 4, unit LDS_C, same numbers), as
// ../shared/spec/conformance.md §2.9 lists them. The reader claims both profiles of the unit:
// DG2 (the encoding of ICAO 9303-10 §4.7.2) and ISO19794-5 (the face record). The card is the
// Vietnamese persona vn-basic; DG2 is rebuilt here field by field, then EF.SOD re-hashed and
// re-signed, so that only the reader's own checks of DG2 can find the fault.
#include <algorithm>
#include <array>
#include <string>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "lds/Dg2.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using reader::ContentCheck;

constexpr int Dg2Number = 2;
constexpr std::uint16_t FidDg2 = 0x0102;

void put(Bytes& out, std::uint64_t value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

// A JP2 file (ISO/IEC 15444-1 Annex I) around a codestream with SOC, SIZ (§A.5.1) and EOC: the
// header a reader needs to tell the format and the size; the face itself is not decoded.
Bytes jp2Image(std::uint32_t width, std::uint32_t height) {
    Bytes codestream = fromHex("FF4F FF51 0029 0000");
    for (std::uint32_t value : {width, height, 0u, 0u, width, height, 0u, 0u}) {
        put(codestream, value, 4);
    }
    append(codestream, fromHex("0001 07 01 01 FFD9"));

    Bytes out = fromHex("0000000C 6A502020 0D0A870A 00000014 66747970 6A703220 00000000 6A703220");
    append(out, fromHex("0000001E 6A703268 00000016 69686472"));
    put(out, height, 4);
    put(out, width, 4);
    append(out, fromHex("0003 07 07 00 00"));
    put(out, codestream.size() + 8, 4);
    append(out, fromHex("6A703263"));
    append(out, codestream);
    return out;
}

// One ISO/IEC 19794-5:2005 record with one face (§5.4 general header, §5.5 facial information,
// §5.6 feature points, §5.7 image information, §5.8 image data), every field settable.
struct FaceRecord {
    std::string formatIdentifier{"FAC\0", 4};
    std::string version{"010\0", 4};
    std::uint8_t gender = 0x01;
    std::uint8_t eyeColour = 0x03;
    std::uint8_t hairColour = 0x02;
    std::array<std::uint8_t, 3> poseAngle{91, 91, 91}; // 0 degrees each
    std::array<std::uint8_t, 3> poseAngleUncertainty{0, 0, 0};
    std::uint16_t featurePoints = 0;
    bool lengthCountsFeaturePoints = true;
    std::uint8_t faceImageType = 0x01; // full frontal
    std::uint8_t imageDataType = 0x00; // JPEG
    Bytes image;

    [[nodiscard]] Bytes encode() const {
        std::size_t points = featurePoints * std::size_t{8};
        std::size_t counted = 20 + (lengthCountsFeaturePoints ? points : 0) + 12 + image.size();
        Bytes face;
        put(face, counted, 4);
        put(face, featurePoints, 2);
        append(face, Bytes{gender, eyeColour, hairColour});
        append(face, fromHex("000000 0001")); // property mask, expression neutral
        append(face, Bytes(poseAngle.begin(), poseAngle.end()));
        append(face, Bytes(poseAngleUncertainty.begin(), poseAngleUncertainty.end()));
        for (std::uint16_t i = 0; i < featurePoints; ++i) {
            append(face, fromHex("01 31 0064 0050 0000")); // eye centres, ISO/IEC 14496-2 3.1
        }
        append(face, Bytes{faceImageType, imageDataType});
        append(face, fromHex("012C 0190 01 02 0000 0000")); // 300 x 400, RGB, digital camera
        append(face, image);

        Bytes record = toBytes(formatIdentifier + version);
        put(record, 14 + face.size(), 4);
        put(record, 1, 2);
        append(record, face);
        return record;
    }
};

// DG2 (ICAO 9303-10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E record } } }.
struct Dg2File {
    FaceRecord record;
    bool instanceCount = true;
    Bytes header = fromHex("810102 820100 87020101 88020008");
    bool dataBlock = true;

    [[nodiscard]] Bytes encode() const {
        Bytes information = tlv::encode(0xA1, header);
        if (dataBlock) {
            append(information, tlv::encode(0x5F2E, record.encode()));
        }
        Bytes group = instanceCount ? tlv::encodeInteger(1) : Bytes();
        append(group, tlv::encode(0x7F60, information));
        return tlv::encode(0x75, tlv::encode(0x7F61, group));
    }
};

// The card's own JPEG portrait, for the DG2s built here.
Bytes cardJpeg(ConformanceCard& card) {
    return lds::Dg2::parse(card.applicationFile(FidDg2)).faces.at(0).image;
}

// vn-basic with DG2 as `change` makes it from a conforming JPEG DG2, re-signed.
template <typename Change> Inspection inspectDg2(Change change) {
    ConformanceCard card = buildCard("vn-basic");
    Dg2File dg2;
    dg2.record.image = cardJpeg(card);
    change(dg2);
    card.replaceDataGroup(Dg2Number, dg2.encode());
    return inspect(card);
}

// ✔ with the portrait of the given format.
void expectPortrait(const Inspection& inspection, lds::ImageFormat format) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    const lds::FaceImage* face = inspection.document->portrait();
    ASSERT_NE(face, nullptr) << inspection.explain();
    EXPECT_EQ(face->imageFormat, format);
    EXPECT_TRUE(face->imageTypeMatches());
}

// ✘ because DG2 breaks a rule, with every file parsing and Passive Authentication valid.
// `reason` is part of the issue's reason.
void expectDg2Issue(const Inspection& inspection, const std::string& reason) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(inspection.document->parseIssues.empty()) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    const auto& issues = inspection.document->contentIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [&reason](const reader::ContentIssue& i) {
        return i.file == "DG2" && i.check == ContentCheck::FaceRecord &&
               i.reason.find(reason) != std::string::npos;
    })) << inspection.explain();
}

// ✘ because DG2 does not parse.
void expectDg2ParseIssue(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    const auto& issues = inspection.document->parseIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [](const reader::ParseIssue& i) {
        return i.file == "DG2";
    })) << inspection.explain();
}

// The card's DG2 with its first byte and its length changed (75 82 LL LL).
Bytes cardDg2With(ConformanceCard& card, std::uint8_t tag, int lengthDelta) {
    Bytes dg2 = card.applicationFile(FidDg2);
    EXPECT_EQ(dg2.at(1), 0x82);
    std::size_t length = static_cast<std::size_t>((dg2.at(2) << 8 | dg2.at(3)) + lengthDelta);
    dg2[0] = tag;
    dg2[2] = static_cast<std::uint8_t>(length >> 8);
    dg2[3] = static_cast<std::uint8_t>(length & 0xFF);
    return dg2;
}

} // namespace

// LDS_C_01: a JPEG 2000 full-frontal image (facial image 2 of the 5.1 annex), in a JP2 file.
TEST(Dg2Conformance, LDS_C_01_Jpeg2000FullFrontal) {
    expectPortrait(inspectDg2([](Dg2File& f) {
                       f.record.image = jp2Image(300, 400);
                       f.record.imageDataType = 0x01;
                   }),
                   lds::ImageFormat::Jp2);
}

// LDS_C_02: a JPEG full-frontal image (facial image 1).
TEST(Dg2Conformance, LDS_C_02_JpegFullFrontal) {
    expectPortrait(inspectDg2([](Dg2File&) {}), lds::ImageFormat::Jpeg);
}

// LDS_C_03: JPEG 2000 with two feature points (facial image 5), counted in the facial record
// data length.
TEST(Dg2Conformance, LDS_C_03_Jpeg2000WithFeaturePoints) {
    Inspection inspection = inspectDg2([](Dg2File& f) {
        f.record.image = jp2Image(300, 400);
        f.record.imageDataType = 0x01;
        f.record.featurePoints = 2;
    });
    expectPortrait(inspection, lds::ImageFormat::Jp2);
    EXPECT_EQ(inspection.document->portrait()->featurePoints.size(), 2u);
}

// LDS_C_04: DG2 under tag 76 instead of 75.
TEST(Dg2Conformance, LDS_C_04_Dg2TagWrong) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg2Number, cardDg2With(card, 0x76, 0));
    Inspection inspection = inspect(card);
    expectDg2ParseIssue(inspection);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
}

// LDS_C_05: the length of tag 75 one too small: the reader reads one byte less, the template
// inside runs past the file and its hash no longer matches EF.SOD.
TEST(Dg2Conformance, LDS_C_05_Dg2LengthTooSmall) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg2Number, cardDg2With(card, 0x75, -1));
    Inspection inspection = inspect(card);
    expectDg2ParseIssue(inspection);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Invalid)
        << inspection.explain();
}

// LDS_C_06: the length of tag 75 one too big: the file ends before its header says, and the
// reader stops the read there.
TEST(Dg2Conformance, LDS_C_06_Dg2LengthTooBig) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg2Number, cardDg2With(card, 0x75, +1));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

// LDS_C_07: the biometric information group template without its instance count (02).
TEST(Dg2Conformance, LDS_C_07_InstanceCountMissing) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.instanceCount = false; }), "instance count");
}

// LDS_C_08: format owner 0102 instead of ISO/IEC JTC 1/SC 37 (0101).
TEST(Dg2Conformance, LDS_C_08_FormatOwnerNotAllowed) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.header = fromHex("810102 87020102 88020008"); }),
                   "format owner");
}

// LDS_C_09: no format owner (87).
TEST(Dg2Conformance, LDS_C_09_FormatOwnerMissing) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.header = fromHex("810102 88020008"); }),
                   "format owner");
}

// LDS_C_10: format type 0010 instead of an ISO/IEC 19794-5 face image (0008).
TEST(Dg2Conformance, LDS_C_10_FormatTypeNotAllowed) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.header = fromHex("810102 87020101 88020010"); }),
                   "format type");
}

// LDS_C_11: no format type (88).
TEST(Dg2Conformance, LDS_C_11_FormatTypeMissing) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.header = fromHex("810102 87020101"); }),
                   "format type");
}

// LDS_C_12: the biometric type in its older three-byte CBEFF form (00 00 02) instead of one
// byte. Both name facial features (ICAO 9303-10 §4.7.2.1 allows 1 or 3 bytes): accepted.
TEST(Dg2Conformance, LDS_C_12_BiometricTypeDeprecatedEncoding) {
    expectPortrait(
        inspectDg2([](Dg2File& f) { f.header = fromHex("8103000002 87020101 88020008"); }),
        lds::ImageFormat::Jpeg);
}

// LDS_C_13: biometric type 08 (finger) instead of facial features (02).
TEST(Dg2Conformance, LDS_C_13_BiometricTypeNotFace) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.header = fromHex("810108 87020101 88020008"); }),
                   "biometric type");
}

// LDS_C_14: the record's format identifier "FAD\0" instead of "FAC\0".
TEST(Dg2Conformance, LDS_C_14_FormatIdentifierWrong) {
    expectDg2Issue(inspectDg2([](Dg2File& f) {
                       f.record.formatIdentifier = {"FAD\0", 4};
                   }),
                   "format identifier");
}

// LDS_C_15: the record's version "020\0" instead of "010\0".
TEST(Dg2Conformance, LDS_C_15_VersionWrong) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.version = {"020\0", 4}; }), "version");
}

// LDS_C_16: the facial record data length leaves out the two feature points: the record has
// 16 bytes its lengths do not account for.
TEST(Dg2Conformance, LDS_C_16_DataLengthWithoutFeaturePoints) {
    expectDg2Issue(inspectDg2([](Dg2File& f) {
                       f.record.featurePoints = 2;
                       f.record.lengthCountsFeaturePoints = false;
                   }),
                   "unaccounted");
}

// LDS_C_17 .. LDS_C_27: a value of the facial information (ISO/IEC 19794-5:2005 §5.5) or the
// image information (§5.7) outside its range.
TEST(Dg2Conformance, LDS_C_17_GenderOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.gender = 0x05; }), "gender");
}

TEST(Dg2Conformance, LDS_C_18_EyeColourOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.eyeColour = 0x10; }), "eye colour");
}

TEST(Dg2Conformance, LDS_C_19_HairColourOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.hairColour = 0x20; }), "hair colour");
}

TEST(Dg2Conformance, LDS_C_20_PoseAngleYawOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngle[0] = 200; }), "pose angle yaw");
}

TEST(Dg2Conformance, LDS_C_21_PoseAnglePitchOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngle[1] = 200; }), "pose angle pitch");
}

TEST(Dg2Conformance, LDS_C_22_PoseAngleRollOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngle[2] = 200; }), "pose angle roll");
}

TEST(Dg2Conformance, LDS_C_23_PoseAngleUncertaintyYawOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngleUncertainty[0] = 200; }),
                   "pose angle uncertainty yaw");
}

TEST(Dg2Conformance, LDS_C_24_PoseAngleUncertaintyPitchOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngleUncertainty[1] = 200; }),
                   "pose angle uncertainty pitch");
}

TEST(Dg2Conformance, LDS_C_25_PoseAngleUncertaintyRollOutOfRange) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.poseAngleUncertainty[2] = 200; }),
                   "pose angle uncertainty roll");
}

TEST(Dg2Conformance, LDS_C_26_FaceImageTypeInvalid) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.faceImageType = 0x10; }),
                   "face image type");
}

TEST(Dg2Conformance, LDS_C_27_ImageDataTypeInvalid) {
    expectDg2Issue(inspectDg2([](Dg2File& f) { f.record.imageDataType = 0x05; }),
                   "image data type");
}

// LDS_C_28: the biometric information template without its data block (5F2E).
TEST(Dg2Conformance, LDS_C_28_DataBlockMissing) {
    Inspection inspection = inspectDg2([](Dg2File& f) { f.dataBlock = false; });
    expectDg2Issue(inspection, "no biometric data block");
    EXPECT_EQ(inspection.document->portrait(), nullptr);
}

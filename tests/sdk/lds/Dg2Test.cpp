#include "lds/Dg2.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "tlv/Tlv.h"

using namespace cccd;

namespace {

void put(Bytes& out, std::uint32_t value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

// A JPEG header with a JFIF APP0, an optional padding APP1 (moves the frame header), a baseline
// SOF0 of the given size (ISO/IEC 10918-1 §B.2.2), SOS and EOI.
Bytes jpeg(std::uint16_t width, std::uint16_t height, std::size_t padding = 0) {
    Bytes out = fromHex("FFD8 FFE0 0010 4A46494600 0101 00 0001 0001 00 00");
    if (padding > 0) {
        out.push_back(0xFF);
        out.push_back(0xE1);
        put(out, static_cast<std::uint32_t>(padding + 2), 2);
        out.insert(out.end(), padding, 0xAB);
    }
    append(out, fromHex("FFC0 0011 08"));
    put(out, height, 2);
    put(out, width, 2);
    append(out, fromHex("03 012200 021101 031101 FFDA 000C 03 0100 0211 0311 003F00 1234 FFD9"));
    return out;
}

// A raw JPEG 2000 codestream: SOC, SIZ with one component (ISO/IEC 15444-1 §A.5.1), EOC.
Bytes j2k(std::uint32_t width, std::uint32_t height, std::uint32_t xOffset = 0) {
    Bytes out = fromHex("FF4F FF51 0029 0000");
    put(out, width + xOffset, 4);
    put(out, height, 4);
    put(out, xOffset, 4);
    put(out, 0, 4);
    put(out, width + xOffset, 4);
    put(out, height, 4);
    put(out, 0, 4);
    put(out, 0, 4);
    append(out, fromHex("0001 07 01 01 FFD9"));
    return out;
}

// A JP2 file: signature, ftyp, jp2h { ihdr }, jp2c (ISO/IEC 15444-1 Annex I).
Bytes jp2(std::uint32_t width, std::uint32_t height) {
    Bytes out = fromHex("0000000C 6A502020 0D0A870A 00000014 66747970 6A703220 00000000 6A703220");
    append(out, fromHex("0000001E 6A703268 00000016 69686472"));
    put(out, height, 4);
    put(out, width, 4);
    append(out, fromHex("0003 07 07 00 00"));
    Bytes codestream = j2k(width, height);
    put(out, static_cast<std::uint32_t>(codestream.size() + 8), 4);
    append(out, fromHex("6A703263"));
    append(out, codestream);
    return out;
}

struct Face {
    Bytes image;
    std::uint8_t dataType = 0;
    std::uint16_t recordWidth = 0;
    std::uint16_t recordHeight = 0;
    std::uint16_t featurePoints = 0;
};

// ISO/IEC 19794-5:2005 record: general header, then per face the facial information block,
// feature points, image information and image data.
Bytes faceRecord(const std::vector<Face>& faces) {
    Bytes body;
    for (const Face& f : faces) {
        put(body, static_cast<std::uint32_t>(20 + 8 * f.featurePoints + 12 + f.image.size()), 4);
        put(body, f.featurePoints, 2);
        append(body, fromHex("01 02 03 000001 0000 000000 000000"));
        for (std::uint16_t i = 0; i < f.featurePoints; ++i) {
            append(body, fromHex("01 11 0010 0020 0000"));
        }
        body.push_back(0x01); // face image type: full frontal
        body.push_back(f.dataType);
        put(body, f.recordWidth, 2);
        put(body, f.recordHeight, 2);
        append(body, fromHex("01 02 0000 0000"));
        append(body, f.image);
    }
    Bytes out = toBytes(std::string("FAC\0"
                                    "010\0",
                                    8));
    put(out, static_cast<std::uint32_t>(14 + body.size()), 4);
    put(out, static_cast<std::uint32_t>(faces.size()), 2);
    append(out, body);
    return out;
}

Bytes informationTemplate(const Bytes& record, std::uint32_t blockTag = 0x5F2E) {
    Bytes content = tlv::encode(0xA1, fromHex("810102 820100 87020101 88020008"));
    append(content, tlv::encode(blockTag, record));
    return tlv::encode(0x7F60, content);
}

Bytes dg2(const std::vector<Bytes>& templates) {
    Bytes group = tlv::encode(0x02, tlv::encodeUnsigned(templates.size()));
    for (const Bytes& t : templates) {
        append(group, t);
    }
    return tlv::encode(0x75, tlv::encode(0x7F61, group));
}

} // namespace

// cccd.md §3.3: the record said 480 x 400, the JPEG 300 x 400. The image wins.
TEST(Dg2Test, DimensionsComeFromTheJpegNotTheRecordHeader) {
    Bytes image = jpeg(300, 400, 5000); // padding: long-form lengths, image far from byte 84
    Bytes file = dg2({informationTemplate(faceRecord({{image, 0x00, 480, 400, 0}}))});
    auto d = lds::Dg2::parse(file);
    EXPECT_EQ(d.raw, file);
    ASSERT_EQ(d.faces.size(), 1u);
    const auto& face = d.faces[0];
    EXPECT_EQ(face.image, image);
    EXPECT_EQ(face.imageFormat, lds::ImageFormat::Jpeg);
    EXPECT_TRUE(face.imageTypeMatches());
    EXPECT_EQ(face.imageSize, (lds::ImageSize{300, 400}));
    EXPECT_EQ(face.recordWidth, 480);
    EXPECT_EQ(face.recordHeight, 400);
    EXPECT_EQ(face.recordVersion, "010");
    EXPECT_EQ(face.header.biometricType, 0x02u);
    EXPECT_EQ(face.header.formatOwner, 0x0101u);
    EXPECT_EQ(face.header.formatType, 0x0008u);
    EXPECT_EQ(face.gender, 1);
    EXPECT_EQ(face.propertyMask, 1u);
}

TEST(Dg2Test, Jpeg2000CodestreamAndJp2InSeveralTemplatesAndFaces) {
    Bytes codestream = j2k(200, 256, 50);
    Bytes file = jp2(120, 160);
    Bytes record = faceRecord({{codestream, 0x01, 1, 1, 2}, {file, 0x01, 0, 0, 0}});
    Bytes dg = dg2({informationTemplate(record, 0x7F2E),
                    informationTemplate(faceRecord({{jpeg(64, 48), 0x01, 0, 0, 0}}))});
    auto d = lds::Dg2::parse(dg);
    ASSERT_EQ(d.faces.size(), 3u);
    EXPECT_EQ(d.faces[0].imageFormat, lds::ImageFormat::Jpeg2000Codestream);
    EXPECT_EQ(d.faces[0].imageSize, (lds::ImageSize{200, 256}));
    EXPECT_EQ(d.faces[0].featurePoints.size(), 2u);
    EXPECT_EQ(d.faces[0].featurePoints[0].x, 0x10);
    EXPECT_EQ(d.faces[0].image, codestream);
    EXPECT_EQ(d.faces[1].imageFormat, lds::ImageFormat::Jp2);
    EXPECT_EQ(d.faces[1].imageSize, (lds::ImageSize{120, 160}));
    EXPECT_TRUE(d.faces[1].imageTypeMatches());
    EXPECT_EQ(lds::mimeType(d.faces[1].imageFormat), "image/jp2");
    // Declared JPEG 2000 but the bytes are JPEG (field case BL-29): reported, not hidden.
    EXPECT_FALSE(d.faces[2].imageTypeMatches());
    EXPECT_EQ(d.faces[2].imageSize, (lds::ImageSize{64, 48}));
}

TEST(Dg2Test, OtherRecordFormatsAreKeptRaw) {
    Bytes other = fromHex("A1 03 800101");
    auto d = lds::Dg2::parse(dg2({informationTemplate(other, 0x7F2E)}));
    EXPECT_TRUE(d.faces.empty());
    ASSERT_EQ(d.otherBlocks.size(), 1u);
    // ICAO 9303-10 names ISO/IEC 19794-5:2005 records: another one is kept, and reported.
    ASSERT_EQ(d.problems.size(), 1u);
    EXPECT_NE(d.problems[0].find("format identifier"), std::string::npos);
}

// ICAO 9303-10 §4.7.2 and ISO/IEC 19794-5:2005 departures that leave the file readable are
// listed, not thrown: the portrait stays available.
TEST(Dg2Test, DeparturesFromTheStandardAreListedAsProblems) {
    Bytes record = faceRecord({{jpeg(300, 400), 0x00, 300, 400, 0}});
    EXPECT_TRUE(lds::Dg2::parse(dg2({informationTemplate(record)})).problems.empty());

    auto only = [](const Bytes& file, const std::string& what) {
        lds::Dg2 d = lds::Dg2::parse(file);
        ASSERT_EQ(d.problems.size(), 1u) << what;
        EXPECT_NE(d.problems[0].find(what), std::string::npos) << d.problems[0];
    };
    only(tlv::encode(0x75, tlv::encode(0x7F61, informationTemplate(record))), "instance count");

    Bytes badGender = record;
    badGender[20] = 0x05; // after the general header (14) and the block length and count (6)
    only(dg2({informationTemplate(badGender)}), "gender");

    Bytes padded = record;
    padded.push_back(0x00); // one byte neither the record length nor a facial block counts
    lds::Dg2 d = lds::Dg2::parse(dg2({informationTemplate(padded)}));
    EXPECT_EQ(d.problems.size(), 2u);
    EXPECT_EQ(d.faces.size(), 1u);

    Bytes noOwner = tlv::encode(0xA1, fromHex("810102 88020008"));
    append(noOwner, tlv::encode(0x5F2E, record));
    only(tlv::encode(0x75,
                     tlv::encode(0x7F61, concat(fromHex("020101"), tlv::encode(0x7F60, noOwner)))),
         "format owner");
}

TEST(Dg2Test, LengthsThatDoNotFitThrowMalformedData) {
    Bytes record = faceRecord({{jpeg(300, 400), 0x00, 0, 0, 0}});
    Bytes tooLong = record;
    tooLong[17] = static_cast<std::uint8_t>(tooLong[17] + 1); // facial block length + 1
    Bytes file = dg2({informationTemplate(record)});
    for (const Bytes& bad :
         {dg2({informationTemplate(tooLong)}), Bytes(file.begin(), file.end() - 10),
          fromHex("7503020101"), Bytes{}}) {
        try {
            (void)lds::Dg2::parse(bad);
            ADD_FAILURE() << "accepted a broken DG2";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        }
    }
}

TEST(Dg2Test, ImageSizeIsNulloptForBrokenImages) {
    EXPECT_FALSE(lds::imageSize(fromHex("FFD8FFE0")));
    EXPECT_FALSE(lds::imageSize(fromHex("FFD8 FFDA 0002")));
    EXPECT_FALSE(lds::imageSize(fromHex("FF4FFF510029")));
    EXPECT_FALSE(lds::imageSize(fromHex("0000000C6A5020200D0A870A00000001")));
    EXPECT_EQ(lds::detectImageFormat(fromHex("00112233")), lds::ImageFormat::Unknown);
}

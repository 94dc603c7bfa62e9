// Photos from disk: typed errors, and the EXIF orientation of phone photos applied.
#include "vision/ImageFile.h"

#include <array>
#include <fstream>

#include <gtest/gtest.h>

#include "TestImages.h"
#include "base/Error.h"
#include "qr/QrText.h"
#include "support/TestData.h"
#include "vision/QrDecoder.h"

using namespace cccd;
using namespace cccd::vision;

namespace {

std::filesystem::path scratch(const std::string& name) {
    std::filesystem::path dir = test::binaryDir() / "vision-test";
    std::filesystem::create_directories(dir);
    return dir / name;
}

ErrorCode errorReading(const std::filesystem::path& path) {
    try {
        (void)readImageFile(path);
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "read " << path;
    return ErrorCode::InvalidArgument;
}

// An APP1 Exif segment (CIPA DC-008 / TIFF 6.0) with one IFD entry: Orientation (0x0112) = 6,
// "rotate 90° clockwise to display", inserted after the JPEG's SOI marker.
Bytes withExifOrientation(const Bytes& jpeg, std::uint16_t orientation) {
    Bytes tiff{'I',
               'I',
               0x2A,
               0x00,
               0x08,
               0x00,
               0x00,
               0x00, // little endian, IFD at 8
               0x01,
               0x00, // one entry
               0x12,
               0x01,
               0x03,
               0x00,
               0x01,
               0x00,
               0x00,
               0x00, // Orientation, SHORT, count 1
               static_cast<std::uint8_t>(orientation),
               0x00,
               0x00,
               0x00, // value
               0x00,
               0x00,
               0x00,
               0x00}; // no next IFD
    Bytes app1{'E', 'x', 'i', 'f', 0x00, 0x00};
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    auto length = static_cast<std::uint16_t>(app1.size() + 2);
    Bytes out{jpeg[0],
              jpeg[1],
              0xFF,
              0xE1,
              static_cast<std::uint8_t>(length >> 8),
              static_cast<std::uint8_t>(length & 0xFF)};
    out.insert(out.end(), app1.begin(), app1.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

} // namespace

TEST(ImageFileTest, MissingAndNonImageFilesAreTypedErrors) {
    EXPECT_EQ(errorReading(scratch("absent.png")), ErrorCode::Io);
    std::filesystem::path text = scratch("not-an-image.jpg");
    std::ofstream(text) << "hello";
    EXPECT_EQ(errorReading(text), ErrorCode::MalformedData);
}

TEST(ImageFileTest, RoundTripsAndDecodes) {
    std::string payload = visiontest::examplePayload();
    std::filesystem::path file = scratch("card.png");
    writeImageFile(file, visiontest::scene(payload, 5));
    GrayImage back = readImageFile(file);
    EXPECT_EQ(back.width, 1920);
    EXPECT_EQ(back.height, 1080);
    QrDecoder decoder;
    std::optional<QrSymbol> symbol = decoder.decode(back);
    ASSERT_TRUE(symbol);
    EXPECT_EQ(qr::decodeQrText(ByteView(symbol->bytes)), payload);
}

TEST(ImageFileTest, ExifOrientationIsApplied) {
    std::string payload = visiontest::examplePayload();
    std::filesystem::path plain = scratch("plain.jpg");
    writeImageFile(plain, visiontest::scene(payload, 5));
    Bytes rotated = withExifOrientation(test::readFile(plain), 6);
    std::filesystem::path sideways = scratch("sideways.jpg");
    std::ofstream(sideways, std::ios::binary)
        .write(reinterpret_cast<const char*>(rotated.data()),
               static_cast<std::streamsize>(rotated.size()));
    GrayImage upright = readImageFile(sideways);
    EXPECT_EQ(upright.width, 1080);
    EXPECT_EQ(upright.height, 1920);
}

namespace {

// The contiguous codestream box ("jp2c") of a JP2 file (ISO/IEC 15444-1 §I.5.4): the raw
// codestream some DG2s hold instead of the file. Boxes are a 4-byte length, then the type.
Bytes codestreamOf(const Bytes& jp2) {
    std::size_t at = 0;
    while (at + 8 <= jp2.size()) {
        std::size_t length = (std::size_t{jp2[at]} << 24) | (std::size_t{jp2[at + 1]} << 16) |
                             (std::size_t{jp2[at + 2]} << 8) | jp2[at + 3];
        std::string type(jp2.begin() + static_cast<std::ptrdiff_t>(at + 4),
                         jp2.begin() + static_cast<std::ptrdiff_t>(at + 8));
        std::size_t end = length == 0 ? jp2.size() : at + length;
        if (type == "jp2c") {
            return Bytes(jp2.begin() + static_cast<std::ptrdiff_t>(at + 8),
                         jp2.begin() + static_cast<std::ptrdiff_t>(end));
        }
        if (length < 8 || end > jp2.size()) {
            break;
        }
        at = end;
    }
    return {};
}

ErrorCode errorDecoding(const Bytes& bytes) {
    try {
        (void)decodeColorImage(bytes);
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "decoded " << bytes.size() << " bytes";
    return ErrorCode::InvalidArgument;
}

// The pixel at (x, y) is close to `rgb`: JPEG 2000 may round.
void expectPixel(const ColorImage& image, int x, int y, std::array<int, 3> rgb) {
    std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                      static_cast<std::size_t>(x)) *
                     3;
    for (std::size_t c = 0; c < 3; ++c) {
        EXPECT_NEAR(image.pixels[at + c], rgb[c], 12) << "channel " << c;
    }
}

} // namespace

TEST(ImageFileTest, DecodesAJpeg2000PortraitFileAndCodestream) {
    Bytes jp2 = visiontest::encodedColorImage(300, 400, ".jp2");
    ASSERT_GE(jp2.size(), 12u);
    EXPECT_EQ(Bytes(jp2.begin(), jp2.begin() + 8),
              (Bytes{0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' '}))
        << "the JP2 signature box";
    ColorImage fromFile = decodeColorImage(jp2);
    EXPECT_EQ(fromFile.width, 300);
    EXPECT_EQ(fromFile.height, 400);
    ASSERT_EQ(fromFile.pixels.size(), 300u * 400u * 3u);
    expectPixel(fromFile, 150, 200, {200, 40, 30}); // the disc, red
    expectPixel(fromFile, 2, 2, {90, 1, 1});        // top left of the gradient

    Bytes codestream = codestreamOf(jp2);
    ASSERT_GE(codestream.size(), 4u);
    EXPECT_EQ(Bytes(codestream.begin(), codestream.begin() + 4), (Bytes{0xFF, 0x4F, 0xFF, 0x51}));
    ColorImage fromCodestream = decodeColorImage(codestream);
    EXPECT_EQ(fromCodestream.width, 300);
    EXPECT_EQ(fromCodestream.height, 400);
    EXPECT_EQ(fromCodestream.pixels, fromFile.pixels);
}

TEST(ImageFileTest, BytesThatDoNotDecodeAreATypedError) {
    Bytes jp2 = visiontest::encodedColorImage(300, 400, ".jp2");
    Bytes garbled(jp2.begin(), jp2.begin() + static_cast<std::ptrdiff_t>(jp2.size() / 3));
    for (std::size_t i = 40; i < garbled.size(); ++i) {
        garbled[i] ^= 0x5A;
    }
    EXPECT_EQ(errorDecoding(garbled), ErrorCode::MalformedData);
    Bytes signatureOnly(jp2.begin(), jp2.begin() + 12);
    EXPECT_EQ(errorDecoding(signatureOnly), ErrorCode::MalformedData);
    Bytes codestreamStart{0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x2F, 0x00, 0x00};
    EXPECT_EQ(errorDecoding(codestreamStart), ErrorCode::MalformedData);
    EXPECT_EQ(errorDecoding(toBytes("hello")), ErrorCode::MalformedData);
    EXPECT_EQ(errorDecoding({}), ErrorCode::MalformedData);
}

TEST(ImageFileTest, DecodesJpegAndPngInColour) {
    for (const char* extension : {".jpg", ".png"}) {
        ColorImage image = decodeColorImage(visiontest::encodedColorImage(120, 80, extension));
        EXPECT_EQ(image.width, 120) << extension;
        EXPECT_EQ(image.height, 80) << extension;
        expectPixel(image, 60, 40, {200, 40, 30});
    }
}

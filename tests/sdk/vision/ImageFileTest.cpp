// Photos from disk: typed errors, and the EXIF orientation of phone photos applied.
#include "vision/ImageFile.h"

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

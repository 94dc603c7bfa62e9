// The QR decoder on generated frames: the payload's bytes come back unchanged (with and without
// ECI), whatever the rotation, contrast, glare or symbol size within reason; easy frames are
// found by the first pass (the located region) and the region is tracked to the next frame.
#include "vision/QrDecoder.h"

#include <random>

#include <gtest/gtest.h>

#include "TestImages.h"
#include "qr/QrPayload.h"
#include "qr/QrText.h"

using namespace cccd;
using namespace cccd::vision;
using namespace cccd::visiontest;

namespace {

std::string decodedText(const GrayImage& frame, QrDecoderOptions options = {}) {
    QrDecoder decoder(options);
    std::optional<QrSymbol> symbol = decoder.decode(frame);
    if (!symbol) {
        return "";
    }
    return qr::decodeQrText(ByteView(symbol->bytes));
}

} // namespace

TEST(QrDecoderTest, CleanFrameDecodesOnTheCheapPass) {
    std::string payload = examplePayload();
    QrDecoder decoder;
    std::optional<QrSymbol> symbol = decoder.decode(scene(payload, 6));
    ASSERT_TRUE(symbol);
    EXPECT_EQ(symbol->pass, "located");
    EXPECT_EQ(qr::decodeQrText(ByteView(symbol->bytes)), payload);
    EXPECT_EQ(qr::QrPayload::parse(qr::decodeQrText(ByteView(symbol->bytes))).fullName,
              "Nguyễn Văn An");
}

TEST(QrDecoderTest, BytesAreTheSameWithAndWithoutEci) {
    std::string payload = examplePayload();
    EXPECT_EQ(decodedText(scene(payload, 6, 700, 300, emulator::QrCharsetMarking::NoEci)), payload);
    EXPECT_EQ(decodedText(scene(payload, 6, 700, 300, emulator::QrCharsetMarking::Utf8Eci)),
              payload);
}

TEST(QrDecoderTest, AnyRotation) {
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 5);
    for (double degrees : {0.0, 17.0, 45.0, 90.0, 135.0, 180.0, 250.0, 333.0}) {
        EXPECT_EQ(decodedText(rotated(frame, degrees)), payload) << degrees;
    }
}

TEST(QrDecoderTest, SmallSymbolIsCutFromTheFullFrame) {
    // A module is half a pixel once the frame is downscaled: no pass over the whole frame reads
    // it. The first pass cuts the symbol's region from the full frame and enlarges it, so even a
    // live camera's decoder (no thorough passes) reads it at once.
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 1);
    std::optional<QrSymbol> live = QrDecoder({.thorough = false}).decode(frame);
    ASSERT_TRUE(live);
    EXPECT_EQ(live->pass, "located");
    QrDecoder decoder;
    std::optional<QrSymbol> symbol = decoder.decode(frame);
    ASSERT_TRUE(symbol);
    EXPECT_EQ(qr::decodeQrText(ByteView(symbol->bytes)), payload);
    EXPECT_EQ(symbol->pass, "located");
    // The corners come back in frame coordinates, inside the pasted symbol (quiet zone included).
    GrayImage alone = emulator::renderQr(toBytes(payload), 1);
    for (const PointI& corner : symbol->corners) {
        EXPECT_GE(corner.x, 700 - 2);
        EXPECT_LE(corner.x, 700 + alone.width + 2);
        EXPECT_GE(corner.y, 300 - 2);
        EXPECT_LE(corner.y, 300 + alone.height + 2);
    }
}

TEST(QrDecoderTest, LowContrastAndGlare) {
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 6);
    EXPECT_EQ(decodedText(lowContrast(frame, 0.15)), payload);
    EXPECT_EQ(decodedText(withGlare(frame, 800, 420, 110)), payload);
}

TEST(QrDecoderTest, RegionIsTrackedToTheNextFrame) {
    std::string payload = examplePayload();
    QrDecoder decoder;
    ASSERT_TRUE(decoder.decode(scene(payload, 6, 300, 200)));
    ASSERT_TRUE(decoder.trackedRegion());
    std::optional<QrSymbol> next = decoder.decode(scene(payload, 6, 320, 210));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->pass, "region");
    decoder.resetTracking();
    EXPECT_FALSE(decoder.trackedRegion());
}

TEST(QrDecoderTest, FrameIsLeftUnchanged) {
    // A frame without a symbol goes through every pass, searches at full resolution included;
    // none of them may write into the caller's pixels.
    GrayImage frame;
    frame.width = 1920;
    frame.height = 1080;
    frame.pixels.resize(frame.size());
    std::mt19937 random(20261204U);
    std::uniform_int_distribution<int> level(0, 255);
    for (std::uint8_t& pixel : frame.pixels) {
        pixel = static_cast<std::uint8_t>(level(random));
    }
    GrayImage before = frame;
    EXPECT_FALSE(QrDecoder().decode(frame));
    EXPECT_EQ(frame.pixels, before.pixels);
}

TEST(QrDecoderTest, NoSymbolAndBadFramesAreNotErrors) {
    QrDecoder decoder;
    GrayImage blank;
    blank.width = 640;
    blank.height = 480;
    blank.pixels.assign(blank.size(), 200);
    EXPECT_FALSE(decoder.decode(blank));
    EXPECT_FALSE(decoder.decode(GrayImage{}));
    GrayImage inconsistent = blank;
    inconsistent.pixels.resize(10);
    EXPECT_FALSE(decoder.decode(inconsistent));
}

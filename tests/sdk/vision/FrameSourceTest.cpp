// Frames from still images and video files; a missing camera or file is a typed error.
#include "vision/FrameSource.h"

#include <gtest/gtest.h>

#include "TestImages.h"
#include "base/Error.h"
#include "qr/QrText.h"
#include "support/TestData.h"
#include "vision/ImageFile.h"
#include "vision/QrScan.h"

using namespace cccd;
using namespace cccd::vision;

TEST(FrameSourceTest, StillImagesInOrder) {
    std::filesystem::path dir = test::binaryDir() / "vision-test";
    std::filesystem::create_directories(dir);
    std::string payload = visiontest::examplePayload();
    writeImageFile(dir / "a.png", visiontest::scene(payload, 4));
    writeImageFile(dir / "b.png", visiontest::scene(payload, 6));
    FrameSource source = FrameSource::images({dir / "a.png", dir / "b.png"});
    std::optional<GrayImage> a = source.next();
    std::optional<GrayImage> b = source.next();
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->pixels, b->pixels);
    EXPECT_FALSE(source.next());
}

TEST(FrameSourceTest, MissingSourcesAreIoErrors) {
    try {
        (void)FrameSource::video(test::binaryDir() / "no-such-video.avi");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
    }
    try {
        (void)FrameSource::camera(-1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
    }
}

// A video file, frame by frame; the QR appears in the last frames only, as when a card is
// brought under the camera, and the scan finds it.
TEST(FrameSourceTest, VideoFileFramesAndScan) {
    std::filesystem::path dir = test::binaryDir() / "vision-test";
    std::filesystem::create_directories(dir);
    std::string payload = visiontest::examplePayload();
    GrayImage empty;
    empty.width = 1920;
    empty.height = 1080;
    empty.pixels.assign(empty.size(), 150);
    std::vector<GrayImage> frames(4, empty);
    frames.push_back(visiontest::scene(payload, 5));
    frames.push_back(visiontest::scene(payload, 5, 720, 310));
    visiontest::writeVideo(dir / "card.avi", frames);

    FrameSource counting = FrameSource::video(dir / "card.avi");
    int count = 0;
    while (std::optional<GrayImage> frame = counting.next()) {
        EXPECT_EQ(frame->width, 1920);
        ++count;
    }
    EXPECT_EQ(count, 6);

    FrameSource source = FrameSource::video(dir / "card.avi");
    QrScanResult scan = scanForQr(source, std::chrono::seconds(30), false);
    ASSERT_TRUE(scan.symbol);
    EXPECT_EQ(qr::decodeQrText(ByteView(scan.symbol->bytes)), payload);
    EXPECT_EQ(scan.frames.decoded, 5u) << "every frame of a file is decoded until the symbol";
}

// Frames from still images and video files; a missing camera or file is a typed error.
#include "vision/FrameSource.h"

#include <gtest/gtest.h>

#include "TestImages.h"
#include "base/Error.h"
#include "support/TestData.h"
#include "vision/ImageFile.h"

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

// cccd-qr end to end: photos, a keyboard-wedge scanner on stdin, pasted text; the payload, the
// fields and the keys as JSON; a distinct exit code for each failure.
#include <fstream>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "sdk/vision/TestImages.h"
#include "support/Process.h"
#include "support/TestData.h"
#include "vision/ImageFile.h"

namespace cccd {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path program() {
    return test::binaryDir() / "bin/cccd-qr";
}

test::RunResult cccdQr(const std::vector<std::string>& args) {
    return test::run(program(), args, std::chrono::seconds(60));
}

fs::path scratch(const std::string& name) {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(testing::TempDir()) / ("cccd-qr-" + std::string(info->name()));
    fs::create_directories(dir);
    return dir / name;
}

std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

} // namespace

TEST(QrSampleTest, PhotoGivesPayloadFieldsAndKeys) {
    std::string payload = visiontest::examplePayload();
    fs::path photo = scratch("card.jpg");
    vision::writeImageFile(photo, visiontest::scene(payload, 5));
    test::RunResult r = cccdQr({photo.string()});
    ASSERT_EQ(r.exitCode, 0) << r.errors << r.output;
    json out = json::parse(r.output).at(0);
    EXPECT_EQ(out["text"], payload);
    EXPECT_EQ(out["qr"]["full_name"], "Nguyễn Văn An");
    EXPECT_EQ(out["qr"]["date_of_birth"], "1990-05-14");
    EXPECT_EQ(out["keys"]["can"], out["qr"]["personal_id_number"].get<std::string>().substr(6));
    EXPECT_EQ(out["keys"]["bac_candidates"][0]["expiry_date"], "300514");
}

TEST(QrSampleTest, PhotoWithoutQrAndMissingFileHaveTheirCodes) {
    fs::path blank = scratch("blank.png");
    vision::GrayImage image;
    image.width = 320;
    image.height = 200;
    image.pixels.assign(image.size(), 180);
    vision::writeImageFile(blank, image);
    test::RunResult none = cccdQr({blank.string()});
    EXPECT_EQ(none.exitCode, 8) << none.output;
    EXPECT_EQ(json::parse(none.output).at(0)["error"]["code"], "no_qr");

    test::RunResult missing = cccdQr({scratch("absent.jpg").string()});
    EXPECT_EQ(missing.exitCode, 10) << missing.output;
}

TEST(QrSampleTest, OtherQrIsNotTheCards) {
    fs::path photo = scratch("url.png");
    vision::writeImageFile(photo, visiontest::scene("https://example.invalid/", 6));
    test::RunResult r = cccdQr({photo.string()});
    EXPECT_EQ(r.exitCode, 9) << r.output;
    json out = json::parse(r.output).at(0);
    EXPECT_EQ(out["error"]["code"], "not_card_qr");
    EXPECT_EQ(out["error"]["field"], "payload");
}

TEST(QrSampleTest, KeyboardWedgeScannerOnStdin) {
    std::string payload = visiontest::examplePayload();
    std::string script = "printf '%s\\r\\n' " + shellQuoted(payload) + " | " +
                         shellQuoted(program().string()) + " --scanner";
    test::RunResult r = test::run("/bin/sh", {"-c", script}, std::chrono::seconds(60));
    ASSERT_EQ(r.exitCode, 0) << r.errors << r.output;
    json out = json::parse(r.output);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0]["text"], payload);
}

TEST(QrSampleTest, VideoFile) {
    std::string payload = visiontest::examplePayload();
    fs::path video = scratch("card.avi");
    visiontest::writeVideo(video, {visiontest::scene(payload, 5), visiontest::scene(payload, 5)});
    test::RunResult r = cccdQr({"--video", video.string()});
    ASSERT_EQ(r.exitCode, 0) << r.errors << r.output;
    json out = json::parse(r.output).at(0);
    EXPECT_EQ(out["text"], payload);
    EXPECT_EQ(out["frames"]["decoded"], 1);

    test::RunResult missing = cccdQr({"--video", scratch("absent.avi").string()});
    EXPECT_EQ(missing.exitCode, 10) << missing.output;
}

TEST(QrSampleTest, NoInputIsUsage) {
    EXPECT_EQ(cccdQr({}).exitCode, 2);
}

} // namespace cccd

// The ratchet's photo generator: the same set every time, payloads the SDK's parser accepts as
// the card's, and the QR where the generator says it is.
#include "emulator/qr/CardPhoto.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "qr/QrPayload.h"
#include "support/TestData.h"
#include "vision/ImageFile.h"
#include "vision/QrDecoder.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

std::vector<Persona> personas() {
    std::vector<Persona> out;
    for (const char* name : {"vn-basic", "vn-no-expiry", "vn-long-residence"}) {
        out.push_back(loadPersona(test::sourceDir() / "drivers/emulator/personas" /
                                  (std::string(name) + ".json")));
    }
    return out;
}

} // namespace

TEST(CardPhotoTest, SetIsTheSameEveryTime) {
    std::vector<CardPhotoSpec> first = cardPhotoSet(personas(), 3);
    std::vector<CardPhotoSpec> second = cardPhotoSet(personas(), 3);
    ASSERT_EQ(first.size(), 3 * AllPhotoCategories.size());
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].seed, second[i].seed);
        EXPECT_EQ(first[i].payload, second[i].payload);
        EXPECT_EQ(first[i].modulePixels, second[i].modulePixels);
        EXPECT_EQ(first[i].rotationDegrees, second[i].rotationDegrees);
    }
    EXPECT_EQ(renderCardPhoto(first[4]).jpeg, renderCardPhoto(second[4]).jpeg);
}

TEST(CardPhotoTest, PayloadsAreTheCardsQrInBothLayouts) {
    std::vector<Persona> people = personas();
    int layouts2024 = 0;
    for (const CardPhotoSpec& spec : cardPhotoSet(people, 4)) {
        qr::QrPayload parsed = qr::QrPayload::parse(spec.payload);
        bool is2024 = spec.layout == CardQrLayout::CanCuoc2024;
        layouts2024 += is2024 ? 1 : 0;
        EXPECT_EQ(parsed.layout, is2024 ? qr::QrLayout::CanCuoc2024 : qr::QrLayout::Cccd2021);
        auto persona = std::find_if(people.begin(), people.end(),
                                    [&](const Persona& p) { return p.profile == spec.persona; });
        ASSERT_NE(persona, people.end());
        EXPECT_EQ(parsed.personalIdNumber, persona->personalIdNumber);
        EXPECT_EQ(parsed.fullName, persona->fullName);
        EXPECT_EQ(parsed.oldIdNumber, persona->oldIdNumber.value_or(""));
        EXPECT_EQ(parsed.dateOfBirth, persona->dateOfBirth);
        EXPECT_EQ(parsed.dateOfIssue, persona->dateOfIssue);
    }
    EXPECT_GT(layouts2024, 0);
}

TEST(CardPhotoTest, CleanPhotoShowsTheQrWhereTheGeneratorSays) {
    CardPhotoSpec spec = cardPhotoSet(personas(), 1).front();
    ASSERT_EQ(spec.category, PhotoCategory::Clean);
    CardPhoto photo = renderCardPhoto(spec);
    std::filesystem::path file = std::filesystem::temp_directory_path() / "cccd-card-photo.jpg";
    {
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(photo.jpeg.data()),
                  static_cast<std::streamsize>(photo.jpeg.size()));
    }
    vision::GrayImage image = vision::readImageFile(file);
    std::filesystem::remove(file);
    EXPECT_EQ(image.width, PhotoWidth);
    EXPECT_EQ(image.height, PhotoHeight);

    std::optional<vision::QrSymbol> symbol = vision::QrDecoder().decode(image);
    ASSERT_TRUE(symbol);
    EXPECT_EQ(symbol->bytes, toBytes(spec.payload));
    // ZXing reports the corners of the symbol's outer modules, within a module or so.
    double tolerance = 2.0 * spec.modulePixels;
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_NEAR(symbol->corners[i].x, photo.qrCorners[i][0], tolerance) << i;
        EXPECT_NEAR(symbol->corners[i].y, photo.qrCorners[i][1], tolerance) << i;
    }
}

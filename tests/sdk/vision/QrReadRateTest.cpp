// The read-rate ratchet: every photo of the generated set (cccd-qr-photos, built into
// build/qr-photos) through readImageFile and QrDecoder. A category must decode at least the number
// of photos tests/data/qr-read-rate.json names; a decode of other bytes than the card's payload
// is a failure, never a success. The minima only go up: raise them when the decoder improves.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/TestData.h"
#include "vision/ImageFile.h"
#include "vision/QrDecoder.h"

using namespace cccd;
using namespace cccd::vision;

namespace {

struct PhotoResult {
    std::string file;
    std::string category;
    bool decoded = false;
    bool wrong = false; ///< a symbol came back with other bytes than the payload
    std::string pass;
};

struct CategoryCount {
    int photos = 0;
    int decoded = 0;
    std::map<std::string, int> passes;
};

std::filesystem::path photoDir() {
    return test::binaryDir() / "qr-photos";
}

nlohmann::json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        return nullptr;
    }
    return nlohmann::json::parse(in);
}

nlohmann::json manifest() {
    nlohmann::json out = readJson(photoDir() / "manifest.json");
    if (out.is_null()) {
        ADD_FAILURE() << "no photo set in " << photoDir() << ": build the target cccd_qr_photos";
        return nlohmann::json::array();
    }
    return out.at("photos");
}

PhotoResult decodePhoto(const nlohmann::json& photo) {
    PhotoResult result;
    result.file = photo.at("file").get<std::string>();
    result.category = photo.at("category").get<std::string>();
    // Each photo is a new card: a fresh decoder, no region tracked from another photo.
    QrDecoder decoder;
    std::optional<QrSymbol> symbol = decoder.decode(readImageFile(photoDir() / result.file));
    if (symbol) {
        result.decoded = symbol->bytes == toBytes(photo.at("payload").get<std::string>());
        result.wrong = !result.decoded;
        result.pass = symbol->pass;
    }
    return result;
}

std::map<std::string, CategoryCount> countByCategory(const std::vector<PhotoResult>& results) {
    std::map<std::string, CategoryCount> out;
    for (const PhotoResult& result : results) {
        CategoryCount& count = out[result.category];
        ++count.photos;
        if (result.decoded) {
            ++count.decoded;
            ++count.passes[result.pass];
        }
    }
    return out;
}

// The table of the run, with the passes that found the symbols (for tuning).
void printTable(const std::map<std::string, CategoryCount>& counts, const nlohmann::json& minimum,
                double seconds) {
    std::printf("\n%-14s %6s %8s %8s  %s\n", "category", "photos", "decoded", "minimum",
                "passes that decoded");
    int photos = 0;
    int decoded = 0;
    for (const auto& [category, count] : counts) {
        std::string passes;
        for (const auto& [pass, n] : count.passes) {
            passes += pass + "=" + std::to_string(n) + " ";
        }
        std::printf("%-14s %6d %8d %8d  %s\n", category.c_str(), count.photos, count.decoded,
                    minimum.value(category, -1), passes.c_str());
        photos += count.photos;
        decoded += count.decoded;
    }
    std::printf("%-14s %6d %8d           %.1f s\n", "all", photos, decoded, seconds);
}

} // namespace

TEST(QrReadRateTest, SetHasEveryCategoryAtFullHd) {
    nlohmann::json set = readJson(photoDir() / "manifest.json");
    ASSERT_FALSE(set.is_null()) << "build the target cccd_qr_photos";
    EXPECT_EQ(set.at("width"), 1920);
    EXPECT_EQ(set.at("height"), 1080);
    EXPECT_GE(set.at("photos").size(), 200U);
    nlohmann::json minimum = readJson(test::testDataDir() / "qr-read-rate.json");
    std::map<std::string, int> photos;
    for (const nlohmann::json& photo : set.at("photos")) {
        ++photos[photo.at("category").get<std::string>()];
    }
    EXPECT_EQ(photos.size(), minimum.at("minimum_decodes").size());
    for (const auto& [category, count] : photos) {
        EXPECT_TRUE(minimum.at("minimum_decodes").contains(category))
            << category << " has no minimum in tests/data/qr-read-rate.json";
        EXPECT_GE(count, 20) << category;
    }
}

TEST(QrReadRateTest, CleanPhotosDecodeOnTheFirstPass) {
    // Easy frames must stay fast: they decode on the first pass (the symbol's likely regions cut
    // at about five, then three and a half pixels a module), before any pass over the whole
    // frame. The few it may miss are bounded by a minimum that only goes up as well.
    nlohmann::json minima = readJson(test::testDataDir() / "qr-read-rate.json");
    ASSERT_FALSE(minima.is_null()) << "tests/data/qr-read-rate.json is missing";
    int clean = 0;
    int firstPass = 0;
    for (const nlohmann::json& photo : manifest()) {
        if (photo.at("category") != "clean") {
            continue;
        }
        ++clean;
        PhotoResult result = decodePhoto(photo);
        EXPECT_TRUE(result.decoded) << result.file;
        firstPass += result.pass.starts_with("located") ? 1 : 0;
    }
    EXPECT_GT(clean, 0);
    EXPECT_GE(firstPass, minima.at("minimum_clean_first_pass").get<int>())
        << "fewer clean photos decode on the first pass";
}

TEST(QrReadRateTest, EveryCategoryReachesItsMinimum) {
    nlohmann::json minima = readJson(test::testDataDir() / "qr-read-rate.json");
    ASSERT_FALSE(minima.is_null()) << "tests/data/qr-read-rate.json is missing";
    const nlohmann::json& minimum = minima.at("minimum_decodes");

    auto start = std::chrono::steady_clock::now();
    std::vector<PhotoResult> results;
    for (const nlohmann::json& photo : manifest()) {
        results.push_back(decodePhoto(photo));
        EXPECT_FALSE(results.back().wrong)
            << results.back().file << " decoded to bytes other than its payload";
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::map<std::string, CategoryCount> counts = countByCategory(results);
    printTable(counts, minimum, seconds);

    for (const auto& [category, count] : counts) {
        ASSERT_TRUE(minimum.contains(category)) << category << " has no minimum: add one";
        int floor = minimum.at(category).get<int>();
        EXPECT_GE(count.decoded, floor) << category << " decodes fewer photos than its minimum";
        if (count.decoded > floor) {
            std::printf("%s: %d decoded, raise its minimum from %d\n", category.c_str(),
                        count.decoded, floor);
        }
    }
}

// Every fuzzing harness (fuzz/harness) in the normal build: over its seeds, its regression
// inputs (fuzz/regressions/<name>) and deterministic mutations of them, so that the harnesses
// always compile and a crash libFuzzer once found stays fixed. A harness lets through anything
// but cccd::Error; here that fails the test, under the sanitizers a crash would.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <typeinfo>
#include <vector>

#include <gtest/gtest.h>

#include "harness/Harnesses.h"
#include "harness/HostileCard.h"
#include "seeds/SeedCorpus.h"
#include "support/TestData.h"

using namespace cccd;

namespace {

// Mutations per harness; a hostile card run is a whole card session, so it gets fewer.
constexpr std::size_t Mutations = 2000;
constexpr std::size_t HostileCardMutations = 300;
// Seeds above this size (the 900 KB master list) run once, unmutated: the rest stay fast.
constexpr std::size_t MaxMutatedSeedSize = 64 * 1024;

fuzz::HarnessFunction harnessNamed(const std::string& name) {
    for (const fuzz::Harness& h : fuzz::harnesses()) {
        if (h.name == name) {
            return h.run;
        }
    }
    return nullptr;
}

std::vector<fuzz::Seed> seedsOf(const std::string& name) {
    fuzz::SeedCorpus corpus = fuzz::buildSeedCorpus(test::specDir(), test::binaryDir() / "profiles",
                                                    test::sourceDir() / "drivers/emulator/personas",
                                                    name == "hostile-card");
    return corpus[name];
}

std::vector<fuzz::Seed> regressionsOf(const std::string& name) {
    return fuzz::regressionInputs(test::sourceDir() / "fuzz/regressions", name);
}

// Bytes a length octet or tag is often confused by (ISO/IEC 8825-1 §8.1.3).
constexpr std::uint8_t LengthBytes[] = {0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0xFF};

// One deterministic change: a bit flip, a cut, a length-like byte, a byte more or less, or a
// repeated run.
Bytes mutate(Bytes input, std::mt19937& random) {
    auto pick = [&random](std::size_t bound) {
        return std::uniform_int_distribution<std::size_t>(0, bound - 1)(random);
    };
    if (input.empty()) {
        return Bytes{static_cast<std::uint8_t>(pick(256))};
    }
    std::size_t at = pick(input.size());
    switch (pick(6)) {
    case 0:
        input[at] ^= static_cast<std::uint8_t>(1u << pick(8));
        break;
    case 1:
        input.resize(at);
        break;
    case 2:
        input[at] = LengthBytes[pick(std::size(LengthBytes))];
        break;
    case 3:
        input[at] = static_cast<std::uint8_t>(input[at] + (pick(2) == 0 ? 1 : 0xFF));
        break;
    case 4:
        input.erase(input.begin() + static_cast<std::ptrdiff_t>(at));
        break;
    default: {
        std::size_t length = std::min<std::size_t>(1 + pick(16), input.size() - at);
        Bytes run(input.begin() + static_cast<std::ptrdiff_t>(at),
                  input.begin() + static_cast<std::ptrdiff_t>(at + length));
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), run.begin(), run.end());
        break;
    }
    }
    return input;
}

void run(fuzz::HarnessFunction harness, const Bytes& input, const std::string& what) {
    try {
        harness(input.data(), input.size());
    } catch (const std::exception& e) {
        // The input's head is enough to recognise it; what the seed is comes from its name.
        ByteView head(input.data(), std::min<std::size_t>(input.size(), 64));
        ADD_FAILURE() << what << ": " << typeid(e).name() << " escaped the harness: " << e.what()
                      << " (input of " << input.size() << " bytes, starting " << toHex(head) << ")";
    }
}

class FuzzReplayTest : public testing::TestWithParam<std::string> {};

} // namespace

TEST_P(FuzzReplayTest, SeedsRegressionsAndMutationsGiveOnlyTypedErrors) {
    const std::string name = GetParam();
    fuzz::HarnessFunction harness = harnessNamed(name);
    ASSERT_NE(harness, nullptr);

    std::vector<fuzz::Seed> inputs = seedsOf(name);
    EXPECT_FALSE(inputs.empty()) << "no seeds for " << name;
    if (name == "hostile-card") {
        // Recorded read sessions of the generated profiles, beyond the one hand-made seed.
        EXPECT_GE(inputs.size(), 5u);
    }
    std::vector<fuzz::Seed> regressions = regressionsOf(name);
    inputs.insert(inputs.end(), regressions.begin(), regressions.end());
    for (const fuzz::Seed& seed : inputs) {
        run(harness, seed.data, seed.name);
    }

    std::vector<const fuzz::Seed*> mutable_;
    for (const fuzz::Seed& seed : inputs) {
        if (seed.data.size() <= MaxMutatedSeedSize) {
            mutable_.push_back(&seed);
        }
    }
    ASSERT_FALSE(mutable_.empty());
    std::mt19937 random(20240601u);
    std::size_t count = name == "hostile-card" ? HostileCardMutations : Mutations;
    for (std::size_t i = 0; i < count; ++i) {
        const fuzz::Seed& seed = *mutable_[i % mutable_.size()];
        Bytes input = mutate(seed.data, random);
        for (std::size_t more = random() % 3; more > 0; --more) {
            input = mutate(std::move(input), random);
        }
        run(harness, input, seed.name + " mutation " + std::to_string(i));
    }
}

TEST(FuzzReplayTest, EveryRegressionDirectoryNamesAHarness) {
    std::filesystem::path dir = test::sourceDir() / "fuzz/regressions";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_directory()) {
            EXPECT_NE(harnessNamed(entry.path().filename().string()), nullptr)
                << entry.path().filename();
        }
    }
}

// The recorded sessions are only worth their bytes while they still take the reader through
// access control to the files: a change in the reader's commands shows up here first.
TEST(FuzzReplayTest, RecordedCardSessionsStillReadTheCard) {
    std::size_t sessions = 0;
    for (const fuzz::Seed& seed : seedsOf("hostile-card")) {
        if (!seed.name.starts_with("session-")) {
            continue;
        }
        ++sessions;
        try {
            reader::Document document = fuzz::readHostileCard(seed.data);
            EXPECT_TRUE(document.readout.dataGroups.contains(1)) << seed.name;
            EXPECT_TRUE(document.parseIssues.empty()) << seed.name;
        } catch (const Error& e) {
            ADD_FAILURE() << seed.name << ": " << e.what();
        }
    }
    EXPECT_GE(sessions, 5u);
}

namespace {

std::vector<std::string> harnessNames() {
    std::vector<std::string> out;
    for (const fuzz::Harness& h : fuzz::harnesses()) {
        out.emplace_back(h.name);
    }
    return out;
}

std::string testName(const testing::TestParamInfo<std::string>& info) {
    std::string out = info.param;
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Harness, FuzzReplayTest, testing::ValuesIn(harnessNames()), testName);

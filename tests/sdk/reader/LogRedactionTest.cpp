// STYLE.md §7: no personal data, MRZ or keys in logs or error messages. Every profile is read
// and interpreted with a Debug log sink, and again with each fault of the emulated card; every
// log line, Error::what() and parse issue is searched for the persona's values.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "base/Log.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "support/PersonaJson.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

// Everything the SDK said: log lines and error texts.
struct Transcript {
    std::vector<std::string> lines;

    void add(std::string_view text) { lines.emplace_back(text); }
};

void expectNoSecrets(const Transcript& transcript, const std::vector<std::string>& secrets) {
    for (const std::string& line : transcript.lines) {
        for (const std::string& secret : secrets) {
            EXPECT_EQ(line.find(secret), std::string::npos) << "\"" << line << "\" leaks a value";
        }
    }
}

void readAndInterpret(emulator::EmulatorChannel& card, const std::string& name,
                      Transcript& transcript, const reader::ReadOptions& options) {
    try {
        reader::Document document =
            reader::interpret(reader::readCard(card, accessKey(name), options), trustStore());
        for (const reader::ParseIssue& issue : document.parseIssues) {
            transcript.add(issue.reason);
        }
        transcript.add(document.passiveAuthentication.sodParseError);
    } catch (const Error& e) {
        transcript.add(e.what());
    }
}

class LogRedactionTest : public testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        setLogSink(
            [this](LogLevel, std::string_view category, std::string_view text) {
                m_transcript.add(std::string(category) + ": " + std::string(text));
            },
            LogLevel::Debug);
    }

    void TearDown() override { setLogSink(nullptr); }

    Transcript m_transcript;
};

TEST_P(LogRedactionTest, NoPersonalDataInLogsOrErrors) {
    const std::string name = GetParam();
    std::vector<std::function<void(emulator::FaultPlan&)>> faults = {
        [](emulator::FaultPlan&) {},
        [](emulator::FaultPlan& f) { f.nextResponse.corruptMac = true; },
        [](emulator::FaultPlan& f) { f.nextResponse.corruptCryptogram = true; },
        [](emulator::FaultPlan& f) { f.nextResponse.dropObject = 0x99; },
        [](emulator::FaultPlan& f) { f.nextStatusWord = 0x6988; },
        [](emulator::FaultPlan& f) { f.nextStatusWord = 0x6A82; },
        [](emulator::FaultPlan& f) {
            f.removal = emulator::FaultPlan::Removal{0x0101, 10};
        },
    };
    for (const auto& fault : faults) {
        for (auto mode : {reader::ExtendedLengthMode::Never, reader::ExtendedLengthMode::Auto}) {
            emulator::EmulatorChannel card = cardOnReader(name);
            reader::ReadOptions options;
            options.extendedLength = mode;
            options.random = seededRandom(3);
            auto armed = std::make_shared<bool>(false);
            options.onProgress = [&card, &fault, armed](const reader::ReadProgress&) {
                if (!*armed) {
                    *armed = true;
                    fault(card.card().faults());
                }
            };
            readAndInterpret(card, name, m_transcript, options);
        }
    }
    // A corrupted data group: the hash mismatch and the parse failure are reported, not shown.
    emulator::EmulatorChannel corrupted = cardOnReader(name);
    corrupted.card().corruptFile(0x0101, 5);
    readAndInterpret(corrupted, name, m_transcript, {});

    // The wrong key.
    emulator::EmulatorChannel card = cardOnReader(name);
    try {
        (void)reader::readCard(card, mrz::MrzKey("AB1234567", "010101", "300101"), {});
    } catch (const Error& e) {
        m_transcript.add(e.what());
    }

    EXPECT_FALSE(m_transcript.lines.empty());
    expectNoSecrets(m_transcript, test::personaSecrets(name));
}

INSTANTIATE_TEST_SUITE_P(Profiles, LogRedactionTest,
                         testing::Values("vn-basic", "vn-long-residence", "vn-no-expiry",
                                         "bsi-reference"),
                         [](const auto& param) {
                             std::string n = param.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

} // namespace

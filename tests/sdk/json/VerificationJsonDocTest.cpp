// docs/json-verification.md against the code: every status value the code can produce and every
// key it writes must be documented, and the document's example must be the real output.
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "json/VerificationJson.h"
#include "support/TestData.h"
#include "verify/CheckStatus.h"
#include "verify/TrustStore.h"

namespace cccd::json {
namespace {

using nlohmann::json;

std::string documentText() {
    return toString(test::readFile(test::sourceDir() / "docs/json-verification.md"));
}

// The text from a heading to the next heading of any level.
std::string section(const std::string& doc, const std::string& heading) {
    auto start = doc.find("\n" + heading + "\n");
    if (start == std::string::npos) {
        return {};
    }
    auto end = doc.find("\n#", start + heading.size() + 1);
    return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Every name of an enum, found by walking its values until the *Name function no longer knows
// one: a new enumerator is picked up without touching this test.
template <typename Enum> std::vector<std::string> allNames(std::string_view (*name)(Enum)) {
    std::vector<std::string> names;
    for (int i = 0; i < 64; ++i) {
        std::string_view text = name(static_cast<Enum>(i));
        if (text == "unknown") {
            break;
        }
        names.emplace_back(text);
    }
    return names;
}

struct StatusSection {
    std::string heading;
    std::vector<std::string> names;
};

std::vector<StatusSection> statusSections() {
    using namespace verify;
    return {
        {"### `verdict` values", allNames(verdictName)},
        {"### `parse` values", allNames(parseStatusName)},
        {"### Data group `status` values", allNames(dgHashStatusName)},
        {"### `signer_certificate` values", allNames(signerCertificateStatusName)},
        {"### `signature` values", allNames(signatureStatusName)},
        {"### `chain` values", allNames(chainStatusName)},
        {"### Validity values", allNames(validityStatusName)},
        {"### `reference_time_source` values", allNames(referenceTimeSourceName)},
    };
}

TEST(VerificationJsonDocTest, EveryStatusValueIsDocumentedInItsSection) {
    const std::string doc = documentText();
    for (const StatusSection& s : statusSections()) {
        std::string text = section(doc, s.heading);
        ASSERT_FALSE(text.empty()) << "no section " << s.heading;
        EXPECT_GE(s.names.size(), 3U) << s.heading;
        for (const std::string& name : s.names) {
            EXPECT_NE(text.find("| `" + name + "` |"), std::string::npos)
                << name << " is not documented under " << s.heading;
        }
    }
}

void collectKeys(const json& value, std::set<std::string>& keys) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            keys.insert(key);
            collectKeys(child, keys);
        }
    } else if (value.is_array()) {
        for (const json& child : value) {
            collectKeys(child, keys);
        }
    }
}

verify::TrustStore germanMasterList() {
    verify::TrustStore store;
    store.addFile(test::specDir() / "samples/masterlists/DE_ML_2026-05-28-08-28-45.ml");
    return store;
}

TEST(VerificationJsonDocTest, EveryKeyIsDocumented) {
    const auto samples = test::specDir() / "samples";
    verify::TrustStore trust = germanMasterList();
    Bytes sod = test::readFile(samples / "bsi-tr03105-5-reference-dataset/EF_SOD.bin");
    Bytes dg1 = test::readFile(samples / "bsi-tr03105-5-reference-dataset/Datagroup1.bin");
    std::set<std::string> keys;
    collectKeys(toJson(verify::passiveAuthentication(sod, {{1, dg1}}, trust)), keys);
    collectKeys(toJson(verify::passiveAuthentication(
                    test::readFile(samples / "real-sods/UK2_EF_SOD.bin"), {}, trust)),
                keys);
    collectKeys(toJson(verify::verifyCardSecurity(
                    test::readFile(samples / "de-real-pace-cam/EF_CardSecurity.bin"), trust)),
                keys);
    collectKeys(toJson(trust.masterListReports().at(0)), keys);

    const std::string doc = documentText();
    for (const std::string& key : keys) {
        bool documented = doc.find("| `" + key + "` |") != std::string::npos ||
                          doc.find("." + key + "` |") != std::string::npos;
        EXPECT_TRUE(documented) << "key " << key << " has no row in docs/json-verification.md";
    }
}

TEST(VerificationJsonDocTest, ExampleIsTheRealReport) {
    const std::string doc = documentText();
    auto start = doc.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    start += 8;
    json example = json::parse(doc.substr(start, doc.find("```", start) - start));

    // The example's command line: BSI set, DG1, DG14, DG15, no anchor, --at 2014-06-01.
    const auto dir = test::specDir() / "samples/bsi-tr03105-5-reference-dataset";
    Bytes sod = test::readFile(dir / "EF_SOD.bin");
    std::map<int, Bytes> dataGroups = {{1, test::readFile(dir / "Datagroup1.bin")},
                                       {14, test::readFile(dir / "Datagroup14.bin")},
                                       {15, test::readFile(dir / "Datagroup15.bin")}};
    auto at = std::chrono::sys_days(std::chrono::year(2014) / 6 / 1);
    auto report = verify::passiveAuthentication(sod, dataGroups, verify::TrustStore{}, at);
    EXPECT_EQ(example["passive_authentication"], toJson(report, sodHashAlgorithm(sod)));
    EXPECT_EQ(example["schema_version"], VerificationSchemaVersion);
}

} // namespace
} // namespace cccd::json

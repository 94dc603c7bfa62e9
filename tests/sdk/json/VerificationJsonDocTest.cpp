// docs/json-verification.md against the code: every status value the code can produce and every
// key it writes must be documented, and the document's example must be the real output.
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "JsonDoc.h"
#include "json/VerificationJson.h"
#include "support/TestData.h"
#include "verify/CheckStatus.h"
#include "verify/TrustStore.h"

namespace cccd::json {
namespace {

using nlohmann::json;

std::string documentText() {
    return doc::text("json-verification.md");
}

struct StatusSection {
    std::string heading;
    std::vector<std::string> names;
};

std::vector<StatusSection> statusSections() {
    using namespace verify;
    return {
        {"### `verdict` values", doc::allNames(verdictName)},
        {"### `parse` values", doc::allNames(parseStatusName)},
        {"### Data group `status` values", doc::allNames(dgHashStatusName)},
        {"### `signer_certificate` values", doc::allNames(signerCertificateStatusName)},
        {"### `certificate_profile` values", doc::allNames(certificateProfileStatusName)},
        {"### `signature` values", doc::allNames(signatureStatusName)},
        {"### `chain` values", doc::allNames(chainStatusName)},
        {"### Validity values", doc::allNames(validityStatusName)},
        {"### `reference_time_source` values", doc::allNames(referenceTimeSourceName)},
    };
}

TEST(VerificationJsonDocTest, EveryStatusValueIsDocumentedInItsSection) {
    const std::string docText = documentText();
    for (const StatusSection& s : statusSections()) {
        std::string text = doc::section(docText, s.heading);
        ASSERT_FALSE(text.empty()) << "no section " << s.heading;
        EXPECT_GE(s.names.size(), 3U) << s.heading;
        for (const std::string& name : s.names) {
            EXPECT_TRUE(doc::hasRow(text, name))
                << name << " is not documented under " << s.heading;
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
    doc::collectKeys(toJson(verify::passiveAuthentication(sod, {{1, dg1}}, trust)), keys);
    doc::collectKeys(toJson(verify::passiveAuthentication(
                         test::readFile(samples / "real-sods/UK2_EF_SOD.bin"), {}, trust)),
                     keys);
    doc::collectKeys(toJson(verify::verifyCardSecurity(
                         test::readFile(samples / "de-real-pace-cam/EF_CardSecurity.bin"), trust)),
                     keys);
    doc::collectKeys(toJson(trust.masterListReports().at(0)), keys);

    const std::string docText = documentText();
    for (const std::string& key : keys) {
        bool documented =
            doc::hasRow(docText, key) || docText.find("." + key + "` |") != std::string::npos;
        EXPECT_TRUE(documented) << "key " << key << " has no row in docs/json-verification.md";
    }
}

TEST(VerificationJsonDocTest, ExampleIsTheRealReport) {
    const std::string exampleText = doc::jsonExample(documentText());
    ASSERT_FALSE(exampleText.empty());
    json example = json::parse(exampleText);

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

// The evidence bundle of a read: what it holds and leaves out, the caller's choice of data
// groups, and a reader that refuses every malformed, truncated or unknown bundle with a typed
// error.
#include "evidence/EvidenceBundle.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include <gtest/gtest.h>

#include "EvidenceTestSupport.h"
#include "evidence/Base64.h"
#include "evidence/Reverification.h"
#include "evidence/ReverificationJson.h"

using namespace cccd;
using namespace cccd::evidencetest;
using Json = nlohmann::json;

namespace {

std::set<int> groupsOf(const reader::CardReadout& readout) {
    std::set<int> out;
    for (const auto& [dg, bytes] : readout.dataGroups) {
        out.insert(dg);
    }
    return out;
}

// vn-basic's bundle as JSON, to be damaged by a test.
const Json& basicBundle() {
    static const Json bundle =
        Json::parse(evidence::serializeBundle(evidence::makeBundle(readOf("vn-basic"))));
    return bundle;
}

} // namespace

TEST(EvidenceBundleTest, HoldsEveryFileReadAndTheChipProofByDefault) {
    reader::CardReadout readout = readOf("vn-basic");
    evidence::EvidenceBundle bundle = throughText(evidence::makeBundle(readout));

    EXPECT_EQ(bundle.readout.dataGroups, readout.dataGroups);
    EXPECT_EQ(bundle.readout.efCom, readout.efCom);
    EXPECT_EQ(bundle.readout.efSod, readout.efSod);
    EXPECT_EQ(bundle.readout.efCardAccess, readout.efCardAccess);
    EXPECT_EQ(bundle.readout.efAtrInfo, readout.efAtrInfo);
    EXPECT_EQ(bundle.readout.atr, readout.atr);
    EXPECT_EQ(bundle.readout.access.protocol, readout.access.protocol);
    EXPECT_EQ(bundle.readout.access.paceParameterId, readout.access.paceParameterId);
    EXPECT_TRUE(bundle.leftOut.empty());
    ASSERT_TRUE(bundle.readout.chipAuthentication.has_value());
    EXPECT_EQ(bundle.readout.chipAuthentication->chipPublicKey,
              readout.chipAuthentication->chipPublicKey);
    EXPECT_EQ(bundle.readout.chipAuthentication->terminalEphemeralPublicKey,
              readout.chipAuthentication->terminalEphemeralPublicKey);
    EXPECT_EQ(bundle.readout.chipAuthentication->status, readout.chipAuthentication->status);
    EXPECT_EQ(bundle.version, evidence::BundleVersion);
    EXPECT_EQ(bundle.sdkVersion, evidence::sdkVersion());
    EXPECT_EQ(bundle.readTime.size(), std::string("2026-12-05T09:12:13Z").size());
}

// The access key opens the card and the session keys protect one session: neither is evidence.
TEST(EvidenceBundleTest, HoldsNoAccessKeyNorSessionKey) {
    reader::CardReadout readout = readOf("vn-basic");
    ASSERT_TRUE(readout.mrzKey.has_value());
    Json bundle = Json::parse(evidence::serializeBundle(evidence::makeBundle(readout)));

    std::set<std::string> members;
    for (const auto& [name, value] : bundle.items()) {
        members.insert(name);
    }
    EXPECT_EQ(members,
              (std::set<std::string>{"format", "version", "read_time", "sdk_version", "atr",
                                     "access", "files", "files_skipped", "data_groups_left_out",
                                     "active_authentication", "chip_authentication",
                                     "chip_authentication_mapping"}));
    std::set<std::string> access;
    for (const auto& [name, value] : bundle["access"].items()) {
        access.insert(name);
    }
    EXPECT_EQ(access,
              (std::set<std::string>{"protocol", "password", "pace_protocol", "pace_parameter_id",
                                     "pace_explicit_domain_parameters"}));
    const std::string text = bundle.dump();
    EXPECT_EQ(text.find(readout.mrzKey->documentNumber()), std::string::npos);
    EXPECT_FALSE(evidence::parseBundle(text).readout.mrzKey.has_value());
}

TEST(EvidenceBundleTest, KeepsOnlyTheChosenDataGroupsAndNamesTheOthers) {
    reader::CardReadout readout = readOf("vn-basic");
    ASSERT_TRUE(readout.dataGroups.contains(2));
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{1, 13, 14, 15};
    const std::string text = evidence::serializeBundle(evidence::makeBundle(readout, options));

    EXPECT_FALSE(Json::parse(text)["files"].contains("DG2"));
    EXPECT_EQ(text.find(evidence::toBase64(readout.dataGroups.at(2))), std::string::npos);
    evidence::EvidenceBundle bundle = evidence::parseBundle(text);
    EXPECT_EQ(groupsOf(bundle.readout), (std::set<int>{1, 13, 14, 15}));
    EXPECT_EQ(bundle.leftOut, std::vector<int>{2});

    // The portrait left out is not requested, not withheld: the read still verifies.
    evidence::Reverification again =
        evidence::reverify(bundle, readertest::trustStore(), evidence::ReverifyOptions{});
    EXPECT_TRUE(again.document.missingDataGroups.empty());
    EXPECT_TRUE(again.verified());
    Json out = evidence::toJson(again);
    EXPECT_EQ(out["reverification"]["data_groups_not_requested"], Json::array({2}));
    const Json& skipped = out["card"]["files_skipped"];
    const Json dg2 = {{"file", "DG2"}, {"reason", "not_requested"}};
    EXPECT_NE(std::find(skipped.begin(), skipped.end(), dg2), skipped.end()) << skipped;
    EXPECT_TRUE(out["verified"].get<bool>());
}

// A data group the card signed that is neither in the bundle nor left out by the caller was
// withheld: the re-verification says so.
TEST(EvidenceBundleTest, DataGroupDroppedFromTheBundleIsMissingNotUnrequested) {
    Json damaged = basicBundle();
    damaged["files"].erase("DG2");
    evidence::Reverification again =
        evidence::reverify(evidence::parseBundle(damaged.dump()), readertest::trustStore(), {});
    EXPECT_EQ(again.document.missingDataGroups, std::vector<int>{2});
    EXPECT_FALSE(again.verified());
}

TEST(EvidenceBundleTest, UnknownVersionIsNotSupported) {
    Json other = basicBundle();
    other["version"] = evidence::BundleVersion + 1;
    EXPECT_EQ(parseError(other.dump()), ErrorCode::NotSupported);
}

TEST(EvidenceBundleTest, MalformedBundlesAreMalformedData) {
    const std::string good = basicBundle().dump();
    auto changed = [](const std::function<void(Json&)>& change) {
        Json bundle = basicBundle();
        change(bundle);
        return bundle.dump();
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"empty", ""},
        {"not JSON", "evidence"},
        {"an array", "[]"},
        {"truncated", good.substr(0, good.size() / 2)},
        {"truncated by one", good.substr(0, good.size() - 1)},
        {"another format", changed([](Json& b) { b["format"] = "something-else"; })},
        {"version as text", changed([](Json& b) { b["version"] = "1"; })},
        {"no files", changed([](Json& b) { b.erase("files"); })},
        {"no access", changed([](Json& b) { b.erase("access"); })},
        {"bad base64", changed([](Json& b) { b["files"]["DG1"] = "A$=="; })},
        {"base64 cut", changed([](Json& b) {
             std::string dg1 = b["files"]["DG1"];
             b["files"]["DG1"] = dg1.substr(0, dg1.size() - 1);
         })},
        {"a file as number", changed([](Json& b) { b["files"]["DG1"] = 1; })},
        {"unknown file", changed([](Json& b) { b["files"]["EF.Other"] = "AA=="; })},
        {"DG17", changed([](Json& b) { b["files"]["DG17"] = "AA=="; })},
        {"DG01", changed([](Json& b) { b["files"]["DG01"] = "AA=="; })},
        {"left out and present", changed([](Json& b) { b["data_groups_left_out"] = {1}; })},
        {"left out DG0", changed([](Json& b) { b["data_groups_left_out"] = {0}; })},
        {"skipped EF.COM", changed([](Json& b) {
             b["files_skipped"] = Json::array({{{"file", "EF.COM"}, {"reason", "not_found"}}});
         })},
        {"CA status unknown",
         changed([](Json& b) { b["chip_authentication"]["status"] = "probably"; })},
        {"CA key id negative", changed([](Json& b) { b["chip_authentication"]["key_id"] = -1; })},
        {"status word too large",
         changed([](Json& b) { b["chip_authentication"]["status_word"] = 0x10000; })},
        {"AA as text", changed([](Json& b) { b["active_authentication"] = "passed"; })},
        {"duplicate member", "{\"format\": \"cccd-evidence-bundle\", "
                             "\"format\": \"cccd-evidence-bundle\"}"},
        {"deep nesting", std::string(100000, '[') + std::string(100000, ']')},
    };
    for (const auto& [name, text] : cases) {
        EXPECT_EQ(parseError(text), ErrorCode::MalformedData) << name;
    }
}

// Every prefix of a real bundle: a cut file never crashes the reader.
TEST(EvidenceBundleTest, EveryTruncationIsATypedError) {
    const std::string good = basicBundle().dump();
    for (std::size_t size = 0; size < good.size(); size += 97) {
        EXPECT_EQ(parseError(good.substr(0, size)), ErrorCode::MalformedData) << size;
    }
}

// docs/json-output.md against the code. Cards are the emulated profiles of the build (vn-basic,
// vn-no-expiry, bsi-reference, aa-mismatch, pace-cam-p256), read in process with the SDK's reader:
// every key documentToJson writes for them must have a row, every row must be a key it writes,
// every value of an enumeration must be listed, the citizen record must be the persona's, no file
// may leak as bytes, and the document's example must be the real output.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "JsonDoc.h"
#include "emulator/card/CardProfile.h"
#include "emulator/channel/EmulatorChannel.h"
#include "json/DocumentJson.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "support/PersonaJson.h"
#include "support/ProfileRead.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

namespace cccd::json {
namespace {

using nlohmann::json;

const std::string DocFile = "json-output.md";

using test::profileDir;
using test::readProfile;
using test::trustStore;

const reader::Document& card(const std::string& name) {
    static std::map<std::string, reader::Document> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        it = cache.emplace(name, readProfile(name)).first;
    }
    return it->second;
}

const std::vector<std::string> Profiles{"vn-basic", "vn-no-expiry", "bsi-reference", "aa-mismatch",
                                        "pace-cam-p256"};

// The objects that docs/json-verification.md describes.
const std::vector<std::string> VerificationObjects{"passive_authentication", "card_security"};

// Key paths from the root: objects add ".key", array elements add "[]". The Passive
// Authentication and card security objects belong to docs/json-verification.md and are not
// walked into.
void collectPaths(const json& value, const std::string& path, std::set<std::string>& paths) {
    for (const std::string& object : VerificationObjects) {
        if (path == "verification." + object) {
            return;
        }
    }
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            std::string childPath = path.empty() ? key : path + "." + key;
            paths.insert(childPath);
            collectPaths(child, childPath, paths);
        }
    } else if (value.is_array()) {
        for (const json& child : value) {
            collectPaths(child, path + "[]", paths);
        }
    }
}

// The three cards, a read limited to DG1 and DG13 (for not_requested), and vn-basic with what no
// profile has: a parse issue, a content issue and a DG13 field numbered past 16.
std::vector<json> makeOutputs() {
    std::vector<json> out;
    for (const std::string& name : Profiles) {
        out.push_back(documentToJson(card(name)));
    }
    out.push_back(documentToJson(readProfile("vn-basic", {1, 13})));

    reader::Document odd = card("vn-basic");
    odd.parseIssues.push_back({"DG11", ErrorCode::MalformedData, "DG11: truncated"});
    odd.contentIssues.push_back(
        {"DG1", reader::ContentCheck::MrzCheckDigit, "MRZ: the composite check digit is wrong"});
    odd.dg13->fields.push_back(lds::Dg13Field::make(17, {fromHex("0C0141")}));
    out.push_back(documentToJson(odd, {"portrait.jpg"}));

    // The key from the card's QR (cccd-read --qr-image): its payload, and the cross-check.
    nlohmann::json persona = test::loadPersona("vn-basic");
    auto ddmmyyyy = [&persona](const char* key) {
        std::string iso = persona.at(key).get<std::string>();
        return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
    };
    qr::QrPayload payload = qr::QrPayload::parse(persona.at("personalIdNumber").get<std::string>() +
                                                 "||" + persona.at("fullName").get<std::string>() +
                                                 "|" + ddmmyyyy("dateOfBirth") + "|Nam|" +
                                                 persona.at("placeOfResidence").get<std::string>() +
                                                 "|" + ddmmyyyy("dateOfIssue") + "|||x|");
    JsonOptions withQr;
    withQr.qr = &payload;
    out.push_back(documentToJson(card("vn-basic"), withQr));
    return out;
}

const std::vector<json>& outputs() {
    static const std::vector<json> cached = makeOutputs();
    return cached;
}

std::set<std::string> documentedPaths(const std::string& docText, const json& sample) {
    std::set<std::string> paths;
    std::regex row(R"(\n\| `([a-z0-9_.\[\]]+)` \|)");
    for (std::sregex_iterator it(docText.begin(), docText.end(), row), end; it != end; ++it) {
        std::string path = (*it)[1];
        std::string root = path.substr(0, path.find_first_of(".["));
        if (sample.contains(root)) {
            paths.insert(path);
        }
    }
    return paths;
}

TEST(DocumentJsonDocTest, EveryKeyIsDocumented) {
    const std::string docText = doc::text(DocFile);
    std::set<std::string> paths;
    for (const json& output : outputs()) {
        collectPaths(output, "", paths);
    }
    for (const std::string& path : paths) {
        EXPECT_TRUE(doc::hasRow(docText, path)) << "key " << path << " has no row in " << DocFile;
    }
    for (const std::string& path : documentedPaths(docText, outputs().front())) {
        EXPECT_TRUE(paths.count(path) == 1)
            << DocFile << " documents " << path << ", which the code does not write";
    }
}

TEST(DocumentJsonDocTest, PassiveAuthenticationKeysAreInTheVerificationDocument) {
    const std::string docText = doc::text("json-verification.md");
    std::set<std::string> keys;
    for (const json& output : outputs()) {
        for (const std::string& object : VerificationObjects) {
            doc::collectKeys(output["verification"][object], keys);
        }
    }
    for (const std::string& key : keys) {
        bool documented =
            doc::hasRow(docText, key) || docText.find("." + key + "` |") != std::string::npos;
        EXPECT_TRUE(documented) << "key " << key << " has no row in json-verification.md";
    }
}

// String literals that follow `marker` in a source file: values the code writes that no enum
// lists.
std::set<std::string> literalsAfter(const std::string& sourceFile, const std::string& marker) {
    std::string source = toString(test::readFile(test::sourceDir() / sourceFile));
    std::set<std::string> values;
    std::regex literal(marker + R"(\s*"([^"]+)\")");
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
        values.insert((*it)[1]);
    }
    return values;
}

std::set<std::string> mrzValues(const std::string& key,
                                const std::function<void(int, mrz::Mrz&)>& set) {
    std::set<std::string> values;
    for (int i = 0; i < 16; ++i) {
        mrz::Mrz m;
        set(i, m);
        json out = mrzToJson(m);
        const json& value = key == "field" ? out["check_digits"][0]["field"] : out[key];
        if (value == "unknown") {
            break;
        }
        values.insert(value.get<std::string>());
    }
    return values;
}

// A name for every value the enum can take; ParentRole::Unknown and ImageFormat::Unknown are
// values of their own, so every cast value counts.
template <typename Name> std::set<std::string> everyName(Name name) {
    std::set<std::string> values;
    for (int i = 0; i < 16; ++i) {
        values.insert(name(i));
    }
    return values;
}

template <typename Enum> std::set<std::string> nameSet(std::string_view (*name)(Enum)) {
    std::vector<std::string> names = doc::allNames(name);
    return {names.begin(), names.end()};
}

struct EnumSection {
    std::string heading;
    std::set<std::string> values;
};

std::vector<EnumSection> enumSections() {
    const reader::Document& basic = card("vn-basic");
    std::vector<std::string> errors = doc::allNames(errorCodeName);
    return {
        {"### `card.access_protocol` values",
         literalsAfter("sdk/reader/ChipAccess.cpp", R"(outcome\.protocol =)")},
        {"### `card.access_password` values",
         literalsAfter("sdk/reader/ChipAccess.cpp", R"(outcome\.password =)")},
        {"### `card.files_skipped[].reason` values",
         literalsAfter("sdk/reader/CardReader.cpp", R"(skipped\.push_back\(\{dg,)")},
        {"### `mrz.format` values",
         mrzValues("format", [](int i, mrz::Mrz& m) { m.format = mrz::MrzFormat(i); })},
        {"### `mrz.check_digits[].field` values",
         mrzValues("field",
                   [](int i, mrz::Mrz& m) {
                       m.checks = {{mrz::MrzCheckField(i), '0', '0'}};
                   })},
        {"### `citizen.parents[].role` values", everyName([&](int i) {
             lds::Dg13 g = *basic.dg13;
             g.parents = {{lds::ParentRole(i), "-"}};
             return citizenToJson(g)["parents"][0]["role"].get<std::string>();
         })},
        // The row names the format and its MIME type: `jpeg` | `image/jpeg`.
        {"### `portrait.format` values", everyName([&](int i) {
             reader::Document d = basic;
             d.dg2->faces.front().imageFormat = lds::ImageFormat(i);
             json portrait = documentToJson(d)["portrait"];
             return portrait["format"].get<std::string>() + "` | `" +
                    portrait["mime_type"].get<std::string>();
         })},
        {"### `chip_security.dg14_protocols[].type` values",
         literalsAfter("sdk/json/DocumentJson.cpp", R"(\{"type",)")},
        {"### `verification.chip_authentication_mapping.status` values",
         nameSet(reader::chipAuthenticationMappingStatusName)},
        {"### `verification.chip_authentication_mapping.reason` values",
         nameSet(reader::chipAuthenticationMappingReasonName)},
        {"### `content_issues[].check` values", nameSet(reader::contentCheckName)},
        {"### `parse_issues[].error` values", {errors.begin(), errors.end()}},
    };
}

TEST(DocumentJsonDocTest, EveryEnumValueHasARowInItsSection) {
    const std::string docText = doc::text(DocFile);
    for (const EnumSection& s : enumSections()) {
        std::string text = doc::section(docText, s.heading);
        ASSERT_FALSE(text.empty()) << "no section " << s.heading;
        EXPECT_FALSE(s.values.empty()) << s.heading;
        for (const std::string& value : s.values) {
            EXPECT_TRUE(doc::hasRow(text, value)) << value << " has no row under " << s.heading;
        }
    }
}

// Every value a card gave for an enumerated key is one the enumeration knows.
TEST(DocumentJsonDocTest, RealValuesAreAmongTheListedOnes) {
    std::map<std::string, std::set<std::string>> listed;
    for (const EnumSection& s : enumSections()) {
        listed[s.heading] = s.values;
    }
    for (const std::string& name : Profiles) {
        SCOPED_TRACE(name);
        json out = documentToJson(card(name));
        auto isListed = [&](const std::string& heading, const json& value) {
            return listed[heading].count(value.get<std::string>()) == 1;
        };
        EXPECT_TRUE(isListed("### `card.access_protocol` values", out["card"]["access_protocol"]));
        for (const json& skipped : out["card"]["files_skipped"]) {
            EXPECT_TRUE(isListed("### `card.files_skipped[].reason` values", skipped["reason"]));
        }
        for (const json& protocol : out["chip_security"].value("dg14_protocols", json::array())) {
            EXPECT_TRUE(
                isListed("### `chip_security.dg14_protocols[].type` values", protocol["type"]));
        }
        if (const json& mapping = out["verification"]["chip_authentication_mapping"];
            !mapping.is_null()) {
            EXPECT_TRUE(isListed("### `verification.chip_authentication_mapping.status` values",
                                 mapping["status"]));
            EXPECT_TRUE(isListed("### `verification.chip_authentication_mapping.reason` values",
                                 mapping["reason"]));
        }
    }
}

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// True when any 16 bytes of the file stand in the text as hex, in either case.
bool printsBytesOf(const std::string& text, const Bytes& file) {
    std::string lower = lowerCase(text);
    std::string hex = lowerCase(toHex(file));
    for (std::size_t at = 0; at + 32 <= hex.size(); at += 2) {
        if (lower.find(std::string_view(hex).substr(at, 32)) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// The verification part names the Document Signer's serial number and key identifiers, which
// EF.SOD carries in its certificate: EF.SOD is checked against the rest.
TEST(DocumentJsonDocTest, NoFileContentIsPrintedAsBytes) {
    for (const std::string& name : Profiles) {
        SCOPED_TRACE(name);
        const reader::Document& d = card(name);
        json out = documentToJson(d);
        std::string printed = out.dump();
        ASSERT_FALSE(d.readout.dataGroups.empty());
        for (const auto& [dg, bytes] : d.readout.dataGroups) {
            EXPECT_FALSE(printsBytesOf(printed, bytes)) << "DG" << dg;
        }
        EXPECT_FALSE(printsBytesOf(printed, d.readout.efCom)) << "EF.COM";
        out.erase("verification");
        EXPECT_FALSE(printsBytesOf(out.dump(), d.readout.efSod)) << "EF.SOD";
        EXPECT_FALSE(printsBytesOf(out.dump(), d.readout.efCardSecurity)) << "EF.CardSecurity";
    }
}

TEST(DocumentJsonDocTest, CitizenAndMrzAreThePersona) {
    for (const std::string& name : {std::string("vn-basic"), std::string("vn-no-expiry")}) {
        SCOPED_TRACE(name);
        json out = documentToJson(card(name));
        test::expectDocumentJsonIsPersona(out, test::loadPersona(name));
        EXPECT_EQ(out["verified"], true);
    }
}

// PACE-CAM: EF.CardSecurity is read and named, its signature checked, and the chip key check
// proves the chip in place of Chip Authentication.
TEST(DocumentJsonDocTest, CamCardReportsItsChipKeyCheckAndCardSecurity) {
    json out = documentToJson(card("pace-cam-p256"));
    const json& read = out["card"]["files_read"];
    EXPECT_NE(std::find(read.begin(), read.end(), "EF.CardSecurity"), read.end());
    const json& verification = out["verification"];
    EXPECT_EQ(verification["chip_authentication_mapping"]["status"], "passed");
    EXPECT_EQ(verification["chip_authentication_mapping"]["reason"], "none");
    EXPECT_EQ(verification["card_security"]["verdict"], "valid");
    EXPECT_TRUE(verification["chip_authentication"].is_null());
    EXPECT_EQ(verification["chip_verdict"], "genuine");
    EXPECT_EQ(out["verified"], true);

    json basic = documentToJson(card("vn-basic"));
    EXPECT_TRUE(basic["verification"]["chip_authentication_mapping"].is_null());
    EXPECT_TRUE(basic["verification"]["card_security"].is_null());
}

// How the read went: one session and no recovery for a read the card saw through; a resumed
// read's sessions, and which parse issues make the document unverified (a DG13 the decoder
// cannot read does not).
TEST(DocumentJsonDocTest, ReadMetadataSaysHowTheReadWent) {
    json plain = documentToJson(card("vn-basic"));
    EXPECT_EQ(plain["card"]["sessions"], 1);
    EXPECT_EQ(plain["card"]["secure_messaging_recoveries"], 0);

    reader::Document resumed = card("vn-basic");
    resumed.readout.sessions = 2;
    resumed.readout.secureMessagingRecoveries = 1;
    resumed.parseIssues.push_back({"DG13", ErrorCode::MalformedData, "DG13: truncated", false});
    resumed.parseIssues.push_back({"DG11", ErrorCode::MalformedData, "DG11: truncated"});
    json out = documentToJson(resumed);
    EXPECT_EQ(out["card"]["sessions"], 2);
    EXPECT_EQ(out["card"]["secure_messaging_recoveries"], 1);
    ASSERT_EQ(out["parse_issues"].size(), 2u);
    EXPECT_EQ(out["parse_issues"][0]["file"], "DG13");
    EXPECT_EQ(out["parse_issues"][0]["blocks_verification"], false);
    EXPECT_EQ(out["parse_issues"][1]["blocks_verification"], true);
}

// Certificate serial numbers and key identifiers come from the test PKI, which every build
// makes anew; everything else of the example is fixed by the persona.
json withoutBuildValues(json value) {
    if (value.is_object()) {
        for (auto& [key, child] : value.items()) {
            if (child.is_string() && (key == "serial_number" || key == "subject_key_identifier" ||
                                      key == "authority_key_identifier")) {
                child = "(test PKI)";
            } else {
                child = withoutBuildValues(child);
            }
        }
    } else if (value.is_array()) {
        for (json& child : value) {
            child = withoutBuildValues(child);
        }
    }
    return value;
}

TEST(DocumentJsonDocTest, ExampleIsTheRealOutput) {
    std::string exampleText = doc::jsonExample(doc::text(DocFile));
    ASSERT_FALSE(exampleText.empty());

    // The example's command line: vn-basic, --trust profiles/csca.pem, --portrait portrait.jpg.
    json real = documentToJson(card("vn-basic"), {"portrait.jpg"});
    std::filesystem::path written = test::binaryDir() / "json-output-example.json";
    std::ofstream(written) << real.dump(2) << "\n";
    EXPECT_EQ(withoutBuildValues(json::parse(exampleText)), withoutBuildValues(real))
        << "the example differs from the real output, written to " << written;
    EXPECT_EQ(real["schema_version"], SchemaVersion);
}

} // namespace
} // namespace cccd::json

// docs/errors.md against the code: each of its three tables must name exactly the codes the code
// base has. The SDK's codes come from errorCodeName() over every ErrorCode value, the C API's from
// cccd_status_name() over every cccd_status value (and their constants from cccd.h), cccd-read's
// exit codes from the ExitCode enumeration in its header; an error code's C status and exit code
// must be the ones the code maps it to.
#include <map>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "ExitCode.h"
#include "base/Error.h"
#include "cccd/cccd.h"
#include "support/TestData.h"

namespace cccd {
namespace {

std::string sourceText(const std::filesystem::path& relative) {
    return toString(test::readFile(test::sourceDir() / relative));
}

// The text under a level-2 heading, up to the next one.
std::string section(const std::string& heading) {
    static const std::string doc = sourceText("docs/errors.md");
    auto start = doc.find("\n## " + heading + "\n");
    if (start == std::string::npos) {
        ADD_FAILURE() << "docs/errors.md has no section " << heading;
        return {};
    }
    auto end = doc.find("\n## ", start + 1);
    return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Every match of `row` in `text`, as its whole match then its capture groups (copies: the text
// may be a temporary).
using Row = std::vector<std::string>;

std::vector<Row> rows(const std::string& text, const std::string& row) {
    std::vector<Row> out;
    std::regex pattern(row);
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
        out.emplace_back(it->begin(), it->end());
    }
    return out;
}

std::vector<ErrorCode> allErrorCodes() {
    std::vector<ErrorCode> codes;
    for (int i = 0; errorCodeName(static_cast<ErrorCode>(i)) != "unknown"; ++i) {
        codes.push_back(static_cast<ErrorCode>(i));
    }
    return codes;
}

// Every value cccd_status_name() knows. The enumeration's values are sparse (0-18, 100, 101),
// so the whole range a status may take is walked.
std::map<int, std::string> allStatuses() {
    std::map<int, std::string> statuses;
    for (int i = 0; i < 1024; ++i) {
        std::string name = cccd_status_name(static_cast<cccd_status>(i));
        if (name != "unknown") {
            statuses[i] = name;
        }
    }
    return statuses;
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

struct ErrorRow {
    std::string status;
    int statusValue;
    int exitCode;
};

std::map<std::string, ErrorRow> errorRows() {
    std::map<std::string, ErrorRow> out;
    for (const Row& m : rows(section("Error codes"),
                             R"(\n\| `([a-z_]+)` \| `(CCCD_\w+)` \((\d+)\) \| (\d+) \|)")) {
        EXPECT_TRUE(out.emplace(m[1], ErrorRow{m[2], std::stoi(m[3]), std::stoi(m[4])}).second)
            << m[1] << " has two rows";
    }
    return out;
}

TEST(ErrorCatalogueTest, EveryErrorCodeHasARow) {
    std::map<std::string, ErrorRow> documented = errorRows();
    std::set<std::string> names;
    for (ErrorCode code : allErrorCodes()) {
        std::string name(errorCodeName(code));
        names.insert(name);
        auto row = documented.find(name);
        if (row == documented.end()) {
            ADD_FAILURE() << "error code " << name << " has no row in docs/errors.md";
            continue;
        }
        cccd_status status = static_cast<cccd_status>(row->second.statusValue);
        EXPECT_EQ(cccd_status_name(status), name) << name << ": C status value";
        EXPECT_EQ(row->second.status, "CCCD_E_" + upper(name)) << name << ": C status constant";
        EXPECT_EQ(row->second.exitCode, static_cast<int>(samples::exitCodeFor(code)))
            << name << ": cccd-read's exit code";
    }
    ASSERT_FALSE(names.empty());
    for (const auto& entry : documented) {
        EXPECT_EQ(names.count(entry.first), 1U)
            << "docs/errors.md names " << entry.first << ", no ErrorCode";
    }
}

// The constants as cccd.h spells them, by value.
std::map<int, std::string> headerConstants() {
    std::map<int, std::string> out;
    for (const Row& m :
         rows(sourceText("sdk/capi/include/cccd/cccd.h"), R"((CCCD_(?:OK|E_\w+)) = (\d+))")) {
        out[std::stoi(m[2])] = m[1];
    }
    return out;
}

TEST(ErrorCatalogueTest, EveryCStatusHasARow) {
    std::map<int, std::string> statuses = allStatuses();
    std::map<int, std::string> constants = headerConstants();
    std::map<int, std::pair<std::string, std::string>> documented;
    for (const Row& m :
         rows(section("C API statuses"), R"(\n\| (\d+) \| `(CCCD_\w+)` \| `([a-z_]+)` \|)")) {
        EXPECT_TRUE(documented.emplace(std::stoi(m[1]), std::pair(m[2], m[3])).second)
            << "status " << m[1] << " has two rows";
    }
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.size(), constants.size()) << "cccd_status_name() against cccd.h";
    for (const auto& [value, name] : statuses) {
        auto row = documented.find(value);
        if (row == documented.end()) {
            ADD_FAILURE() << "status " << value << " (" << name << ") has no row";
            continue;
        }
        EXPECT_EQ(row->second.first, constants[value]) << "status " << value << ": constant";
        EXPECT_EQ(row->second.second, name) << "status " << value << ": name";
    }
    for (const auto& entry : documented) {
        EXPECT_EQ(statuses.count(entry.first), 1U) << "docs/errors.md names status " << entry.first;
    }
}

TEST(ErrorCatalogueTest, EveryCccdReadExitCodeHasARow) {
    const std::string header = sourceText("samples/cccd-read/ExitCode.h");
    const std::string enumBody = header.substr(header.find("enum class ExitCode"));
    std::map<int, std::string> codes;
    for (const Row& m :
         rows(enumBody.substr(0, enumBody.find("};")), R"(\n\s+([A-Z]\w*) = (\d+),)")) {
        codes[std::stoi(m[2])] = m[1];
    }
    std::map<int, std::string> documented;
    for (const Row& m :
         rows(section("cccd-read exit codes"), R"(\n\| (\d+) \| `([A-Za-z]+)` \|)")) {
        EXPECT_TRUE(documented.emplace(std::stoi(m[1]), m[2]).second)
            << "exit code " << m[1] << " has two rows";
    }
    ASSERT_FALSE(codes.empty());
    EXPECT_EQ(documented, codes) << "docs/errors.md's exit codes against ExitCode.h";
}

} // namespace
} // namespace cccd

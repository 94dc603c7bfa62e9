// libcccd.so as shipped: the header works from C, the library exports the C API and nothing
// else, and its SONAME carries the ABI version.
#include <chrono>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "CHeader.h"
#include "cccd/cccd.h"
#include "support/Process.h"

namespace cccd::capitest {
namespace {

using namespace std::chrono_literals;

/// Symbols the toolchain itself may define in a shared library.
const std::set<std::string> ToolchainSymbols{"_init", "_fini", "_edata", "_end", "__bss_start"};

std::string run(const char* program, const std::vector<std::string>& args) {
    const test::RunResult result = test::run(program, args, 60s);
    EXPECT_EQ(result.exitCode, 0) << program << ": " << result.errors;
    return result.output;
}

TEST(CApiLibraryTest, TheHeaderIsValidCAndWorksAgainstTheLibrary) {
    EXPECT_EQ(capi_c_failed_checks(), 0);
}

TEST(CApiLibraryTest, OnlyTheCApiIsExported) {
    const std::string symbols = run(CCCD_NM, {"-D", "--defined-only", CCCD_LIBRARY_PATH});
    std::istringstream lines(symbols);
    std::string line;
    std::set<std::string> exported;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string field;
        std::string name;
        while (fields >> field) {
            name = field; // the last field is the name
        }
        if (name.empty() || ToolchainSymbols.contains(name)) {
            continue;
        }
        exported.insert(name);
        EXPECT_EQ(name.rfind("cccd_", 0), 0u) << "unexpected exported symbol: " << line;
    }
    // The API is there, so that an empty listing cannot pass.
    for (const char* function :
         {"cccd_version", "cccd_session_read", "cccd_session_cancel", "cccd_result_json",
          "cccd_last_error_message", "cccd_result_problem", "cccd_list_readers"}) {
        EXPECT_TRUE(exported.contains(function)) << function;
    }
}

TEST(CApiLibraryTest, TheSonameCarriesTheAbiVersion) {
    const std::string headers = run(CCCD_OBJDUMP, {"-p", CCCD_LIBRARY_PATH});
    const std::string expected = "libcccd.so." + std::to_string(CCCD_ABI_VERSION);
    std::istringstream lines(headers);
    std::string line;
    std::string soname;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string key;
        if (fields >> key && key == "SONAME") {
            fields >> soname;
        }
    }
    EXPECT_EQ(soname, expected);
    EXPECT_EQ(cccd_abi_version(), CCCD_ABI_VERSION);
}

} // namespace
} // namespace cccd::capitest

// cccd-verify-sod: Passive Authentication of a stored EF.SOD and data group files, offline,
// against a trust store; prints the report as JSON (docs/json-verification.md).
#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "crypto/Asn1Time.h"
#include "json/VerificationJson.h"
#include "verify/PassiveAuthentication.h"
#include "verify/TrustStore.h"

using namespace cccd;
namespace fs = std::filesystem;

namespace {

/// One exit code per outcome a script tests for; listed in --help.
enum class ExitCode : int {
    Verified = 0,    ///< every verdict is "valid"
    BadInput = 1,    ///< a file cannot be read or does not parse
    Usage = 2,       ///< bad command line
    NotVerified = 7, ///< the report was produced, but some verdict is not "valid"
};

/// A command line that names something impossible (exit 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A file that cannot be read or is not what it should be (exit 1).
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string sod;
    std::vector<std::string> dataGroups;
    std::vector<std::string> trust;
    bool noDefaultTrust = false;
    std::string cardSecurity;
    std::string at;
};

const char* Description =
    "Verifies a stored EF.SOD offline (ICAO 9303-11 Passive Authentication): the SOD signature "
    "against its Document Signer certificate, that certificate against the trusted CSCAs, the "
    "validity periods, and the hash of every data group file given against the SOD. Prints the "
    "report as JSON on standard output; nothing personal is printed, the data groups are only "
    "hashed.";

const char* Epilog =
    "Files are the raw elementary files as read from the chip: EF.SOD with its tag 77, each data "
    "group with its own tag (61 for DG1, 75 for DG2, ...).\n\n"
    "Trust: --trust takes PEM or DER certificate files, ICAO CSCA master lists (.ml; their "
    "signature is checked, their certificates are trusted only if it verifies) and directories "
    "(files ending .pem .crt .cer .der .ml .mls). The built-in Vietnamese eID CSCA is trusted "
    "too unless --no-default-trust.\n\n"
    "Time: validity is judged at the SOD's signing time when it is known, else at the end of the "
    "Document Signer key usage period, else now; --at replaces now (00:00:00 UTC that day).\n\n"
    "Exit codes:\n"
    "  0  verified: every verdict is \"valid\"\n"
    "  1  a file cannot be read or does not parse (message on standard error)\n"
    "  2  bad command line\n"
    "  7  not verified: some verdict is \"invalid\" or \"valid_issuer_unknown\"\n\n"
    "The JSON is described in docs/json-verification.md.";

Bytes readInput(const fs::path& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path)) {
        throw InputError("cannot read the " + what + " file '" + path.string() + "'");
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "14=DG14.bin": the DG number first, as in ICAO 9303-10 (DG1..DG16).
std::pair<int, fs::path> parseDataGroupArgument(const std::string& text) {
    auto equals = text.find('=');
    int number = 0;
    const char* end = text.data() + (equals == std::string::npos ? 0 : equals);
    auto [stop, error] = std::from_chars(text.data(), end, number);
    if (equals == std::string::npos || error != std::errc{} || stop != end || number < 1 ||
        number > 16 || equals + 1 == text.size()) {
        throw UsageError("--dg wants N=FILE with N from 1 to 16, got '" + text + "'");
    }
    return {number, fs::path(text.substr(equals + 1))};
}

// Digits only: from_chars alone would accept a leading minus sign.
int parseNumber(std::string_view digits) {
    int value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

crypto::Time parseDate(const std::string& text) {
    const std::string_view view(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        throw UsageError("--at wants a date as YYYY-MM-DD, got '" + text + "'");
    }
    int year = parseNumber(view.substr(0, 4));
    int month = parseNumber(view.substr(5, 2));
    int day = parseNumber(view.substr(8, 2));
    std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month)),
                                     std::chrono::day(unsigned(day))};
    if (year < 0 || month < 0 || day < 0 || !date.ok()) {
        throw UsageError("--at wants a real date as YYYY-MM-DD, got '" + text + "'");
    }
    return std::chrono::sys_days(date);
}

struct Trust {
    verify::TrustStore store;
    nlohmann::json masterLists = nlohmann::json::array();
};

// Each master list report is kept with the path it came from, so a failed list can be named.
void addTrustPath(Trust& trust, const fs::path& path) {
    if (!fs::exists(path)) {
        throw InputError("trust path '" + path.string() + "' does not exist");
    }
    std::size_t before = trust.store.masterListReports().size();
    try {
        trust.store.addPath(path);
    } catch (const Error& e) {
        throw InputError("cannot load trust '" + path.string() + "': " + e.what());
    }
    const auto& reports = trust.store.masterListReports();
    for (std::size_t i = before; i < reports.size(); ++i) {
        nlohmann::json entry = {{"path", path.string()}};
        entry.update(json::toJson(reports[i]));
        trust.masterLists.push_back(entry);
    }
}

Trust loadTrust(const Options& o) {
    Trust trust;
    if (!o.noDefaultTrust) {
        trust.store = verify::TrustStore::withDefaultAnchor();
    }
    for (const auto& path : o.trust) {
        addTrustPath(trust, path);
    }
    if (trust.store.empty()) {
        std::cerr << "cccd-verify-sod: note: the trust store is empty, no chain can be trusted\n";
    }
    return trust;
}

void requireParsed(verify::ParseStatus status, const std::string& error, const std::string& what,
                   const std::string& path) {
    if (status == verify::ParseStatus::Ok) {
        return;
    }
    const char* problem = status == verify::ParseStatus::Unsupported
                              ? "uses an algorithm this SDK does not support"
                              : "is not a well-formed";
    throw InputError("'" + path + "' " + problem + " " + what + ": " + error);
}

ExitCode run(const Options& o) {
    // The whole command line is checked before any file is opened, so exit 2 means only that.
    std::map<int, fs::path> dataGroupFiles;
    for (const auto& argument : o.dataGroups) {
        auto [number, path] = parseDataGroupArgument(argument);
        if (!dataGroupFiles.emplace(number, path).second) {
            throw UsageError("DG" + std::to_string(number) + " is given twice");
        }
    }
    crypto::Time now = o.at.empty() ? crypto::currentTime() : parseDate(o.at);

    Bytes sod = readInput(o.sod, "EF.SOD");
    std::map<int, Bytes> dataGroups;
    for (const auto& [number, path] : dataGroupFiles) {
        dataGroups[number] = readInput(path, "DG" + std::to_string(number));
    }
    std::optional<Bytes> cardSecurity;
    if (!o.cardSecurity.empty()) {
        cardSecurity = readInput(o.cardSecurity, "EF.CardSecurity");
    }
    Trust trust = loadTrust(o);

    auto report = verify::passiveAuthentication(sod, dataGroups, trust.store, now);
    requireParsed(report.sodParse, report.sodParseError, "EF.SOD", o.sod);
    bool verified = report.verdict == verify::Verdict::Valid;

    nlohmann::json out;
    out["schema_version"] = json::VerificationSchemaVersion;
    out["verification_time"] = crypto::formatTime(now);
    out["passive_authentication"] = json::toJson(report, json::sodHashAlgorithm(sod));
    out["card_security"] = nullptr;
    if (cardSecurity) {
        auto cardReport = verify::verifyCardSecurity(*cardSecurity, trust.store, now);
        requireParsed(cardReport.parse, cardReport.parseError, "EF.CardSecurity", o.cardSecurity);
        out["card_security"] = json::toJson(cardReport);
        verified = verified && cardReport.verdict == verify::Verdict::Valid;
    }
    out["trust_store"] = {{"default_anchor", !o.noDefaultTrust},
                          {"certificate_count", trust.store.certificates().size()},
                          {"master_lists", trust.masterLists}};
    out["verified"] = verified;
    std::cout << out.dump(2) << "\n";
    return verified ? ExitCode::Verified : ExitCode::NotVerified;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{Description, "cccd-verify-sod"};
    app.footer(Epilog);
    Options o;
    app.add_option("--sod", o.sod, "EF.SOD file (tag 77)")->required()->type_name("FILE");
    app.add_option("--dg", o.dataGroups, "A data group file to hash-check, as N=FILE; repeatable")
        ->type_name("N=FILE");
    app.add_option("--trust", o.trust,
                   "CSCA certificate (PEM/DER), ICAO master list or directory; repeatable")
        ->type_name("PATH");
    app.add_flag("--no-default-trust", o.noDefaultTrust,
                 "Do not trust the built-in Vietnamese eID CSCA");
    app.add_option("--card-security", o.cardSecurity,
                   "EF.CardSecurity file: its signature is verified the same way")
        ->type_name("FILE");
    app.add_option("--at", o.at, "Judge validity as if today were this date (YYYY-MM-DD, UTC)")
        ->type_name("DATE");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }

    try {
        return static_cast<int>(run(o));
    } catch (const UsageError& e) {
        std::cerr << "cccd-verify-sod: " << e.what() << "\nRun with --help for more information.\n";
        return static_cast<int>(ExitCode::Usage);
    } catch (const InputError& e) {
        std::cerr << "cccd-verify-sod: " << e.what() << "\n";
        return static_cast<int>(ExitCode::BadInput);
    } catch (const std::exception& e) {
        std::cerr << "cccd-verify-sod: " << e.what() << "\n";
        return static_cast<int>(ExitCode::BadInput);
    }
}

// cccd-verify: re-verifies the evidence bundle of an earlier card read (cccd-read --bundle, or
// the C API) without the card, against this machine's trust store, and prints the result as
// JSON.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "base/Error.h"
#include "base/SecureBytes.h"
#include "evidence/EvidenceBundle.h"
#include "evidence/Reverification.h"
#include "evidence/ReverificationJson.h"
#include "verify/TrustStore.h"

using namespace cccd;

namespace {

/// cccd-verify's exit codes, one per outcome a caller scripts against (documented in --help);
/// the error codes are those of cccd-read where the cause is the same.
enum class ExitCode : int {
    Verified = 0,
    NotVerified = 1,
    Usage = 2,          ///< bad command line, trust file or challenge
    BundleUnusable = 6, ///< the bundle cannot be read: no file, malformed, another version
    Failure = 10,       ///< anything unexpected
};

struct Options {
    std::string bundle;
    std::vector<std::string> trust;
    bool noDefaultTrust = false;
    std::string challenge;
};

const char* Description =
    "Re-verifies the evidence bundle of a chip ID card read (written by cccd-read --bundle or "
    "the C API) without the card: Passive Authentication is recomputed against this machine's "
    "trust store, Active Authentication's signature is checked again over the recorded "
    "challenge, Chip Authentication and PACE-CAM are taken as recorded once their chip key is "
    "found in the signed files. Prints the JSON of a live read with a `reverification` "
    "object.\n\n"
    "--challenge gives the Active Authentication challenge the server issued for this read: a "
    "bundle whose chip signed another challenge (a replay) is not verified.";

const char* Epilog =
    "Exit codes:\n"
    "  0  verified\n"
    "  1  not verified (the JSON's report says which check failed)\n"
    "  2  bad command line, trust file or challenge\n"
    "  6  the bundle cannot be read: missing, malformed, or a version this\n"
    "     program does not read\n"
    " 10  unexpected failure\n\n"
    "The bundle format is described in evidence-bundle.md (/usr/share/doc/cccd/, docs/ in the "
    "source). Nothing personal is logged.";

// The bundle's text, from a file or standard input ("-"); no more than a bundle may hold.
std::string readBundle(const std::string& path) {
    std::ifstream file;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            const char* why = std::filesystem::exists(path) ? "not readable" : "no such file";
            throw Error(ErrorCode::Io, "cannot read the bundle " + path + " (" + why + ")");
        }
    }
    std::istream& in = path == "-" ? std::cin : file;
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > evidence::MaxBundleSize) {
            throw Error(ErrorCode::MalformedData, "the bundle is larger than any card's files");
        }
    }
    if (in.bad()) {
        throw Error(ErrorCode::Io, "cannot read the bundle " + path);
    }
    return text;
}

ExitCode run(const Options& o) {
    evidence::ReverifyOptions options;
    if (!o.challenge.empty()) {
        options.expectedChallenge = fromHex(o.challenge);
        if (options.expectedChallenge.size() != 8) {
            throw Error(ErrorCode::InvalidArgument, "--challenge takes 8 bytes (16 hex digits)");
        }
    }
    const verify::TrustStore trust = verify::TrustStore::fromPaths(o.trust, !o.noDefaultTrust);
    std::string text = readBundle(o.bundle);
    evidence::EvidenceBundle bundle;
    try {
        bundle = evidence::parseBundle(text);
    } catch (...) {
        wipe(text);
        throw;
    }
    wipe(text);
    evidence::Reverification result = evidence::reverify(bundle, trust, options);
    std::string output = evidence::toJson(result).dump(2) + "\n";
    std::cout << output << std::flush;
    wipe(output);
    if (options.expectedChallenge.empty()) {
        std::cerr << "cccd-verify: no --challenge: the chip's proof is the one the reading "
                     "client recorded; give the nonce the server issued for the read to have "
                     "the chip's signature over it checked (bank-integration.md)\n";
    }
    if (result.verified()) {
        return ExitCode::Verified;
    }
    std::cerr << "cccd-verify: not verified (passive authentication: "
              << verify::verdictName(result.document.passiveAuthentication.verdict)
              << ", chip: " << reader::chipVerdictName(result.document.chipVerdict())
              << ", challenge: " << evidence::challengeCheckName(result.challenge)
              << "); the report in the JSON says which check failed.\n";
    return ExitCode::NotVerified;
}

ExitCode exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return ExitCode::Usage;
    case ErrorCode::MalformedData:
    case ErrorCode::NotSupported:
    case ErrorCode::Io:
        return ExitCode::BundleUnusable;
    case ErrorCode::Crypto:
    case ErrorCode::NoReader:
    case ErrorCode::NoCard:
    case ErrorCode::CardRemoved:
    case ErrorCode::ReaderUnplugged:
    case ErrorCode::SharingViolation:
    case ErrorCode::Transport:
    case ErrorCode::CardStatus:
    case ErrorCode::AccessDenied:
    case ErrorCode::SecureMessaging:
    case ErrorCode::FileNotFound:
    case ErrorCode::SecurityStatus:
    case ErrorCode::Cancelled:
    case ErrorCode::Timeout:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{Description, "cccd-verify"};
    app.footer(Epilog);
    Options o;
    app.add_option("bundle", o.bundle, "The evidence bundle (JSON), or - for standard input")
        ->required();
    app.add_option("--trust", o.trust,
                   "CSCA certificate (PEM/DER), ICAO master list or directory; repeatable");
    app.add_flag("--no-default-trust", o.noDefaultTrust,
                 "Do not trust the built-in Vietnamese eID CSCA");
    app.add_option("--challenge", o.challenge,
                   "The Active Authentication challenge the server issued for the read, as 16 "
                   "hex digits: the chip must have signed it");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
    try {
        return static_cast<int>(run(o));
    } catch (const Error& e) {
        std::cerr << "cccd-verify: " << e.what() << " [" << errorCodeName(e.code()) << "]\n";
        return static_cast<int>(exitCodeFor(e.code()));
    } catch (const std::exception& e) {
        std::cerr << "cccd-verify: " << e.what() << "\n";
        return static_cast<int>(ExitCode::Failure);
    }
}

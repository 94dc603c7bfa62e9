// read-card: reads the chip of the ID card in the first reader that holds one with the C++ SDK
// and prints the citizen record and the verification report as JSON.
//
//   read-card [--trust FILE] --can CAN
//   read-card [--trust FILE] --mrz DOCUMENT_NUMBER BIRTH_DATE EXPIRY_DATE   (dates YYMMDD)
//
// Exit status: 0 the card was read (verified or not: see "verified" in the JSON), 2 usage,
// 3 the card could not be read.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "json/DocumentJson.h"
#include "mrz/MrzKey.h"
#include "pcsc/PcscContext.h"
#include "reader/AccessKey.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "verify/TrustStore.h"

namespace {

constexpr int ExitRead = 0;
constexpr int ExitUsage = 2;
constexpr int ExitReadError = 3;

struct Arguments {
    std::optional<std::string> trust;
    std::optional<cccd::reader::AccessKey> key;
};

/// nullopt unless the command line names exactly one key. A malformed key throws
/// Error(InvalidArgument).
std::optional<Arguments> parse(const std::vector<std::string>& args) {
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::size_t left = args.size() - i - 1;
        if (args[i] == "--trust" && left >= 1) {
            out.trust = args[++i];
        } else if (args[i] == "--can" && left >= 1 && !out.key) {
            out.key = cccd::reader::AccessKey::fromCan(args[++i]);
        } else if (args[i] == "--mrz" && left >= 3 && !out.key) {
            out.key = cccd::reader::AccessKey::fromMrz(
                cccd::mrz::MrzKey(args[i + 1], args[i + 2], args[i + 3]));
            i += 3;
        } else {
            return std::nullopt;
        }
    }
    return out.key ? std::optional(std::move(out)) : std::nullopt;
}

int read(const Arguments& args) {
    // Whom to trust: the Vietnamese CSCA built into the SDK, and the caller's certificate.
    cccd::verify::TrustStore trust = cccd::verify::TrustStore::withDefaultAnchor();
    if (args.trust) {
        trust.addFile(*args.trust);
    }

    // The card: in the first reader that holds one.
    cccd::pcsc::PcscContext pcsc;
    const std::vector<std::string> readers = pcsc.readersWithCard();
    if (readers.empty()) {
        std::cerr << "no card in any reader\n";
        return ExitReadError;
    }
    std::unique_ptr<cccd::pcsc::PcscChannel> channel = pcsc.connect(readers.front());

    // The read (PACE or BAC, the files, Chip or Active Authentication), then the checks of
    // the data against the trust store (Passive Authentication), then JSON.
    cccd::reader::CardReadout readout = cccd::reader::readCard(*channel, *args.key, {});
    const cccd::reader::Document document = cccd::reader::interpret(std::move(readout), trust);
    std::cout << cccd::json::documentToJson(document).dump(2) << "\n";
    return ExitRead;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::optional<Arguments> args = parse({argv + 1, argv + argc});
        if (!args) {
            std::cerr << "usage: read-card [--trust FILE] --can CAN\n"
                         "       read-card [--trust FILE] --mrz DOCUMENT_NUMBER BIRTH_DATE "
                         "EXPIRY_DATE\n";
            return ExitUsage;
        }
        return read(*args);
    } catch (const cccd::Error& e) {
        // The SDK's messages name the step and the code, never personal data.
        std::cerr << "read-card: " << cccd::errorCodeName(e.code()) << ": " << e.what() << "\n";
        return e.code() == cccd::ErrorCode::InvalidArgument ? ExitUsage : ExitReadError;
    }
}

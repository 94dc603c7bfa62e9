// cccd-read: reads a Vietnamese chip ID card (or any ICAO 9303 eMRTD) through PC/SC and prints
// the citizen record and the verification report as JSON.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "ExitCode.h"
#include "QrKey.h"
#include "ResumingRead.h"
#include "base/Error.h"
#include "base/Log.h"
#include "base/SecureBytes.h"
#include "evidence/EvidenceBundle.h"
#include "json/DocumentJson.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "pcsc/PcscChannel.h"
#include "pcsc/PcscContext.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "verify/ActiveAuthentication.h"
#include "verify/QrCrossCheck.h"
#include "verify/TrustStore.h"

using namespace cccd;
using samples::ExitCode;

namespace {

reader::CancelFlag g_cancel{false};

void onSignal(int) {
    g_cancel = true;
}

struct Options {
    std::string reader;
    std::string mrz;
    std::string mrzFile;
    std::string documentNumber;
    std::string birthDate;
    std::string expiryDate;
    std::string can;
    std::string idNumber;
    std::string protocol = "auto";
    std::vector<std::string> trust;
    bool noDefaultTrust = false;
    std::string portrait;
    std::string output;
    double waitSeconds = 30;
    bool noResume = false;
    bool listReaders = false;
    bool progress = false;
    bool verbose = false;
    std::string extendedLength = "auto";
    std::vector<int> dataGroups;
    std::string bundle;
    std::vector<int> bundleGroups;
    std::string aaChallenge;
    samples::QrSource qr;
};

const char* Description =
    "Reads a Vietnamese chip citizen ID card (CCCD / Can cuoc), or any ICAO 9303 eMRTD, through "
    "a PC/SC reader: opens the chip with PACE or Basic Access Control, reads EF.COM, the data "
    "groups "
    "and EF.SOD under secure messaging, checks Passive Authentication against the trust store, "
    "and prints the citizen record and the verification report as JSON.\n\n"
    "The access key is the card access number (CAN) or the MRZ on the back of the card. On the "
    "Vietnamese card the CAN is the last 6 digits of the 12-digit ID number: give --can or "
    "--id-number. The MRZ is given whole (--mrz or --mrz-file) or as --doc-number (the last 9 "
    "digits of the 12-digit ID), --birth-date and --expiry (YYMMDD). With both, PACE uses the "
    "CAN and the MRZ key serves BAC when --protocol allows it.\n\n"
    "When the card leaves the reader before the read is complete, cccd-read asks on standard "
    "error for it to be put back, waits up to --wait seconds for a card on the same reader, and "
    "continues the read where it stopped, in a new session (nothing is read twice). Another card "
    "put back ends the read; --no-resume ends it as soon as the card leaves.";

const char* Epilog =
    "Exit codes:\n"
    "  0  read, and Passive Authentication verified the data\n"
    "  1  unexpected failure\n"
    "  2  bad command line\n"
    "  3  no PC/SC reader (or pcscd not running)\n"
    "  4  no card presented within --wait seconds\n"
    "  5  access denied: the key does not open this card\n"
    "  6  read error: card removed (not put back within --wait seconds, another card put\n"
    "     back, or --no-resume), reader unplugged, transmission or card error\n"
    "  7  verification failed: the data was read but is not verified (Passive Authentication\n"
    "     failed, a data group EF.SOD signs was not read, the chip may be a clone, or the\n"
    "     QR given with --qr-image/--camera/--qr does not match the chip)\n"
    "  8  --qr-image, --camera or --qr: no readable QR code, or not a Vietnamese ID card's\n"
    "130  interrupted\n\n"
    "The JSON format is described in json-output.md (/usr/share/doc/cccd/, docs/ in the source). "
    "Nothing personal is logged.";

std::optional<mrz::MrzKey> mrzKey(const Options& o) {
    std::string mrzText = o.mrz;
    if (!o.mrzFile.empty()) {
        std::ifstream in(o.mrzFile);
        if (!in) {
            throw Error(ErrorCode::InvalidArgument, "cannot read the MRZ file");
        }
        mrzText.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (!mrzText.empty()) {
        std::string compact;
        for (char c : mrzText) {
            if (c != '\n' && c != '\r' && c != ' ') {
                compact.push_back(c);
            }
        }
        mrz::Mrz parsed = mrz::Mrz::parse(compact);
        for (auto field : {mrz::MrzCheckField::DocumentNumber, mrz::MrzCheckField::BirthDate,
                           mrz::MrzCheckField::ExpiryDate}) {
            std::optional<mrz::CheckDigitResult> check = parsed.check(field);
            if (check && !check->valid()) {
                throw Error(ErrorCode::InvalidArgument,
                            "a check digit of the MRZ does not match its field: retype the MRZ "
                            "(the chip would refuse this key)");
            }
        }
        return mrz::MrzKey::fromMrz(parsed);
    }
    if (o.documentNumber.empty() && o.birthDate.empty() && o.expiryDate.empty()) {
        return std::nullopt;
    }
    if (o.documentNumber.empty() || o.birthDate.empty() || o.expiryDate.empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    "--doc-number, --birth-date and --expiry go together");
    }
    return mrz::MrzKey(o.documentNumber, o.birthDate, o.expiryDate);
}

reader::AccessKey accessKey(const Options& o, const std::optional<qr::QrPayload>& qr) {
    reader::AccessKey key;
    if (qr) {
        key = reader::AccessKey::fromQr(*qr);
    } else if (!o.idNumber.empty()) {
        key = reader::AccessKey::fromIdNumber(o.idNumber);
    } else if (!o.can.empty()) {
        key = reader::AccessKey::fromCan(o.can);
    }
    key.mrz = mrzKey(o);
    if (!key.hasMrz() && !key.hasCan()) {
        throw Error(ErrorCode::InvalidArgument,
                    "give the access key: --qr-image, --camera or --qr, --can or --id-number, or "
                    "the MRZ (--mrz, --mrz-file, or --doc-number with --birth-date and --expiry)");
    }
    return key;
}

reader::AccessPolicy accessPolicy(const std::string& name) {
    if (name == "pace") {
        return reader::AccessPolicy::PaceOnly;
    }
    if (name == "bac") {
        return reader::AccessPolicy::BacOnly;
    }
    if (name == "pace-then-bac") {
        return reader::AccessPolicy::PaceThenBac;
    }
    return reader::AccessPolicy::Auto;
}

reader::ExtendedLengthMode extendedMode(const std::string& text) {
    if (text == "on") {
        return reader::ExtendedLengthMode::Always;
    }
    if (text == "off") {
        return reader::ExtendedLengthMode::Never;
    }
    return reader::ExtendedLengthMode::Auto;
}

// The portrait and the record are personal data: readable by the owner only (mode 0600), and
// a write that fails is an error, not a silent exit 0.
void writePrivateFile(const std::string& path, ByteView bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    bool ok = fd >= 0;
    std::size_t written = 0;
    while (ok && written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        ok = n > 0;
        written += ok ? static_cast<std::size_t>(n) : 0;
    }
    ok = fd >= 0 && ::close(fd) == 0 && ok;
    if (!ok) {
        throw Error(ErrorCode::Io, "cannot write " + path);
    }
}

// The evidence of the read, for re-verification without the card (cccd-verify): personal data
// like the record, so private to the owner too.
void writeBundle(const Options& o, const reader::CardReadout& readout) {
    evidence::BundleOptions options;
    if (!o.bundleGroups.empty()) {
        options.dataGroups = o.bundleGroups;
    }
    std::string text = evidence::serializeBundle(evidence::makeBundle(readout, options));
    try {
        writePrivateFile(o.bundle, toBytes(text));
    } catch (...) {
        wipe(text);
        throw;
    }
    wipe(text);
}

samples::ResumeOptions resumeOptions(const Options& o) {
    samples::ResumeOptions out;
    out.resume = !o.noResume;
    out.waitSeconds = o.waitSeconds;
    out.progress = o.progress;
    out.cancel = &g_cancel;
    return out;
}

void printProgress(const reader::ReadProgress& p) {
    std::cerr << "\r  reading " << p.file << ": " << p.bytesRead << " / " << p.totalBytes
              << " bytes   " << std::flush;
    if (p.bytesRead == p.totalBytes) {
        std::cerr << "\n";
    }
}

ExitCode run(const Options& o) {
    if (o.listReaders) {
        pcsc::PcscContext context;
        for (const auto& name : context.readers()) {
            std::cout << name << "\n";
        }
        return ExitCode::Success;
    }
    std::optional<qr::QrPayload> qr;
    if (o.qr.given()) {
        if (o.progress) {
            std::cerr << "Reading the card's QR code...\n";
        }
        try {
            qr = samples::readQr(o.qr);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::MalformedData && e.code() != ErrorCode::NotSupported &&
                e.code() != ErrorCode::Io) {
                throw;
            }
            std::cerr << "cccd-read: " << e.what() << "\n";
            return ExitCode::QrUnusable;
        }
    }
    reader::AccessKey key = accessKey(o, qr);
    verify::TrustStore trust = verify::TrustStore::fromPaths(o.trust, !o.noDefaultTrust);
    pcsc::PcscContext context;
    std::optional<std::string> wanted;
    if (!o.reader.empty()) {
        wanted = o.reader;
    }
    auto timeout = std::chrono::milliseconds(static_cast<long>(o.waitSeconds * 1000));
    if (o.progress) {
        std::cerr << "Waiting for a card...\n";
    }
    std::string readerName = context.waitForCard(wanted, timeout, false, &g_cancel);
    if (o.progress) {
        std::cerr << "Card found in \"" << readerName << "\"\n";
    }

    reader::ReadOptions options;
    options.cancel = &g_cancel;
    options.dataGroups = o.dataGroups;
    options.extendedLength = extendedMode(o.extendedLength);
    options.accessPolicy = accessPolicy(o.protocol);
    options.activeAuthenticationChallenge = fromHex(o.aaChallenge); // checked when parsed
    if (o.progress) {
        options.onProgress = printProgress;
    }
    reader::CardReadout readout =
        samples::readResuming(context, readerName, key, options, resumeOptions(o));
    if (!o.bundle.empty()) {
        writeBundle(o, readout);
    }
    reader::Document document = reader::interpret(std::move(readout), trust);

    json::JsonOptions jsonOptions;
    if (!o.portrait.empty() && document.portrait()) {
        writePrivateFile(o.portrait, document.portrait()->image);
        jsonOptions.portraitPath = o.portrait;
    }
    jsonOptions.qr = qr ? &*qr : nullptr;
    std::string text = json::documentToJson(document, jsonOptions).dump(2) + "\n";
    std::optional<verify::QrCrossCheckReport> crossCheck;
    if (qr) {
        crossCheck = verify::crossCheckQr(*qr, document.dg13 ? &*document.dg13 : nullptr,
                                          document.dg1 ? &*document.dg1 : nullptr);
    }
    if (o.output.empty()) {
        std::cout << text;
    } else {
        writePrivateFile(o.output, toBytes(text));
    }
    if (document.verified() && (!crossCheck || crossCheck->consistent())) {
        return ExitCode::Success;
    }
    if (document.verified()) {
        std::cerr << "cccd-read: the chip's data is verified, but the QR printed on the card does "
                     "not match it (verification.qr_cross_check lists the fields): the card's "
                     "face and its chip disagree.\n";
        return ExitCode::VerificationFailed;
    }
    std::cerr << "cccd-read: the data was read but is not verified (passive authentication: "
              << verify::verdictName(document.passiveAuthentication.verdict)
              << "); the report in the JSON says which check failed. A card signed by a CSCA "
                 "outside the trust store needs --trust.\n";
    return ExitCode::VerificationFailed;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{Description, "cccd-read"};
    app.footer(Epilog);
    Options o;
    app.add_option("--reader", o.reader, "PC/SC reader name (default: the first with a card)");
    app.add_flag("--list-readers", o.listReaders, "List PC/SC readers and exit");
    app.add_option("--mrz", o.mrz, "The whole MRZ (3 lines of 30 for the ID card)");
    app.add_option("--mrz-file", o.mrzFile, "A file holding the MRZ");
    app.add_option("--doc-number", o.documentNumber,
                   "Document number (Vietnamese card: last 9 digits of the ID number)");
    app.add_option("--birth-date", o.birthDate, "Date of birth as YYMMDD");
    app.add_option("--expiry", o.expiryDate, "Date of expiry as YYMMDD");
    app.add_option("--can", o.can, "Card access number (PACE password), 6 digits");
    app.add_option("--id-number", o.idNumber,
                   "The 12-digit ID number; its last 6 digits are the CAN (Vietnamese card)");
    app.add_option("--qr-image", o.qr.image,
                   "A photo of the card's face: the key comes from its QR code (CAN = last 6 "
                   "digits of the ID; BAC candidates from the expiry rule)");
    app.add_option("--camera", o.qr.camera, "Read the card's QR code from this camera first");
    app.add_option("--qr", o.qr.text,
                   "The card's QR payload as text, or - to read it from standard input (a USB "
                   "scanner in keyboard mode; keeps it off the command line)");
    app.add_option("--protocol", o.protocol,
                   "How to open the chip: auto (PACE when the card offers it, else BAC), pace, "
                   "bac, pace-then-bac (BAC with the MRZ key when PACE fails; reported)")
        ->check(CLI::IsMember({"auto", "pace", "bac", "pace-then-bac"}));
    app.add_option("--trust", o.trust,
                   "CSCA certificate (PEM/DER), ICAO master list or directory; repeatable. A "
                   "master list's certificates are added only when its own signature verifies "
                   "with a certificate it holds: trust it as much as the place you got it from");
    app.add_flag("--no-default-trust", o.noDefaultTrust,
                 "Do not trust the built-in Vietnamese eID CSCA");
    app.add_option("--portrait", o.portrait, "Save the portrait image (DG2) to this file");
    app.add_option("--output,-o", o.output, "Write the JSON here instead of standard output");
    app.add_option("--wait", o.waitSeconds,
                   "Seconds to wait for a card, and for it to come back when it leaves the "
                   "reader mid-read (default 30)")
        ->check(CLI::Range(0.0, 86400.0));
    app.add_flag("--no-resume", o.noResume,
                 "When the card leaves the reader mid-read, stop with exit code 6 instead of "
                 "asking for it back and continuing the read");
    app.add_option("--data-groups", o.dataGroups, "Read only these data groups (default: all)")
        ->check(CLI::Range(1, 16));
    app.add_option("--bundle", o.bundle,
                   "Also save the read's evidence bundle (the raw files, the protocol, the chip's "
                   "proofs; never the key) to this file, for cccd-verify without the card");
    app.add_option("--bundle-groups", o.bundleGroups,
                   "The data groups the bundle keeps, e.g. 1,13,14,15 without the portrait "
                   "(default: every one read)")
        ->delimiter(',')
        ->check(CLI::Range(1, 16))
        ->needs("--bundle");
    app.add_option("--aa-challenge", o.aaChallenge,
                   "The Active Authentication challenge, 16 hex digits: a server's nonce, so that "
                   "the chip's signature in the bundle proves this very read (cccd-verify "
                   "--challenge); default: random")
        ->type_name("HEX")
        ->check(CLI::Validator(
            [](const std::string& text) {
                const bool hex =
                    text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
                return hex && text.size() == 2 * verify::ActiveAuthenticationChallengeSize
                           ? std::string()
                           : std::string("16 hex digits (8 bytes)");
            },
            "HEX"));
    app.add_option("--extended-length", o.extendedLength,
                   "Extended-length APDUs: auto (reader and card say yes), on, off")
        ->check(CLI::IsMember({"auto", "on", "off"}));
    app.add_flag("--progress", o.progress, "Show progress on standard error");
    app.add_flag("--verbose,-v", o.verbose,
                 "Log protocol steps and the APDU trace (headers, lengths and status words only; "
                 "never data) on standard error");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }

    if (o.verbose) {
        setLogSink(
            [](LogLevel, std::string_view category, std::string_view text) {
                std::cerr << "[" << category << "] " << text << "\n";
            },
            LogLevel::Debug);
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    try {
        return static_cast<int>(run(o));
    } catch (const Error& e) {
        std::cerr << "cccd-read: " << e.what() << " [" << errorCodeName(e.code()) << "]\n";
        if (e.code() == ErrorCode::AccessDenied) {
            std::cerr << "cccd-read: check the key: on the Vietnamese card the CAN is the last 6 "
                         "digits of the 12-digit ID, the document number its last 9 digits, and "
                         "the dates are YYMMDD as in the MRZ on the back.\n";
        }
        return static_cast<int>(samples::exitCodeFor(e.code()));
    } catch (const std::exception& e) {
        std::cerr << "cccd-read: " << e.what() << "\n";
        return static_cast<int>(ExitCode::Failure);
    }
}

// cccd-qr: reads the QR code printed on a Vietnamese ID card from photos, a video, a camera or a
// keyboard-wedge scanner, and prints the payload, its fields and the access keys as JSON.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <optional>

#include "base/Error.h"
#include "json/QrJson.h"
#include "qr/QrAccessKey.h"
#include "qr/QrPayload.h"
#include "qr/QrText.h"
#include "qr/WedgeScanner.h"
#include "vision/FrameSource.h"
#include "vision/ImageFile.h"
#include "vision/QrDecoder.h"
#include "vision/QrScan.h"

using namespace cccd;

namespace {

enum class ExitCode : int {
    Success = 0,    ///< every input gave the card's payload
    Failure = 1,    ///< unexpected failure
    Usage = 2,      ///< bad command line
    NoQr = 8,       ///< an input held no readable QR code (or the camera saw none in time)
    NotCardQr = 9,  ///< a QR code was read but is not the card's payload
    InputError = 10 ///< an input could not be opened or is not an image or video
};

const char* Epilog = "Exit codes:\n"
                     "  0  every input gave the card's payload\n"
                     "  1  unexpected failure\n"
                     "  2  bad command line\n"
                     "  8  no readable QR code in an input (or none seen before --timeout)\n"
                     "  9  a QR code was read but is not a Vietnamese ID card's payload\n"
                     " 10  an input could not be opened, or is not an image or a video\n"
                     "The output holds personal data and access keys: handle it as such.";

struct Outcome {
    nlohmann::json json;
    ExitCode code = ExitCode::Success;
};

ExitCode worse(ExitCode a, ExitCode b) {
    return static_cast<int>(b) > static_cast<int>(a) ? b : a;
}

Outcome fromText(const std::string& text, nlohmann::json out) {
    try {
        std::string decoded = qr::decodeQrText(std::string_view(text));
        qr::QrPayload payload = qr::QrPayload::parse(decoded);
        out["text"] = decoded;
        out["qr"] = json::toJson(payload);
        out["keys"] = json::toJson(qr::accessKeysFrom(payload));
        return {std::move(out), ExitCode::Success};
    } catch (const qr::QrPayloadError& e) {
        out["error"] = {
            {"code", "not_card_qr"}, {"field", qr::qrFieldName(e.field())}, {"message", e.what()}};
        return {std::move(out), ExitCode::NotCardQr};
    } catch (const Error& e) {
        out["error"] = {{"code", errorCodeName(e.code())}, {"message", e.what()}};
        return {std::move(out), ExitCode::NotCardQr};
    }
}

Outcome fromSymbol(const std::optional<vision::QrSymbol>& symbol, nlohmann::json out) {
    if (!symbol) {
        out["error"] = {{"code", "no_qr"}, {"message", "no readable QR code"}};
        return {std::move(out), ExitCode::NoQr};
    }
    out["decoder_pass"] = symbol->pass;
    return fromText(std::string(symbol->bytes.begin(), symbol->bytes.end()), std::move(out));
}

Outcome fromImage(const std::string& path) {
    nlohmann::json out{{"source", path}};
    try {
        vision::QrDecoder decoder;
        return fromSymbol(decoder.decode(vision::readImageFile(path)), std::move(out));
    } catch (const Error& e) {
        out["error"] = {{"code", errorCodeName(e.code())}, {"message", e.what()}};
        return {std::move(out), ExitCode::InputError};
    }
}

// Frames until a symbol, the end of the source, or the deadline.
Outcome fromFrames(vision::FrameSource source, nlohmann::json out, double timeoutSeconds,
                   bool live) {
    vision::QrScanResult scan = vision::scanForQr(
        source, std::chrono::milliseconds(static_cast<long long>(timeoutSeconds * 1000)), live);
    out["frames"] = {{"decoded", scan.frames.decoded}, {"dropped", scan.frames.dropped}};
    return fromSymbol(scan.symbol, std::move(out));
}

// A keyboard-wedge scanner typing into stdin: one payload per scan, with or without Enter.
std::vector<Outcome> fromScanner(std::istream& in) {
    qr::WedgeScanner scanner;
    std::vector<Outcome> out;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> done = scanner.feed(line);
        if (std::optional<std::string> rest = scanner.flush()) {
            done.push_back(std::move(*rest)); // getline ate the Enter
        }
        for (const std::string& text : done) {
            out.push_back(fromText(text, {{"source", "scanner"}}));
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Reads the QR code of a Vietnamese chip ID card (CCCD / Can cuoc) from photos, a "
                 "video, a camera or a USB scanner in keyboard mode, and prints the payload, its "
                 "fields and the access keys it gives (the CAN for PACE, BAC key candidates) as "
                 "JSON, one object per input."};
    app.footer(Epilog);
    std::vector<std::string> images;
    std::string video;
    std::optional<int> camera;
    double timeout = 30;
    bool scanner = false;
    std::string text;
    app.add_option("images", images, "Photos of the card (JPEG, PNG, ...)");
    app.add_option("--video", video, "A video file to scan frame by frame");
    app.add_option("--camera", camera, "Camera index (/dev/videoN) to scan live");
    app.add_option("--timeout", timeout, "Seconds to look with --camera or --video")
        ->check(CLI::PositiveNumber);
    app.add_flag("--scanner", scanner,
                 "Read what a keyboard-wedge QR scanner types on standard input");
    app.add_option("--text", text, "A payload as text (e.g. pasted)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
    if (images.empty() && video.empty() && !camera && !scanner && text.empty()) {
        std::cerr << "cccd-qr: give photos, --video, --camera, --scanner or --text\n";
        return static_cast<int>(ExitCode::Usage);
    }

    try {
        std::vector<Outcome> outcomes;
        for (const std::string& path : images) {
            outcomes.push_back(fromImage(path));
        }
        if (!text.empty()) {
            outcomes.push_back(fromText(text, {{"source", "text"}}));
        }
        if (!video.empty()) {
            nlohmann::json out{{"source", video}};
            try {
                outcomes.push_back(
                    fromFrames(vision::FrameSource::video(video), out, timeout, false));
            } catch (const Error& e) {
                out["error"] = {{"code", errorCodeName(e.code())}, {"message", e.what()}};
                outcomes.push_back({out, ExitCode::InputError});
            }
        }
        if (camera) {
            nlohmann::json out{{"source", "camera " + std::to_string(*camera)}};
            try {
                outcomes.push_back(
                    fromFrames(vision::FrameSource::camera(*camera), out, timeout, true));
            } catch (const Error& e) {
                out["error"] = {{"code", errorCodeName(e.code())}, {"message", e.what()}};
                outcomes.push_back({out, ExitCode::InputError});
            }
        }
        if (scanner) {
            for (Outcome& o : fromScanner(std::cin)) {
                outcomes.push_back(std::move(o));
            }
        }
        ExitCode code = ExitCode::Success;
        nlohmann::json all = nlohmann::json::array();
        for (Outcome& o : outcomes) {
            code = worse(code, o.code);
            all.push_back(std::move(o.json));
        }
        std::cout << all.dump(2) << "\n";
        return static_cast<int>(code);
    } catch (const std::exception& e) {
        std::cerr << "cccd-qr: " << e.what() << "\n";
        return static_cast<int>(ExitCode::Failure);
    }
}

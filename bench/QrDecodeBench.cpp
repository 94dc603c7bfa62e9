// cccd-qr-decode-bench: decode rate and time per frame of the SDK's QR pipeline over the ratchet's
// photo set, per category, beside a single plain ZXing-C++ call on the same frames, in one run.
// Times are medians and 90th percentiles of wall time (with --cpu-time, the thread's CPU time) per
// frame on this machine; ratios are against the pipeline's median on the clean category of the
// same run, so that the table compares across machines. The last line compares the pipeline with
// the plain call over all frames.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <ZXing/ReadBarcode.h>

#include "vision/ImageFile.h"
#include "vision/QrDecoder.h"

namespace {

namespace fs = std::filesystem;
using cccd::vision::GrayImage;

struct Frame {
    std::string file;
    std::string category;
    GrayImage image;
    cccd::Bytes payload;
};

/// Milliseconds per frame and how many frames decoded to the payload.
struct Run {
    std::vector<double> ms;
    int decoded = 0;

    [[nodiscard]] double percentile(double p) const {
        if (ms.empty()) {
            return 0.0;
        }
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[at];
    }
};

// Wall time, or with `cpu` the CPU time of this thread: on a machine shared with other work the
// wall time counts the waits for a core, the thread's CPU time only the decoding.
double nowMs(bool cpu) {
    if (cpu) {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    }
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

template <typename Decode> double timed(Decode&& decode, bool& decoded, bool cpu) {
    double start = nowMs(cpu);
    decoded = decode();
    return nowMs(cpu) - start;
}

/// The pass that decoded the frame, "-" when none did, "WRONG" for other bytes than the payload.
std::string pipeline(const Frame& frame, const cccd::vision::QrDecoderOptions& options) {
    cccd::vision::QrDecoder decoder(options); // a new card each frame: nothing tracked
    std::optional<cccd::vision::QrSymbol> symbol = decoder.decode(frame.image);
    if (!symbol) {
        return "-";
    }
    return symbol->bytes == frame.payload ? symbol->pass : "WRONG";
}

// What an integrator would write first: one call, QR only, the library's defaults otherwise.
bool plainZxing(const Frame& frame) {
    ZXing::ImageView view(frame.image.pixels.data(), frame.image.width, frame.image.height,
                          ZXing::ImageFormat::Lum);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() &&
           cccd::Bytes(result.bytes().begin(), result.bytes().end()) == frame.payload;
}

std::vector<Frame> loadFrames(const fs::path& dir) {
    std::ifstream in(dir / "manifest.json");
    if (!in) {
        throw std::runtime_error("no manifest.json in " + dir.string() +
                                 ": build the target cccd_qr_photos");
    }
    nlohmann::json manifest = nlohmann::json::parse(in);
    std::vector<Frame> frames;
    for (const nlohmann::json& photo : manifest.at("photos")) {
        Frame frame;
        frame.file = photo.at("file").get<std::string>();
        frame.category = photo.at("category").get<std::string>();
        frame.image = cccd::vision::readImageFile(dir / photo.at("file").get<std::string>());
        frame.payload = cccd::toBytes(photo.at("payload").get<std::string>());
        frames.push_back(std::move(frame));
    }
    return frames;
}

void printRow(const char* name, int frames, const Run& ours, const Run& plain, double baseline) {
    auto percent = [frames](const Run& run) { return 100.0 * run.decoded / std::max(1, frames); };
    std::printf("%-13s %6d | %6.1f%% %7.2f %7.2f %6.2fx | %6.1f%% %7.2f %7.2f %6.2fx\n", name,
                frames, percent(ours), ours.percentile(0.5), ours.percentile(0.9),
                ours.percentile(0.5) / baseline, percent(plain), plain.percentile(0.5),
                plain.percentile(0.9), plain.percentile(0.5) / baseline);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times QR decoding over the ratchet's card photos: the SDK's pipeline "
                 "(QrDecoder) and a plain ZXing-C++ call, per category."};
    std::string dir = CCCD_QR_PHOTO_DIR;
    int rounds = 1;
    bool each = false;
    bool cpuTime = false;
    app.add_option("--photos", dir, "directory with manifest.json and the photos");
    app.add_flag("--cpu-time", cpuTime,
                 "time each frame by this thread's CPU time instead of wall time (a busy machine)");
    app.add_flag("--each", each, "also print every frame: the pass that decoded it and the times");
    cccd::vision::QrDecoderOptions options;
    app.add_option("--working-size", options.workingSize,
                   "longest side of the pipeline's first pass (QrDecoderOptions::workingSize)")
        ->check(CLI::Range(320, 4096));
    app.add_option("--rounds", rounds, "times each frame is decoded")->check(CLI::Range(1, 100));
    CLI11_PARSE(app, argc, argv);

    std::vector<Frame> frames;
    try {
        frames = loadFrames(dir);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cccd-qr-decode-bench: %s\n", e.what());
        return 1;
    }

    std::map<std::string, std::pair<Run, Run>> runs; // category: pipeline, plain call
    std::map<std::string, int> counts;
    std::pair<Run, Run> all;
    for (int round = 0; round < rounds; ++round) {
        for (const Frame& frame : frames) {
            auto& [ours, plain] = runs[frame.category];
            std::string pass;
            bool decoded = false;
            double ms = timed(
                [&] {
                    pass = pipeline(frame, options);
                    return pass != "-" && pass != "WRONG";
                },
                decoded, cpuTime);
            for (Run* run : {&ours, &all.first}) {
                run->ms.push_back(ms);
                run->decoded += decoded ? 1 : 0;
            }
            double ourMs = ms;
            ms = timed([&] { return plainZxing(frame); }, decoded, cpuTime);
            if (each && round == 0) {
                std::printf("%-22s %-24s %8.2f ms | plain %-3s %8.2f ms\n", frame.file.c_str(),
                            pass.c_str(), ourMs, decoded ? "yes" : "no", ms);
            }
            for (Run* run : {&plain, &all.second}) {
                run->ms.push_back(ms);
                run->decoded += decoded ? 1 : 0;
            }
            ++counts[frame.category];
        }
    }

    double baseline = std::max(runs["clean"].first.percentile(0.5), 1e-6);
    std::printf("%d frames of %s, %d round(s), %s; ratio = median / pipeline's clean median "
                "(%.2f ms)\n\n",
                static_cast<int>(frames.size()), dir.c_str(), rounds,
                cpuTime ? "thread CPU time" : "wall time", baseline);
    std::printf("%-13s %6s | %-33s | %-33s\n", "", "", "pipeline (QrDecoder)", "plain ZXing call");
    std::printf("%-13s %6s | %7s %7s %7s %7s | %7s %7s %7s %7s\n", "category", "frames", "decoded",
                "med ms", "p90 ms", "ratio", "decoded", "med ms", "p90 ms", "ratio");
    for (const auto& [category, pair] : runs) {
        printRow(category.c_str(), counts[category], pair.first, pair.second, baseline);
    }
    printRow("all", static_cast<int>(frames.size()) * rounds, all.first, all.second, baseline);
    std::printf("\npipeline / plain call: %d / %d frames decoded, median %.2f / %.2f ms (%.2fx)\n",
                all.first.decoded, all.second.decoded, all.first.percentile(0.5),
                all.second.percentile(0.5),
                all.first.percentile(0.5) / std::max(all.second.percentile(0.5), 1e-6));
    return 0;
}

#include "vision/QrDecoder.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "vision/OpenCvImage.h"
#include "vision/QrCandidates.h"
#include "vision/QrCrops.h"
#include "vision/QrFilters.h"
#include "vision/QrPassImage.h"

namespace cccd::vision {

namespace {

// The card's QR, at most a few hundred bytes, in a region this much larger than the symbol.
constexpr double RegionMargin = 0.5;
// Candidates are cut at this many pixels a module: ZXing-C++ reads them reliably, on few pixels.
constexpr double CandidateModulePixels = 5.0;
// The same regions again, coarser: fewer pixels average noise away, and ZXing-C++ 1.4 misses
// some symbols at one exact scale that it reads at another.
constexpr double CoarseModulePixels = 3.5;
// The second working scale, against the first: a symbol whose modules land where ZXing-C++ 1.4
// is erratic (about 2.5 pixels) at one scale lands elsewhere at the other.
constexpr double SecondScale = 4.0 / 3.0;
// The first search, on the frame shrunk to half the working size (a quarter of 1080p: about a
// pixel a module for a card held close), over windows of five pixels.
constexpr double SearchScale = 0.5;
constexpr CandidateSearch QuickSearch{5, 0.0, 2};
// The search over the full frame, for symbols too small for the downscaled one (modules under
// about 1.3 pixels at full resolution): a window of a quarter of the smallest symbol and enough
// smoothing to blur the sensor's grain, not the modules.
constexpr CandidateSearch FullFrameSearch{15, 1.0, 2};

using Attempt = std::function<std::optional<QrSymbol>()>;

cv::Rect inFrame(const cv::Rect& region, double scale) {
    return {static_cast<int>(region.x / scale), static_cast<int>(region.y / scale),
            static_cast<int>(region.width / scale), static_cast<int>(region.height / scale)};
}

RectI regionAround(const QrSymbol& symbol, int width, int height) {
    int minX = width;
    int minY = height;
    int maxX = 0;
    int maxY = 0;
    for (const PointI& p : symbol.corners) {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    int marginX = static_cast<int>((maxX - minX) * RegionMargin);
    int marginY = static_cast<int>((maxY - minY) * RegionMargin);
    int x0 = std::clamp(minX - marginX, 0, width);
    int y0 = std::clamp(minY - marginY, 0, height);
    int x1 = std::clamp(maxX + marginX, 0, width);
    int y1 = std::clamp(maxY + marginY, 0, height);
    return {x0, y0, x1 - x0, y1 - y0};
}

} // namespace

QrDecoder::QrDecoder(QrDecoderOptions options) : m_options(options) {}

std::optional<QrSymbol> QrDecoder::decode(const GrayImage& frame) {
    if (frame.empty() || frame.pixels.size() != frame.size()) {
        return std::nullopt;
    }
    cv::Mat gray = matView(frame);
    std::vector<Attempt> attempts;

    if (m_options.trackRegion && m_region && m_region->width > 0 && m_region->height > 0) {
        cv::Rect r(m_region->x, m_region->y, m_region->width, m_region->height);
        r &= cv::Rect(0, 0, gray.cols, gray.rows);
        if (r.area() > 0) {
            attempts.emplace_back([&gray, r, this] {
                return readQr(scaledTo(gray(r), m_options.workingSize, r.tl()),
                              ZXing::Binarizer::LocalAverage, "region");
            });
        }
    }
    // First the symbol's likely regions, found on a small copy of the frame and cut from the
    // full frame at a scale chosen for them: an easy frame decodes here, on a few hundred pixels.
    CandidateCrops crops;
    std::vector<PassImage> located;
    attempts.emplace_back([&] {
        PassImage search = scaledTo(gray, static_cast<int>(m_options.workingSize * SearchScale));
        std::vector<cv::Rect> regions;
        for (const cv::Rect& region : qrCandidateRegions(search.gray, QuickSearch)) {
            regions.push_back(inFrame(region, search.scale));
        }
        located = crops.cut(gray, regions, CandidateModulePixels);
        // Stretched: ZXing's local binarizer takes a block with less than about 24 grey levels
        // for flat, and a dull photo's symbol has fewer; a crisp one loses nothing.
        for (const PassImage& crop : located) {
            if (auto symbol = readQr(withPixels(crop, stretched(crop.gray)),
                                     ZXing::Binarizer::LocalAverage, "located")) {
                return symbol;
            }
        }
        for (const PassImage& crop : CandidateCrops().cut(gray, regions, CoarseModulePixels)) {
            if (auto symbol = readQr(withPixels(crop, stretched(crop.gray)),
                                     ZXing::Binarizer::LocalAverage, "located_coarse")) {
                return symbol;
            }
        }
        return std::optional<QrSymbol>{};
    });
    // Then the whole frame at two scales and with a global threshold. The regions found at the
    // working size and at full resolution are cut with every filter when thorough.
    PassImage first;
    attempts.emplace_back([&] {
        first = scaledTo(gray, m_options.workingSize);
        return readQr(first, ZXing::Binarizer::LocalAverage, "downscaled");
    });
    attempts.emplace_back([&]() -> std::optional<QrSymbol> {
        if (first.scale == 1.0) {
            return std::nullopt;
        }
        auto size = static_cast<int>(m_options.workingSize * SecondScale);
        return readQr(scaledTo(gray, size), ZXing::Binarizer::LocalAverage, "second_scale");
    });
    attempts.emplace_back(
        [&] { return readQr(first, ZXing::Binarizer::GlobalHistogram, "global_threshold"); });
    if (m_options.thorough) {
        attempts.emplace_back([&] {
            return readQr(withPixels(first, stretched(first.gray)), ZXing::Binarizer::LocalAverage,
                          "contrast");
        });
        // The located crops as cut, then with every filter but the stretch the first pass made.
        attempts.emplace_back([&] {
            if (auto symbol = readCrops(located, CandidateModulePixels, 0, 1)) {
                return symbol;
            }
            return readCrops(located, CandidateModulePixels, 2, cropFilterCount());
        });
        attempts.emplace_back([&] {
            std::vector<cv::Rect> regions;
            for (const cv::Rect& region : qrCandidateRegions(first.gray)) {
                regions.push_back(inFrame(region, first.scale));
            }
            return readCrops(crops.cut(gray, regions, CandidateModulePixels), CandidateModulePixels,
                             0, cropFilterCount());
        });
        attempts.emplace_back([&]() -> std::optional<QrSymbol> {
            if (first.scale == 1.0) {
                return std::nullopt;
            }
            std::vector<cv::Rect> regions = qrCandidateRegions(gray, FullFrameSearch);
            return readCrops(crops.cut(gray, regions, CandidateModulePixels), CandidateModulePixels,
                             0, cropFilterCount());
        });
        attempts.emplace_back([&] {
            return first.scale == 1.0
                       ? std::nullopt
                       : readQr(PassImage{gray}, ZXing::Binarizer::LocalAverage, "full_resolution");
        });
        attempts.emplace_back([&] {
            double sigma = std::min(first.gray.cols, first.gray.rows) / 48.0;
            return readQr(withPixels(first, deglared(first.gray, sigma)),
                          ZXing::Binarizer::LocalAverage, "glare");
        });
    }

    for (const Attempt& attempt : attempts) {
        std::optional<QrSymbol> symbol;
        try {
            symbol = attempt();
        } catch (const cv::Exception&) {
            symbol.reset(); // a degenerate frame: the next pass or frame
        }
        if (symbol) {
            m_region = regionAround(*symbol, gray.cols, gray.rows);
            return symbol;
        }
    }
    return std::nullopt;
}

} // namespace cccd::vision

#include "vision/QrCrops.h"

#include <algorithm>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "vision/QrFilters.h"

namespace cccd::vision {

namespace {

// A candidate region spans about this many modules: the card's 120-230 bytes need versions 7 to
// 10 at level M (45 to 57 modules, ISO/IEC 18004 Table 7; cccd.md §4.3), and the texture mask
// follows the symbol's edge closely.
constexpr double CandidateModules = 50.0;
// Quiet zone (4 modules, ISO/IEC 18004) and mask error around a candidate, as a fraction
// of its size.
constexpr double CandidateMargin = 0.3;

struct CropFilter {
    const char* pass;
    ZXing::Binarizer binarizer;
    /// The filtered crop, given the pixels a module spans; empty: the crop as cut.
    std::function<cv::Mat(const cv::Mat&, double)> filter;
};

// Contrast (dull photos), noise and JPEG, blur and glare, each with ZXing's binarizers or ours.
const std::vector<CropFilter>& cropFilters() {
    static const std::vector<CropFilter> filters{
        {"candidate", ZXing::Binarizer::LocalAverage, {}},
        {"candidate_stretched", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g, double) { return stretched(g); }},
        {"candidate_denoised", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g, double m) { return stretched(smoothed(g, m / 4.0)); }},
        {"candidate_binarized", ZXing::Binarizer::FixedThreshold,
         [](const cv::Mat& g, double m) { return binarized(smoothed(g, m / 5.0), m); }},
        {"candidate_sharpened", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g, double m) { return stretched(sharpened(g, m / 2.0, 2.0)); }},
        // Strong defocus (a blur of about half a module) and symbols of barely more than a pixel
        // a module, grown by interpolation: sharpened twice.
        {"candidate_sharpened_twice", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g, double m) {
             return stretched(sharpened(sharpened(g, m / 2.0, 3.0), m / 2.0, 3.0));
         }},
        // Defocus with JPEG or sensor grain: the grain smoothed away first, then sharpened.
        {"candidate_smoothed_sharpened", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g, double m) {
             return stretched(sharpened(smoothed(g, m / 5.0), m / 2.0, 2.0));
         }},
    };
    return filters;
}

// Big symbols shrink (fewer pixels, noise averaged), small ones grow (ZXing finds finder patterns
// of a few pixels, not of one).
PassImage candidateCrop(const cv::Mat& gray, const cv::Rect& region, double modulePixels) {
    double regionModule = std::max(region.width, region.height) / CandidateModules;
    double factor = std::clamp(modulePixels / regionModule, 0.5, 4.0);
    return cropOf(gray, region, CandidateMargin, factor);
}

} // namespace

std::vector<PassImage> CandidateCrops::cut(const cv::Mat& gray,
                                           const std::vector<cv::Rect>& regions,
                                           double modulePixels) {
    std::vector<PassImage> out;
    for (const cv::Rect& region : regions) {
        // Only the very same region is skipped: ZXing-C++ reads a marginal symbol or not
        // depending on a few pixels of its crop, so a slightly different cut is another chance.
        if (std::find(m_tried.begin(), m_tried.end(), region) == m_tried.end()) {
            out.push_back(candidateCrop(gray, region, modulePixels));
            m_tried.push_back(region);
        }
    }
    return out;
}

std::size_t cropFilterCount() {
    return cropFilters().size();
}

std::optional<QrSymbol> readCrops(const std::vector<PassImage>& crops, double modulePixels,
                                  std::size_t first, std::size_t last) {
    const std::vector<CropFilter>& filters = cropFilters();
    for (std::size_t i = first; i < std::min(last, filters.size()); ++i) {
        const CropFilter& filter = filters[i];
        for (const PassImage& crop : crops) {
            PassImage image =
                filter.filter ? withPixels(crop, filter.filter(crop.gray, modulePixels)) : crop;
            if (auto symbol = readQr(image, filter.binarizer, filter.pass)) {
                return symbol;
            }
        }
    }
    return std::nullopt;
}

} // namespace cccd::vision

#include "vision/QrDecoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <tuple>
#include <vector>

#include <ZXing/ReadBarcode.h>

#include "vision/OpenCvImage.h"

namespace cccd::vision {

namespace {

// The card's QR, at most a few hundred bytes, in a region this much larger than the symbol.
constexpr double RegionMargin = 0.5;
// A candidate region spans about this many modules: the card's 120-230 bytes need versions 7 to
// 10 at level M (45 to 57 modules, ISO/IEC 18004 Table 7; cccd.md §4.3), and the texture mask
// reaches a little past the symbol.
constexpr double CandidateModules = 55.0;
// Candidates are resized to this many pixels a module before the thorough passes.
constexpr double CandidateModulePixels = 5.0;
// Quiet zone and mask error around a candidate, as a fraction of its size.
constexpr double CandidateMargin = 0.2;

/// One attempt: an image derived from the frame, and how to map its points back.
struct PassImage {
    cv::Mat gray; ///< continuous 8-bit
    double scale = 1.0;
    cv::Point offset{0, 0}; ///< of the region in the frame
};

std::optional<QrSymbol> read(const PassImage& image, ZXing::Binarizer binarizer, const char* pass) {
    cv::Mat gray = image.gray.isContinuous() ? image.gray : image.gray.clone();
    ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setBinarizer(binarizer);
    hints.setMaxNumberOfSymbols(1);
    hints.setCharacterSet("UTF-8"); // only for ZXing's own text; the bytes are what we use
    ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) {
        return std::nullopt;
    }
    QrSymbol symbol;
    symbol.bytes.assign(result.bytes().begin(), result.bytes().end());
    const ZXing::Position& p = result.position();
    const std::array<ZXing::PointI, 4> corners{p.topLeft(), p.topRight(), p.bottomRight(),
                                               p.bottomLeft()};
    for (std::size_t i = 0; i < corners.size(); ++i) {
        symbol.corners[i] = {static_cast<int>(corners[i].x / image.scale) + image.offset.x,
                             static_cast<int>(corners[i].y / image.scale) + image.offset.y};
    }
    symbol.pass = pass;
    return symbol;
}

PassImage scaledTo(const cv::Mat& gray, int longestSide, cv::Point offset = {0, 0}) {
    PassImage out;
    out.offset = offset;
    int longest = std::max(gray.cols, gray.rows);
    if (longest <= longestSide) {
        out.gray = gray;
        return out;
    }
    out.scale = static_cast<double>(longestSide) / longest;
    cv::resize(gray, out.gray, cv::Size(), out.scale, out.scale, cv::INTER_AREA);
    return out;
}

PassImage withPixels(const PassImage& base, cv::Mat pixels) {
    PassImage out = base;
    out.gray = std::move(pixels);
    return out;
}

// Contrast stretched so that the darkest and brightest percent of pixels reach 0 and 255: a dull
// or hazy photo gets the range ZXing's local binarizer needs (it leaves flat blocks alone).
cv::Mat stretched(const cv::Mat& gray) {
    std::array<int, 256> histogram{};
    for (int y = 0; y < gray.rows; ++y) {
        const std::uint8_t* row = gray.ptr<std::uint8_t>(y);
        for (int x = 0; x < gray.cols; ++x) {
            ++histogram[row[x]];
        }
    }
    auto tail = static_cast<int>(gray.total() / 100);
    int lo = 0;
    for (int count = 0; lo < 255 && (count += histogram[lo]) <= tail; ++lo) {
    }
    int hi = 255;
    for (int count = 0; hi > 0 && (count += histogram[hi]) <= tail; --hi) {
    }
    if (hi <= lo) {
        return gray;
    }
    cv::Mat out;
    gray.convertTo(out, CV_8UC1, 255.0 / (hi - lo), -255.0 * lo / (hi - lo));
    return out;
}

cv::Mat smoothed(const cv::Mat& gray, double sigma) {
    cv::Mat out;
    cv::GaussianBlur(gray, out, cv::Size(0, 0), sigma);
    return out;
}

// Unsharp masking: the image plus `amount` times its detail finer than `sigma`.
cv::Mat sharpened(const cv::Mat& gray, double sigma, double amount) {
    cv::Mat out;
    cv::addWeighted(gray, 1.0 + amount, smoothed(gray, sigma), -amount, 0, out);
    return out;
}

// Glare: saturated patches on the laminate swallow modules. Flatten the illumination (divide by a
// heavy blur) so that a bright patch and a dark corner become the same mid grey, then stretch.
cv::Mat deglared(const cv::Mat& gray, double sigma) {
    cv::Mat flat;
    cv::divide(gray, smoothed(gray, sigma), flat, 160.0);
    return stretched(flat);
}

// Our own binarization, each pixel against the mean of a window of about three modules: with the
// modules at a known size, this beats ZXing's fixed 8-pixel blocks on blurred or uneven symbols.
cv::Mat binarized(const cv::Mat& gray, double modulePixels) {
    int block = static_cast<int>(3.0 * modulePixels) | 1;
    cv::Mat out;
    cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block, 0);
    return out;
}

// Where a QR symbol may be, in the downscaled frame: regions dense with steps in both directions
// (a QR's modules change colour along rows and columns alike; text mostly along rows), compact
// and roughly square (ISO/IEC 18004: the symbol is square; perspective keeps it within 1:3).
// Strongest first. The threshold is relative to the frame's own strongest texture, so that a dull
// photo finds its symbol as well as a crisp one.
std::vector<cv::Rect> candidateRegions(const cv::Mat& small) {
    constexpr int Window = 11;
    constexpr int MaxCandidates = 2;
    if (small.cols < 2 * Window || small.rows < 2 * Window) {
        return {};
    }
    cv::Rect common(0, 0, small.cols - 1, small.rows - 1);
    cv::Mat stepX;
    cv::Mat stepY;
    cv::absdiff(small(common + cv::Point(1, 0)), small(common), stepX);
    cv::absdiff(small(common + cv::Point(0, 1)), small(common), stepY);
    cv::blur(stepX, stepX, cv::Size(Window, Window));
    cv::blur(stepY, stepY, cv::Size(Window, Window));
    cv::Mat texture = cv::min(stepX, stepY);

    // The level 0.5% of the frame exceeds: the symbol, when there is one.
    std::array<int, 256> histogram{};
    for (int y = 0; y < texture.rows; ++y) {
        const std::uint8_t* row = texture.ptr<std::uint8_t>(y);
        for (int x = 0; x < texture.cols; ++x) {
            ++histogram[row[x]];
        }
    }
    auto wanted = static_cast<int>(texture.total() / 200);
    int top = 255;
    for (int count = 0; top > 0 && (count += histogram[top]) < wanted; --top) {
    }
    cv::Mat mask = texture > std::max(2.0, 0.5 * top);
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, cv::Mat::ones(7, 7, CV_8UC1));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::Mat::ones(5, 5, CV_8UC1));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<std::pair<double, cv::Rect>> ranked;
    for (const std::vector<cv::Point>& contour : contours) {
        cv::RotatedRect box = cv::minAreaRect(contour);
        double longSide = std::max(box.size.width, box.size.height);
        double shortSide = std::min(box.size.width, box.size.height);
        double area = cv::contourArea(contour);
        if (shortSide < 8.0 || longSide > 3.0 * shortSide || area < 0.5 * longSide * shortSide) {
            continue;
        }
        cv::Rect bounds = cv::boundingRect(contour);
        double strength = cv::mean(texture(bounds), mask(bounds))[0];
        ranked.emplace_back(strength * std::sqrt(area), bounds);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<cv::Rect> out;
    for (std::size_t i = 0; i < ranked.size() && i < MaxCandidates; ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

// A candidate cut from the full-resolution frame with a margin for the quiet zone, resized so
// that a module spans CandidateModulePixels: big symbols shrink (fewer pixels, noise averaged),
// small ones grow (ZXing finds finder patterns of a few pixels, not of one).
PassImage candidateImage(const cv::Mat& gray, const PassImage& small, const cv::Rect& region) {
    double toFrame = 1.0 / small.scale;
    double marginX = region.width * CandidateMargin;
    double marginY = region.height * CandidateMargin;
    cv::Point from(static_cast<int>((region.x - marginX) * toFrame),
                   static_cast<int>((region.y - marginY) * toFrame));
    cv::Point to(static_cast<int>((region.br().x + marginX) * toFrame),
                 static_cast<int>((region.br().y + marginY) * toFrame));
    cv::Rect crop = cv::Rect(from, to) & cv::Rect(0, 0, gray.cols, gray.rows);
    double modulePixels = std::max(region.width, region.height) * toFrame / CandidateModules;
    double factor = std::clamp(CandidateModulePixels / modulePixels, 0.5, 4.0);

    PassImage out;
    out.offset = crop.tl();
    out.scale = factor;
    cv::resize(gray(crop), out.gray, cv::Size(), factor, factor,
               factor < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
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

using Attempt = std::function<std::optional<QrSymbol>()>;

// The thorough passes over the likely regions of the symbol: each cut once, then contrast,
// noise, blur and glare handled at a known module size, with ZXing's binarizers and ours.
void addCandidateAttempts(const cv::Mat& gray, const PassImage& small,
                          std::vector<Attempt>& attempts) {
    auto crops = std::make_shared<std::vector<PassImage>>();
    attempts.emplace_back([&gray, &small, crops]() -> std::optional<QrSymbol> {
        for (const cv::Rect& region : candidateRegions(small.gray)) {
            crops->push_back(candidateImage(gray, small, region));
        }
        for (const PassImage& crop : *crops) {
            if (auto symbol = read(crop, ZXing::Binarizer::LocalAverage, "candidate")) {
                return symbol;
            }
        }
        return std::nullopt;
    });
    using Variant = std::function<cv::Mat(const cv::Mat&)>;
    const double m = CandidateModulePixels;
    const std::vector<std::tuple<const char*, ZXing::Binarizer, Variant>> variants{
        {"candidate_stretched", ZXing::Binarizer::LocalAverage,
         [](const cv::Mat& g) { return stretched(g); }},
        {"candidate_denoised", ZXing::Binarizer::LocalAverage,
         [m](const cv::Mat& g) { return stretched(smoothed(g, m / 4.0)); }},
        {"candidate_binarized", ZXing::Binarizer::FixedThreshold,
         [m](const cv::Mat& g) { return binarized(smoothed(g, m / 5.0), m); }},
        {"candidate_sharpened", ZXing::Binarizer::LocalAverage,
         [m](const cv::Mat& g) { return stretched(sharpened(g, m / 2.0, 2.0)); }},
    };
    for (const auto& [pass, binarizer, variant] : variants) {
        attempts.emplace_back([crops, pass, binarizer, variant]() -> std::optional<QrSymbol> {
            for (const PassImage& crop : *crops) {
                if (auto symbol = read(withPixels(crop, variant(crop.gray)), binarizer, pass)) {
                    return symbol;
                }
            }
            return std::nullopt;
        });
    }
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
                return read(scaledTo(gray(r), m_options.workingSize, r.tl()),
                            ZXing::Binarizer::LocalAverage, "region");
            });
        }
    }
    PassImage small = scaledTo(gray, m_options.workingSize);
    attempts.emplace_back(
        [&] { return read(small, ZXing::Binarizer::LocalAverage, "downscaled"); });
    attempts.emplace_back(
        [&] { return read(small, ZXing::Binarizer::GlobalHistogram, "global_threshold"); });
    if (m_options.thorough) {
        addCandidateAttempts(gray, small, attempts);
        attempts.emplace_back([&] {
            return small.scale == 1.0
                       ? std::nullopt
                       : read(PassImage{gray}, ZXing::Binarizer::LocalAverage, "full_resolution");
        });
        attempts.emplace_back([&] {
            return read(withPixels(small, stretched(small.gray)), ZXing::Binarizer::LocalAverage,
                        "contrast");
        });
        attempts.emplace_back([&] {
            double sigma = std::min(small.gray.cols, small.gray.rows) / 48.0;
            return read(withPixels(small, deglared(small.gray, sigma)),
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

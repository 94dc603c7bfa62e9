#include "vision/QrDecoder.h"

#include <algorithm>
#include <functional>
#include <opencv2/imgproc.hpp>
#include <vector>

#include <ZXing/ReadBarcode.h>

#include "vision/OpenCvImage.h"

namespace cccd::vision {

namespace {

// The card's QR, at most a few hundred bytes, in a region this much larger than the symbol.
constexpr double RegionMargin = 0.5;

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

cv::Mat equalized(const cv::Mat& gray) {
    cv::Mat out;
    cv::createCLAHE(3.0, cv::Size(8, 8))->apply(gray, out);
    return out;
}

// Glare: saturated patches on the laminate swallow modules. Flatten the illumination (divide by a
// heavy blur) so that a bright patch and a dark corner become the same mid grey, then stretch.
cv::Mat deglared(const cv::Mat& gray) {
    cv::Mat background;
    int kernel = std::max(15, (std::min(gray.cols, gray.rows) / 8) | 1);
    cv::GaussianBlur(gray, background, cv::Size(kernel, kernel), 0);
    cv::Mat flat;
    cv::divide(gray, background, flat, 160.0);
    cv::Mat out;
    cv::normalize(flat, out, 0, 255, cv::NORM_MINMAX);
    return out;
}

cv::Mat sharpened(const cv::Mat& gray) {
    cv::Mat blurred;
    cv::GaussianBlur(gray, blurred, cv::Size(0, 0), 2.0);
    cv::Mat out;
    cv::addWeighted(gray, 2.0, blurred, -1.0, 0, out);
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

} // namespace

QrDecoder::QrDecoder(QrDecoderOptions options) : m_options(options) {}

std::optional<QrSymbol> QrDecoder::decode(const GrayImage& frame) {
    if (frame.empty() || frame.pixels.size() != frame.size()) {
        return std::nullopt;
    }
    cv::Mat gray = matView(frame);
    using Attempt = std::function<std::optional<QrSymbol>()>;
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
        attempts.emplace_back([&] {
            return small.scale == 1.0
                       ? std::nullopt
                       : read(PassImage{gray}, ZXing::Binarizer::LocalAverage, "full_resolution");
        });
        attempts.emplace_back([&] {
            return read(withPixels(small, equalized(small.gray)), ZXing::Binarizer::LocalAverage,
                        "contrast");
        });
        attempts.emplace_back([&] {
            return read(withPixels(small, deglared(small.gray)), ZXing::Binarizer::LocalAverage,
                        "glare");
        });
        attempts.emplace_back([&] {
            return read(PassImage{sharpened(gray)}, ZXing::Binarizer::LocalAverage, "sharpened");
        });
        attempts.emplace_back([&] {
            return read(PassImage{equalized(deglared(gray))}, ZXing::Binarizer::GlobalHistogram,
                        "glare_global_threshold");
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

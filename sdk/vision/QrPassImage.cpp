#include "vision/QrPassImage.h"

#include <algorithm>
#include <array>
#include <opencv2/imgproc.hpp>

namespace cccd::vision {

std::optional<QrSymbol> readQr(const PassImage& image, ZXing::Binarizer binarizer,
                               const char* pass) {
    if (image.gray.empty()) {
        return std::nullopt;
    }
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

PassImage scaledTo(const cv::Mat& gray, int longestSide, cv::Point offset) {
    PassImage out;
    out.offset = offset;
    int longest = std::max(gray.cols, gray.rows);
    if (longest <= longestSide) {
        out.gray = gray;
        return out;
    }
    out.scale = static_cast<double>(longestSide) / longest;
    // Averaging is exact and fast for whole factors; for a factor between one and two, linear
    // interpolation loses little and costs a quarter as much.
    int interpolation = out.scale <= 0.5 ? cv::INTER_AREA : cv::INTER_LINEAR;
    cv::resize(gray, out.gray, cv::Size(), out.scale, out.scale, interpolation);
    return out;
}

PassImage withPixels(const PassImage& base, cv::Mat pixels) {
    PassImage out = base;
    out.gray = std::move(pixels);
    return out;
}

PassImage cropOf(const cv::Mat& gray, const cv::Rect& region, double margin, double factor) {
    auto marginX = static_cast<int>(region.width * margin);
    auto marginY = static_cast<int>(region.height * margin);
    cv::Rect crop(region.x - marginX, region.y - marginY, region.width + 2 * marginX,
                  region.height + 2 * marginY);
    crop &= cv::Rect(0, 0, gray.cols, gray.rows);
    PassImage out;
    out.offset = crop.tl();
    out.scale = factor;
    cv::resize(gray(crop), out.gray, cv::Size(), factor, factor,
               factor < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

} // namespace cccd::vision

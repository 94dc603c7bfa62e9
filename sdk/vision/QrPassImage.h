#pragma once

// One attempt of QrDecoder: an image derived from the frame, read by ZXing-C++ (never installed).

#include <opencv2/core.hpp>
#include <optional>

#include <ZXing/ReadBarcode.h>

#include "vision/QrDecoder.h"

namespace cccd::vision {

/// An image derived from the frame, and how to map its points back.
struct PassImage {
    cv::Mat gray; ///< 8-bit
    double scale = 1.0;
    cv::Point offset{0, 0}; ///< of the region in the frame
};

/// The symbol ZXing-C++ finds in the image, QR only, corners in frame coordinates.
[[nodiscard]] std::optional<QrSymbol> readQr(const PassImage& image, ZXing::Binarizer binarizer,
                                             const char* pass);

/// `gray` (at `offset` in the frame) shrunk so that its longest side is at most `longestSide`.
[[nodiscard]] PassImage scaledTo(const cv::Mat& gray, int longestSide, cv::Point offset = {0, 0});

/// The same geometry with other pixels (a filtered copy).
[[nodiscard]] PassImage withPixels(const PassImage& base, cv::Mat pixels);

/// `region` of the frame `gray` with a margin of `margin` of its size each side, resized by
/// `factor`.
[[nodiscard]] PassImage cropOf(const cv::Mat& gray, const cv::Rect& region, double margin,
                               double factor);

} // namespace cccd::vision

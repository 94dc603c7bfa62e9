#pragma once

// Image filters that make hard photos of a QR symbol readable, for QrDecoder (never installed).
// All take and return continuous 8-bit grey images.

#include <opencv2/core.hpp>

namespace cccd::vision {

/// Contrast stretched so that the darkest and brightest percent of pixels reach 0 and 255.
[[nodiscard]] cv::Mat stretched(const cv::Mat& gray);

/// Gaussian smoothing.
[[nodiscard]] cv::Mat smoothed(const cv::Mat& gray, double sigma);

/// Unsharp masking: the image plus `amount` times its detail finer than `sigma`.
[[nodiscard]] cv::Mat sharpened(const cv::Mat& gray, double sigma, double amount);

/// Illumination flattened (divided by a heavy blur of `sigma`), then stretched.
[[nodiscard]] cv::Mat deglared(const cv::Mat& gray, double sigma);

/// Each pixel against the mean of a window of about three modules of `modulePixels`.
[[nodiscard]] cv::Mat binarized(const cv::Mat& gray, double modulePixels);

} // namespace cccd::vision

#pragma once

// Between GrayImage and cv::Mat, for the vision layer's sources only (never installed).

#include <opencv2/core.hpp>

#include "vision/GrayImage.h"

namespace cccd::vision {

/// A view of the image's pixels (no copy): valid while the image lives and is not changed.
[[nodiscard]] inline cv::Mat matView(const GrayImage& image) {
    return cv::Mat(image.height, image.width, CV_8UC1,
                   const_cast<std::uint8_t*>(image.pixels.data()));
}

/// A copy of an 8-bit single-channel matrix.
[[nodiscard]] inline GrayImage grayImageOf(const cv::Mat& gray) {
    GrayImage out;
    out.width = gray.cols;
    out.height = gray.rows;
    out.pixels.resize(out.size());
    cv::Mat target(gray.rows, gray.cols, CV_8UC1, out.pixels.data());
    gray.copyTo(target);
    return out;
}

} // namespace cccd::vision

#include "vision/QrFilters.h"

#include <array>
#include <opencv2/imgproc.hpp>

namespace cccd::vision {

// A dull or hazy photo gets the range ZXing's local binarizer needs (it leaves flat blocks alone).
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
    for (int count = 0; lo < 255 && (count += histogram[static_cast<std::size_t>(lo)]) <= tail;
         ++lo) {
    }
    int hi = 255;
    for (int count = 0; hi > 0 && (count += histogram[static_cast<std::size_t>(hi)]) <= tail;
         --hi) {
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

cv::Mat sharpened(const cv::Mat& gray, double sigma, double amount) {
    cv::Mat out;
    cv::addWeighted(gray, 1.0 + amount, smoothed(gray, sigma), -amount, 0, out);
    return out;
}

// Glare: saturated patches on the laminate swallow modules. A bright patch and a dark corner
// become the same mid grey.
cv::Mat deglared(const cv::Mat& gray, double sigma) {
    cv::Mat flat;
    cv::divide(gray, smoothed(gray, sigma), flat, 160.0);
    return stretched(flat);
}

// With the modules at a known size, this beats ZXing's fixed 8-pixel blocks on blurred or uneven
// symbols.
cv::Mat binarized(const cv::Mat& gray, double modulePixels) {
    int block = static_cast<int>(3.0 * modulePixels) | 1;
    cv::Mat out;
    cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block, 0);
    return out;
}

} // namespace cccd::vision

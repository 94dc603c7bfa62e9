#include "vision/QrCandidates.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <utility>

namespace cccd::vision {

namespace {

// The level that `fraction` of the image exceeds.
int levelAbove(const cv::Mat& image, double fraction) {
    std::array<int, 256> histogram{};
    for (int y = 0; y < image.rows; ++y) {
        const std::uint8_t* row = image.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.cols; ++x) {
            ++histogram[row[x]];
        }
    }
    auto wanted = static_cast<int>(static_cast<double>(image.total()) * fraction);
    int level = 255;
    for (int count = 0; level > 0 && (count += histogram[static_cast<std::size_t>(level)]) < wanted;
         --level) {
    }
    return level;
}

// Steps in both directions averaged over a window: a QR's modules change colour along rows and
// columns alike, text mostly along rows.
cv::Mat texture(const cv::Mat& gray, const CandidateSearch& search) {
    // A new matrix for the smoothed copy: a header of `gray` would be blurred in place.
    cv::Mat source;
    if (search.smoothing > 0.0) {
        cv::GaussianBlur(gray, source, cv::Size(0, 0), search.smoothing);
    } else {
        source = gray;
    }
    cv::Rect common(0, 0, source.cols - 1, source.rows - 1);
    cv::Mat stepX;
    cv::Mat stepY;
    cv::absdiff(source(common + cv::Point(1, 0)), source(common), stepX);
    cv::absdiff(source(common + cv::Point(0, 1)), source(common), stepY);
    cv::Size box(search.window, search.window);
    cv::blur(stepX, stepX, box);
    cv::blur(stepY, stepY, box);
    return cv::min(stepX, stepY);
}

} // namespace

// The threshold lies halfway between the frame's usual texture (its median: paper, desk, or the
// grain of sensor noise) and its strongest (the level 0.5% of the frame exceeds: the symbol, when
// there is one), so that a dull or noisy photo finds its symbol as well as a crisp one. The
// symbol is square (ISO/IEC 18004); perspective keeps it within 1:3.
std::vector<cv::Rect> qrCandidateRegions(const cv::Mat& gray, const CandidateSearch& search) {
    if (gray.cols < 2 * search.window || gray.rows < 2 * search.window) {
        return {};
    }
    cv::Mat steps = texture(gray, search);
    int top = levelAbove(steps, 0.005);
    int floor = levelAbove(steps, 0.5);
    cv::Mat mask = steps > std::max(2.0, floor + 0.5 * (top - floor));
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
        double strength = cv::mean(steps(bounds), mask(bounds))[0] - floor;
        ranked.emplace_back(strength * std::sqrt(area), bounds);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<cv::Rect> out;
    for (std::size_t i = 0; i < ranked.size() && out.size() < std::size_t(search.maxCandidates);
         ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

} // namespace cccd::vision

#pragma once

// The candidate regions of a frame cut at a known module size and read with filters, for
// QrDecoder's passes (never installed).

#include <cstddef>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "vision/QrDecoder.h"
#include "vision/QrPassImage.h"

namespace cccd::vision {

/// Regions of the frame already cut, so that a later search cuts only new ones.
class CandidateCrops {
public:
    /// Cuts the regions (frame coordinates) of `gray` not cut before, resized so that a module
    /// spans about `modulePixels`.
    [[nodiscard]] std::vector<PassImage>
    cut(const cv::Mat& gray, const std::vector<cv::Rect>& regions, double modulePixels);

private:
    std::vector<cv::Rect> m_tried;
};

/// How many filters readCrops tries.
[[nodiscard]] std::size_t cropFilterCount();

/// Each filter of [first, last) over every crop (cut at `modulePixels`), cheap filters first.
[[nodiscard]] std::optional<QrSymbol> readCrops(const std::vector<PassImage>& crops,
                                                double modulePixels, std::size_t first,
                                                std::size_t last);

} // namespace cccd::vision

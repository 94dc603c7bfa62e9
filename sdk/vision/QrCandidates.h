#pragma once

// Where a QR symbol may be in a frame, for QrDecoder's thorough passes (never installed).

#include <opencv2/core.hpp>
#include <vector>

namespace cccd::vision {

struct CandidateSearch {
    /// Side of the box over which steps are averaged, pixels of the searched image: about a
    /// quarter of the smallest symbol wanted.
    int window = 11;
    /// Gaussian smoothing before the steps are measured, pixels; 0 for none. Sensor noise
    /// makes steps everywhere; a module is wider than the noise grain.
    double smoothing = 0.0;
    int maxCandidates = 2;
};

/// Regions of `gray` dense with steps in both directions, compact and roughly square, strongest
/// first, in `gray`'s coordinates.
[[nodiscard]] std::vector<cv::Rect> qrCandidateRegions(const cv::Mat& gray,
                                                       const CandidateSearch& search = {});

} // namespace cccd::vision

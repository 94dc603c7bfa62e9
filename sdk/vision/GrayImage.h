#pragma once

#include <cstddef>

#include "base/Bytes.h"

namespace cccd::vision {

/// An 8-bit luminance image, row by row without padding: what the QR decoder works on. Kept
/// free of OpenCV types so that the SDK's headers need no OpenCV.
struct GrayImage {
    int width = 0;
    int height = 0;
    Bytes pixels; ///< width * height bytes

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }

    [[nodiscard]] std::size_t size() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    }
};

} // namespace cccd::vision

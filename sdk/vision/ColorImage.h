#pragma once

#include <cstddef>

#include "base/Bytes.h"

namespace cccd::vision {

/// An 8-bit RGB image, row by row without padding, three bytes a pixel (red, green, blue): a
/// decoded portrait. Free of OpenCV types, like GrayImage.
struct ColorImage {
    int width = 0;
    int height = 0;
    Bytes pixels; ///< width * height * 3 bytes

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }

    [[nodiscard]] std::size_t size() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
    }
};

} // namespace cccd::vision

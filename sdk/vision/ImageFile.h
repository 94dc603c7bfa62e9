#pragma once

#include <filesystem>

#include "vision/GrayImage.h"

namespace cccd::vision {

/// Reads a photo (JPEG, PNG, ...) as luminance, turned upright by its EXIF orientation: phone
/// photos are often stored sideways (cccd.md §4.3). Throws Error(Io) when the file cannot be
/// read and Error(MalformedData) when it is not an image.
[[nodiscard]] GrayImage readImageFile(const std::filesystem::path& path);

/// Writes an image (format from the extension); throws Error(Io).
void writeImageFile(const std::filesystem::path& path, const GrayImage& image);

} // namespace cccd::vision

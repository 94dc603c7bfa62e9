#pragma once

#include <filesystem>

#include "base/Bytes.h"
#include "vision/ColorImage.h"
#include "vision/GrayImage.h"

namespace cccd::vision {

/// Reads a photo (JPEG, PNG, ...) as luminance, turned upright by its EXIF orientation: phone
/// photos are often stored sideways (cccd.md §4.3). Throws Error(Io) when the file cannot be
/// read and Error(MalformedData) when it is not an image.
[[nodiscard]] GrayImage readImageFile(const std::filesystem::path& path);

/// Decodes an image held in memory to RGB: JPEG, PNG and, through OpenJPEG, JPEG 2000 as a JP2
/// file (ISO/IEC 15444-1 Annex I) or a raw codestream (Annex A), as DG2 may hold a portrait
/// (ISO/IEC 19794-5 §5.7.2). Throws Error(MalformedData) when the bytes do not decode.
[[nodiscard]] ColorImage decodeColorImage(ByteView encoded);

/// Writes an image (format from the extension); throws Error(Io).
void writeImageFile(const std::filesystem::path& path, const GrayImage& image);

} // namespace cccd::vision

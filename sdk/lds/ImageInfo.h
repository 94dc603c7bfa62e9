#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::lds {

/// Encoding of a portrait as recognised from its own first bytes.
enum class ImageFormat {
    Jpeg,               ///< ISO/IEC 10918-1: starts FF D8
    Jpeg2000Codestream, ///< ISO/IEC 15444-1 Annex A raw codestream: starts FF 4F FF 51
    Jp2,                ///< ISO/IEC 15444-1 Annex I JP2 file: starts with the signature box
    Unknown,
};

struct ImageSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;

    bool operator==(const ImageSize&) const = default;
};

[[nodiscard]] ImageFormat detectImageFormat(ByteView image);

/// "image/jpeg", "image/j2k", "image/jp2", "application/octet-stream".
[[nodiscard]] std::string_view mimeType(ImageFormat format);

/// Width and height as the image itself states them: the JPEG SOFn frame header (ISO/IEC
/// 10918-1 §B.2.2), the JPEG 2000 SIZ marker (15444-1 §A.5.1) or the JP2 image header box
/// (15444-1 §I.5.3.1). nullopt when the image does not say; never throws.
[[nodiscard]] std::optional<ImageSize> imageSize(ByteView image);

} // namespace cccd::lds

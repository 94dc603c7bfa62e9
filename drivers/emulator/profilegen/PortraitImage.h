#pragma once

#include <cstdint>

#include "base/Bytes.h"

namespace cccd::emulator {

/// A synthetic passport-style portrait: plain background, head and shoulders drawn from a few
/// ellipses, varied by a seed. Invented, resembling no one.
struct PortraitImage {
    int width = 300; ///< the CCCD's JPEG is 300 x 400 (cccd.md §3.3)
    int height = 400;
    Bytes rgb; ///< width * height * 3 bytes, row by row

    [[nodiscard]] static PortraitImage synthesize(std::uint32_t seed, int width = 300,
                                                  int height = 400);

    /// Baseline JFIF via libjpeg (quality 0-100). Throws Error(Io) when libjpeg fails.
    [[nodiscard]] Bytes encodeJpeg(int quality = 80) const;
};

} // namespace cccd::emulator

#pragma once

#include <array>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "vision/GrayImage.h"

namespace cccd::vision {

struct PointI {
    int x = 0;
    int y = 0;
};

/// A rectangle in frame coordinates.
struct RectI {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

/// A QR symbol found in a frame.
struct QrSymbol {
    /// The payload bytes as encoded, never passed through a charset guess (field cases BL-08,
    /// BL-09): decode them with qr::decodeQrText. Personal data: never log them.
    Bytes bytes;
    std::array<PointI, 4> corners; ///< top-left, top-right, bottom-right, bottom-left
    std::string pass;              ///< which preprocessing pass found it (for tuning, no data)
};

struct QrDecoderOptions {
    /// Longest side of the first pass over the whole frame; the search for the symbol's region
    /// runs at half of it.
    int workingSize = 960;
    /// Try the region of the last symbol first in the next frame (a card held under a camera
    /// moves little between frames).
    bool trackRegion = true;
    /// Run the slower passes (filtered candidate regions, full resolution, contrast, glare) when
    /// the fast ones find nothing. Off for a live camera that will see another frame shortly.
    bool thorough = true;
};

/// Finds the QR code of a card in a frame with ZXing-C++ restricted to QR, trying passes from
/// cheap to expensive: the tracked region; the regions textured like a symbol, found on a copy of
/// the frame at half the working size and cut from the full frame at about five pixels a module
/// (small symbols grow, large ones shrink); the whole frame at the working size, at a second
/// scale and with a global threshold. Then, when thorough: the frame contrast-stretched; the cut
/// regions contrast-stretched (dull photos), smoothed (noise, JPEG), binarized against a window
/// of three modules (blur, glare) and sharpened once and twice (blur); the same for the regions
/// found at the working size and at full resolution (symbols of about a pixel a module); last the
/// whole frame at full resolution and with its highlights flattened. Not thread-safe: one
/// decoder per thread.
class QrDecoder {
public:
    explicit QrDecoder(QrDecoderOptions options = {});

    /// The symbol, or nullopt when no pass finds one. Never throws for image content.
    [[nodiscard]] std::optional<QrSymbol> decode(const GrayImage& frame);

    /// Forgets the tracked region (a new card).
    void resetTracking() { m_region.reset(); }

    [[nodiscard]] const std::optional<RectI>& trackedRegion() const { return m_region; }

private:
    QrDecoderOptions m_options;
    std::optional<RectI> m_region;
};

} // namespace cccd::vision

#pragma once

// The printed card, drawn flat: for the photo generator's sources only (OpenCV types).

#include <opencv2/core.hpp>

#include "emulator/qr/CardQrPayload.h"
#include "emulator/qr/PhotoRandom.h"
#include "vision/GrayImage.h"

namespace cccd::emulator {

/// ID-1 format (ISO/IEC 7810 §5.1): 85.60 x 53.98 mm, corners rounded with radius 3.18 mm.
inline constexpr double CardWidthMm = 85.60;
inline constexpr double CardHeightMm = 53.98;
inline constexpr double CardCornerRadiusMm = 3.18;
/// Side of the printed QR: between the 11 and 18 mm that cccd.md §4.2 quotes.
inline constexpr double QrSideMm = 16.0;

/// The card's face, BGR, with the mask of its rounded outline (255 inside) and where the QR is.
struct CardPlate {
    cv::Mat colour;
    cv::Mat mask;
    cv::Rect2d qr; ///< the QR with its quiet zone, in plate pixels
};

/// Draws the front of a 2021 card (portrait, text, QR top right) or the back of a 2024 card
/// (chip, text, QR top right, a machine-readable zone below) at `pixelsPerMm`, with a fine
/// guilloche pattern and invented text. `qr` is the symbol at one pixel a module (renderQr).
[[nodiscard]] CardPlate drawCardPlate(const vision::GrayImage& qr, CardQrLayout layout,
                                      double pixelsPerMm, PhotoRandom& random);

} // namespace cccd::emulator

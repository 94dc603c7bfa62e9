#pragma once

#include <optional>
#include <string>

#include "qr/QrPayload.h"

namespace cccd::samples {

/// Where cccd-read takes the card's QR from, if anywhere.
struct QrSource {
    std::string image;         ///< --qr-image: a photo of the card's face
    std::optional<int> camera; ///< --camera: a camera index
    /// --qr: the payload as text, or "-" for standard input (a USB scanner in keyboard mode;
    /// keeps the payload off the command line, which other users can see)
    std::string text;
    double timeoutSeconds = 30;

    [[nodiscard]] bool given() const { return !image.empty() || camera || !text.empty(); }
};

/// The card's QR payload from the source. Throws Error(NotSupported) when the source needs the
/// vision part and this build has none, Error(MalformedData) when no QR is found or it is not
/// the card's (qr::QrPayloadError names the field), Error(Io) for a file or camera that cannot
/// be opened.
[[nodiscard]] qr::QrPayload readQr(const QrSource& source);

} // namespace cccd::samples

#pragma once

#include <QImage>
#include <optional>

#include "base/Bytes.h"

namespace cccd::kiosk::ui {

/// Why a portrait cannot be shown.
enum class PortraitProblem {
    Missing,      ///< the chip gave no face image
    NotDecodable, ///< the bytes do not decode (damaged, or not an image): "ảnh không đọc được"
    NotSupported, ///< JPEG 2000 in a build without the SDK's vision part (no OpenJPEG)
};

/// A portrait ready for the screen, or why there is none. Holds personal data.
struct DecodedPortrait {
    QImage image; ///< null when `problem` is set
    std::optional<PortraitProblem> problem;
};

/// Decodes DG2's face image whatever its format (ISO/IEC 19794-5 §5.7.2): JPEG through Qt,
/// JPEG 2000 (JP2 file or raw codestream) through the SDK's vision part (OpenCV with
/// OpenJPEG) where it is linked. Never throws for bad bytes: that is a problem.
[[nodiscard]] DecodedPortrait decodePortrait(ByteView encoded);

} // namespace cccd::kiosk::ui

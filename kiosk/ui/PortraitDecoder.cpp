#include "kiosk/ui/PortraitDecoder.h"

#include <climits>

#include "base/Error.h"
#include "base/SecureBytes.h"
#include "lds/ImageInfo.h"

#ifdef CCCD_KIOSK_HAVE_CAMERA
#include "vision/ImageFile.h"
#endif

namespace cccd::kiosk::ui {

namespace {

// A portrait is 300 x 400 on the card (far less than this); the bound keeps a damaged or hostile
// header from making the decoder allocate gigabytes.
constexpr std::uint64_t MaxPortraitPixels = 4096 * 4096;

DecodedPortrait problem(PortraitProblem what) {
    return {QImage(), what};
}

DecodedPortrait decodeJpeg2000(ByteView encoded) {
    std::optional<lds::ImageSize> size = lds::imageSize(encoded);
    if (!size || size->width == 0 || size->height == 0 ||
        std::uint64_t{size->width} * size->height > MaxPortraitPixels) {
        return problem(PortraitProblem::NotDecodable);
    }
#ifdef CCCD_KIOSK_HAVE_CAMERA
    try {
        vision::ColorImage decoded = vision::decodeColorImage(encoded);
        QImage view(decoded.pixels.data(), decoded.width, decoded.height, decoded.width * 3,
                    QImage::Format_RGB888);
        QImage image = view.copy();
        wipe(decoded.pixels);
        return {image, std::nullopt};
    } catch (const Error&) {
        return problem(PortraitProblem::NotDecodable);
    }
#else
    return problem(PortraitProblem::NotSupported);
#endif
}

} // namespace

DecodedPortrait decodePortrait(ByteView encoded) {
    if (encoded.empty()) {
        return problem(PortraitProblem::Missing);
    }
    switch (lds::detectImageFormat(encoded)) {
    case lds::ImageFormat::Jpeg2000Codestream:
    case lds::ImageFormat::Jp2:
        return decodeJpeg2000(encoded);
    case lds::ImageFormat::Jpeg:
    case lds::ImageFormat::Unknown:
        break;
    }
    // JPEG, and whatever else Qt's image plugins read (a PNG in a test card, ...).
    QImage image;
    if (encoded.size() > static_cast<std::size_t>(INT_MAX) ||
        !image.loadFromData(encoded.data(), static_cast<int>(encoded.size())) || image.isNull()) {
        return problem(PortraitProblem::NotDecodable);
    }
    return {image, std::nullopt};
}

} // namespace cccd::kiosk::ui

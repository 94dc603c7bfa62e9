#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "emulator/qr/CardQrPayload.h"
#include "emulator/qr/QrRenderer.h"

namespace cccd::emulator {

/// What makes a photo of the card's QR hard, one at a time (and "clean" for none).
enum class PhotoCategory {
    Clean,
    Perspective, ///< the card tilted away from the camera
    Rotation,    ///< turned anywhere in 0-360°
    Blur,        ///< out of focus or moved
    Noise,       ///< sensor noise of a dim room
    LowContrast, ///< under- or over-exposed, hazy
    Glare,       ///< highlights of lamps on the laminate
    Small,       ///< the card far from the camera: modules of one to three pixels
    Jpeg,        ///< strong JPEG compression (quality 20-60)
};

inline constexpr std::array<PhotoCategory, 9> AllPhotoCategories{
    PhotoCategory::Clean, PhotoCategory::Perspective, PhotoCategory::Rotation,
    PhotoCategory::Blur,  PhotoCategory::Noise,       PhotoCategory::LowContrast,
    PhotoCategory::Glare, PhotoCategory::Small,       PhotoCategory::Jpeg};

/// "clean", "perspective", "rotation", "blur", "noise", "low_contrast", "glare", "small", "jpeg".
[[nodiscard]] std::string_view photoCategoryName(PhotoCategory category);

[[nodiscard]] std::optional<PhotoCategory> photoCategoryFromName(std::string_view name);

/// The size of every photo: a 1080p camera frame.
inline constexpr int PhotoWidth = 1920;
inline constexpr int PhotoHeight = 1080;

/// Every number that decides one photo, so that the manifest explains why a photo is hard.
struct CardPhotoSpec {
    PhotoCategory category = PhotoCategory::Clean;
    int index = 0;          ///< within the category
    std::uint32_t seed = 0; ///< of the scene's details: background, card print, position, noise
    std::string persona;    ///< the persona's profile name
    CardQrLayout layout = CardQrLayout::Cccd2021;
    QrCharsetMarking marking = QrCharsetMarking::NoEci;
    std::string payload; ///< the QR's text (UTF-8): what a decoder must return

    double modulePixels = 4.0; ///< side of a QR module in the frame, before perspective
    double rotationDegrees = 0.0;
    double tiltXDegrees = 0.0; ///< card turned about its long axis, away from the image plane
    double tiltYDegrees = 0.0; ///< card turned about its short axis
    double blurSigma = 0.5;    ///< Gaussian defocus, pixels (0.5: a good lens)
    double motionPixels = 0.0; ///< length of a straight motion blur, pixels; 0 for none
    double noiseSigma = 1.5;   ///< sensor noise, grey levels
    double contrast = 1.0;     ///< 1 as lit; 0.1 keeps a tenth of the range
    double brightness = 0.0;   ///< shift of the mid grey after the contrast, grey levels
    int glareSpots = 0;
    double glareRadius = 0.0;   ///< of each spot, in QR modules
    double glareStrength = 0.0; ///< added grey levels at a spot's centre (past 255 saturates)
    int jpegQuality = 92;
};

/// The ratchet's photo set: `perCategory` photos of each category, made harder along the index
/// so that the last ones of a category are meant to defeat a decoder, cycling through the
/// personas, both QR layouts and both charset markings. Deterministic: fixed seeds.
/// Throws Error(InvalidArgument) without personas.
[[nodiscard]] std::vector<CardPhotoSpec> cardPhotoSet(const std::vector<Persona>& personas,
                                                      int perCategory);

/// A rendered photo and where its QR symbol is.
struct CardPhoto {
    Bytes jpeg; ///< 1920x1080, colour
    /// The symbol's corners in the frame (without the quiet zone), in the symbol's own order:
    /// top-left, top-right, bottom-right, bottom-left, as a decoder reports them.
    std::array<std::array<double, 2>, 4> qrCorners{};
};

/// The photo of the spec: the card (ID-1 format, a printed pattern, text and the QR) on a desk,
/// then the spec's tilt, rotation, lighting, glare, contrast, blur, noise and compression. The
/// same spec gives the same bytes.
[[nodiscard]] CardPhoto renderCardPhoto(const CardPhotoSpec& spec);

} // namespace cccd::emulator

// The ratchet's photo set: which photos, how hard. Each category climbs from a photo any decoder
// reads to one that should defeat it; everything else about a photo is drawn from its own seed.
#include <cmath>
#include <numbers>

#include "base/Error.h"
#include "emulator/qr/CardPhoto.h"
#include "emulator/qr/PhotoRandom.h"

namespace cccd::emulator {

namespace {

// The set's seed: photo i of category c gets SetSeed + 1000 c + i, so adding photos or
// categories never changes the existing ones.
constexpr std::uint32_t SetSeed = 20261204U;

struct CategoryName {
    PhotoCategory category;
    std::string_view name;
};

constexpr std::array<CategoryName, AllPhotoCategories.size()> CategoryNames{{
    {PhotoCategory::Clean, "clean"},
    {PhotoCategory::Perspective, "perspective"},
    {PhotoCategory::Rotation, "rotation"},
    {PhotoCategory::Blur, "blur"},
    {PhotoCategory::Noise, "noise"},
    {PhotoCategory::LowContrast, "low_contrast"},
    {PhotoCategory::Glare, "glare"},
    {PhotoCategory::Small, "small"},
    {PhotoCategory::Jpeg, "jpeg"},
}};

// A card held under the camera with care: close, nearly flat, nearly square to the frame. Its
// modules span at least 2.25 pixels once the decoder's first pass halves a 1080p frame.
void holdCard(CardPhotoSpec& spec, PhotoRandom& random) {
    spec.modulePixels = random.uniform(4.5, 6.5);
    spec.rotationDegrees = random.uniform(-5.0, 5.0);
    spec.tiltXDegrees = random.uniform(-8.0, 8.0);
    spec.tiltYDegrees = random.uniform(-8.0, 8.0);
}

// `hardness` runs from 0 (the category's first photo) to 1 (its last).
void degrade(CardPhotoSpec& spec, double hardness, PhotoRandom& random) {
    double t = hardness;
    switch (spec.category) {
    case PhotoCategory::Clean:
        return;
    case PhotoCategory::Perspective: {
        double tilt = 15.0 + 55.0 * t;
        double direction = random.uniform(0.0, 2.0 * std::numbers::pi);
        spec.tiltXDegrees = tilt * std::cos(direction);
        spec.tiltYDegrees = tilt * std::sin(direction);
        spec.rotationDegrees = random.uniform(-30.0, 30.0);
        spec.modulePixels = random.uniform(3.0, 5.0);
        return;
    }
    case PhotoCategory::Rotation:
        spec.rotationDegrees = std::fmod(360.0 * t * 0.97 + random.uniform(0.0, 11.0), 360.0);
        spec.modulePixels = 5.5 - 3.3 * t;
        return;
    case PhotoCategory::Blur:
        spec.modulePixels = random.uniform(3.5, 5.0);
        if (spec.index % 2 == 0) {
            spec.blurSigma = spec.modulePixels * (0.15 + 0.65 * t);
        } else {
            spec.motionPixels = spec.modulePixels * (0.6 + 2.6 * t);
        }
        return;
    case PhotoCategory::Noise:
        spec.modulePixels = random.uniform(3.0, 4.5);
        spec.noiseSigma = 12.0 + 68.0 * t;
        return;
    case PhotoCategory::LowContrast:
        spec.contrast = 0.45 - 0.40 * t;
        spec.brightness = random.uniform(-1.0, 1.0) * 100.0 * (1.0 - spec.contrast);
        spec.noiseSigma = 2.0;
        return;
    case PhotoCategory::Glare:
        spec.glareSpots = 1 + spec.index % 3;
        spec.glareRadius = 3.0 + 9.0 * t;
        spec.glareStrength = 120.0 + 300.0 * t;
        return;
    case PhotoCategory::Small:
        spec.modulePixels = 2.6 - 1.7 * t;
        return;
    case PhotoCategory::Jpeg:
        spec.jpegQuality = static_cast<int>(std::lround(60.0 - 40.0 * t));
        spec.modulePixels = 4.0 - 2.0 * t;
        return;
    }
}

} // namespace

std::string_view photoCategoryName(PhotoCategory category) {
    for (const CategoryName& entry : CategoryNames) {
        if (entry.category == category) {
            return entry.name;
        }
    }
    return "clean";
}

std::optional<PhotoCategory> photoCategoryFromName(std::string_view name) {
    for (const CategoryName& entry : CategoryNames) {
        if (entry.name == name) {
            return entry.category;
        }
    }
    return std::nullopt;
}

std::vector<CardPhotoSpec> cardPhotoSet(const std::vector<Persona>& personas, int perCategory) {
    if (personas.empty() || perCategory < 1) {
        throw Error(ErrorCode::InvalidArgument, "a photo set needs personas and photos");
    }
    std::vector<CardPhotoSpec> set;
    for (std::size_t c = 0; c < AllPhotoCategories.size(); ++c) {
        for (int i = 0; i < perCategory; ++i) {
            CardPhotoSpec spec;
            spec.category = AllPhotoCategories[c];
            spec.index = i;
            spec.seed =
                SetSeed + 1000U * static_cast<std::uint32_t>(c) + static_cast<std::uint32_t>(i);
            const Persona& persona =
                personas[(static_cast<std::size_t>(i) + 5 * c) % personas.size()];
            spec.persona = persona.profile;
            spec.layout = i % 2 == 0 ? CardQrLayout::Cccd2021 : CardQrLayout::CanCuoc2024;
            spec.marking = (i / 2) % 2 == 0 ? QrCharsetMarking::NoEci : QrCharsetMarking::Utf8Eci;
            spec.payload = cardQrPayload(persona, spec.layout);

            PhotoRandom random(spec.seed);
            holdCard(spec, random);
            double hardness = perCategory > 1 ? static_cast<double>(i) / (perCategory - 1) : 0.0;
            degrade(spec, hardness, random);
            set.push_back(spec);
        }
    }
    return set;
}

} // namespace cccd::emulator

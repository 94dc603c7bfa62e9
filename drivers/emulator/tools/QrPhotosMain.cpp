// cccd-qr-photos: writes the QR read-rate ratchet's card photos and their manifest.

#include <CLI/CLI.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/Error.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/qr/CardPhoto.h"

namespace {

namespace fs = std::filesystem;
using cccd::emulator::CardPhotoSpec;

void writeFile(const fs::path& path, cccd::ByteView bytes) {
    fs::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            throw cccd::Error(cccd::ErrorCode::Io, "cannot write " + path.string());
        }
    }
    fs::rename(temporary, path); // a reader never sees half a file
}

std::string fileName(const CardPhotoSpec& spec) {
    char number[8];
    std::snprintf(number, sizeof number, "%03d", spec.index);
    return std::string(cccd::emulator::photoCategoryName(spec.category)) + "-" + number + ".jpg";
}

nlohmann::json manifestEntry(const CardPhotoSpec& spec, const cccd::emulator::CardPhoto& photo) {
    using cccd::emulator::QrCharsetMarking;
    nlohmann::json entry;
    entry["file"] = fileName(spec);
    entry["category"] = cccd::emulator::photoCategoryName(spec.category);
    entry["persona"] = spec.persona;
    entry["layout"] = cccd::emulator::cardQrLayoutName(spec.layout);
    entry["marking"] = spec.marking == QrCharsetMarking::Utf8Eci ? "utf8-eci" : "no-eci";
    entry["payload"] = spec.payload;
    entry["seed"] = spec.seed;
    entry["module_pixels"] = spec.modulePixels;
    entry["rotation_degrees"] = spec.rotationDegrees;
    entry["tilt_x_degrees"] = spec.tiltXDegrees;
    entry["tilt_y_degrees"] = spec.tiltYDegrees;
    entry["blur_sigma"] = spec.blurSigma;
    entry["motion_pixels"] = spec.motionPixels;
    entry["noise_sigma"] = spec.noiseSigma;
    entry["contrast"] = spec.contrast;
    entry["brightness"] = spec.brightness;
    entry["glare_spots"] = spec.glareSpots;
    entry["glare_radius_modules"] = spec.glareRadius;
    entry["glare_strength"] = spec.glareStrength;
    entry["jpeg_quality"] = spec.jpegQuality;
    nlohmann::json corners = nlohmann::json::array();
    for (const auto& corner : photo.qrCorners) {
        // A tenth of a pixel is all a check needs, and keeps the manifest stable to read.
        corners.push_back(
            {std::round(corner[0] * 10.0) / 10.0, std::round(corner[1] * 10.0) / 10.0});
    }
    entry["qr_corners"] = corners;
    return entry;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the card photos of the QR read-rate ratchet: 1920x1080 JPEG photos of "
                 "the QR of persona cards, per category of difficulty, and manifest.json (file, "
                 "category, persona, the expected payload and every parameter). Deterministic: "
                 "the same personas give the same files."};
    std::string outDir;
    std::vector<std::string> personaFiles;
    int perCategory = 24;
    app.add_option("--out-dir", outDir, "directory for the photos and manifest.json")->required();
    app.add_option("--persona", personaFiles, "persona JSON file (repeatable)")->required();
    app.add_option("--per-category", perCategory, "photos per category")->check(CLI::Range(1, 999));
    CLI11_PARSE(app, argc, argv);

    try {
        fs::create_directories(outDir);
        std::vector<cccd::emulator::Persona> personas;
        for (const std::string& file : personaFiles) {
            personas.push_back(cccd::emulator::loadPersona(file));
        }
        nlohmann::json photos = nlohmann::json::array();
        for (const CardPhotoSpec& spec : cccd::emulator::cardPhotoSet(personas, perCategory)) {
            cccd::emulator::CardPhoto photo = cccd::emulator::renderCardPhoto(spec);
            writeFile(fs::path(outDir) / fileName(spec), photo.jpeg);
            photos.push_back(manifestEntry(spec, photo));
        }
        nlohmann::json manifest;
        manifest["source"] = "cccd-qr-photos (drivers/emulator/qr): invented personas, "
                             "generated scenes; payloads as cccd.md §4.1 and §4.2";
        manifest["width"] = cccd::emulator::PhotoWidth;
        manifest["height"] = cccd::emulator::PhotoHeight;
        manifest["photos"] = photos;
        std::string text = manifest.dump(1) + "\n";
        writeFile(fs::path(outDir) / "manifest.json", cccd::toBytes(text));
        std::cout << "cccd-qr-photos: " << photos.size() << " photos in " << outDir << "\n";
    } catch (const std::exception& e) {
        std::cerr << "cccd-qr-photos: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "emulator/qr/QrRenderer.h"
#include "vision/GrayImage.h"

namespace cccd::visiontest {

/// The 2021 example payload of cccd.md §4.1, read from the spec.
[[nodiscard]] std::string examplePayload();

/// A 1920x1080 grey scene with the payload's QR pasted at (x, y), `moduleSize` pixels a module.
[[nodiscard]] vision::GrayImage
scene(const std::string& payload, int moduleSize, int x = 700, int y = 300,
      emulator::QrCharsetMarking marking = emulator::QrCharsetMarking::NoEci);

/// The image turned by `degrees` about its centre, the corners filled grey.
[[nodiscard]] vision::GrayImage rotated(const vision::GrayImage& image, double degrees);

/// Black and white pulled towards mid grey: contrast `factor` (1 = unchanged).
[[nodiscard]] vision::GrayImage lowContrast(const vision::GrayImage& image, double factor);

/// A saturated elliptical highlight, as glare on the laminate.
[[nodiscard]] vision::GrayImage withGlare(const vision::GrayImage& image, int x, int y, int radius);

/// A synthetic colour image (a gradient with a disc) encoded by OpenCV in the format of
/// `extension` (".jp2": a JPEG 2000 JP2 file through OpenJPEG, ".png", ".jpg").
[[nodiscard]] Bytes encodedColorImage(int width, int height, const std::string& extension);

/// An AVI file of Motion JPEG frames (OpenCV's own writer, no codec library needed), 10 fps.
void writeVideo(const std::filesystem::path& file, const std::vector<vision::GrayImage>& frames);

} // namespace cccd::visiontest

#include "emulator/profilegen/PortraitImage.h"

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

struct Rgb {
    double r, g, b;
};

// A small deterministic generator so that the same seed draws the same face.
class Lcg {
public:
    explicit Lcg(std::uint32_t seed) : m_state(seed * 2654435761u + 1) {}

    double next() {
        m_state = m_state * 1664525u + 1013904223u;
        return static_cast<double>(m_state >> 8) / static_cast<double>(1u << 24);
    }

private:
    std::uint32_t m_state;
};

bool inEllipse(double x, double y, double cx, double cy, double rx, double ry) {
    double dx = (x - cx) / rx;
    double dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
}

std::uint8_t channel(double v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
}

struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
};

void onJpegError(j_common_ptr info) {
    std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

// Kept free of C++ objects with destructors: libjpeg reports errors by longjmp.
bool compress(const PortraitImage& image, int quality, unsigned char** out, unsigned long* size) {
    jpeg_compress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = onJpegError;
    if (setjmp(error.jump) != 0) {
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, out, size);
    info.image_width = static_cast<JDIMENSION>(image.width);
    info.image_height = static_cast<JDIMENSION>(image.height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(
            image.rgb.data() + static_cast<std::size_t>(info.next_scanline) * image.width * 3);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

} // namespace

PortraitImage PortraitImage::synthesize(std::uint32_t seed, int width, int height) {
    Lcg random(seed);
    const std::array<Rgb, 3> skins{{{224, 189, 160}, {200, 160, 125}, {170, 128, 95}}};
    Rgb skin = skins[static_cast<std::size_t>(random.next() * 3) % 3];
    Rgb hair{25 + random.next() * 30, 20 + random.next() * 20, 15 + random.next() * 20};
    Rgb shirt{200 + random.next() * 55, 200 + random.next() * 55, 210 + random.next() * 45};
    double faceWidth = 0.20 + random.next() * 0.04;

    PortraitImage image;
    image.width = width;
    image.height = height;
    image.rgb.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    const double w = width;
    const double h = height;
    for (int row = 0; row < height; ++row) {
        for (int col = 0; col < width; ++col) {
            double x = col;
            double y = row;
            // The card photo background: plain white-blue with a soft gradient.
            Rgb c{235 - y / h * 20, 240 - y / h * 15, 250};
            if (inEllipse(x, y, w * 0.5, h * 1.05, w * 0.55, h * 0.32)) {
                c = shirt;
            }
            if (inEllipse(x, y, w * 0.5, h * 0.72, w * 0.09, h * 0.12)) {
                c = skin; // neck
            }
            if (inEllipse(x, y, w * 0.5, h * 0.36, w * (faceWidth + 0.03), h * 0.22)) {
                c = hair;
            }
            if (inEllipse(x, y, w * 0.5, h * 0.44, w * faceWidth, h * 0.20)) {
                double shade = 1.0 - std::abs(x - w * 0.5) / (w * faceWidth) * 0.12;
                c = {skin.r * shade, skin.g * shade, skin.b * shade};
            }
            bool eye = inEllipse(x, y, w * 0.42, h * 0.41, w * 0.025, h * 0.012) ||
                       inEllipse(x, y, w * 0.58, h * 0.41, w * 0.025, h * 0.012);
            if (eye) {
                c = {30, 25, 20};
            }
            if (inEllipse(x, y, w * 0.5, h * 0.53, w * 0.05, h * 0.01)) {
                c = {150, 70, 70}; // mouth
            }
            // Sensor-like grain, so the JPEG is about as large as a real card's (cccd.md §3.3).
            double grain = (random.next() - 0.5) * 14.0;
            c = {c.r + grain, c.g + grain, c.b + grain};
            std::size_t at = (static_cast<std::size_t>(row) * width + col) * 3;
            image.rgb[at] = channel(c.r);
            image.rgb[at + 1] = channel(c.g);
            image.rgb[at + 2] = channel(c.b);
        }
    }
    return image;
}

Bytes PortraitImage::encodeJpeg(int quality) const {
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    bool ok = compress(*this, quality, &buffer, &size);
    Bytes jpeg;
    if (ok && buffer != nullptr) {
        jpeg.assign(buffer, buffer + size);
    }
    std::free(buffer);
    if (!ok) {
        throw Error(ErrorCode::Io, "JPEG encoding of the portrait failed");
    }
    return jpeg;
}

} // namespace cccd::emulator

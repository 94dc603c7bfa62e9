#include "lds/ImageInfo.h"

#include <algorithm>
#include <array>

namespace cccd::lds {

namespace {

constexpr std::array<std::uint8_t, 12> Jp2Signature = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50,
                                                       0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};
constexpr std::uint32_t Jp2HeaderBox = 0x6A703268;   // 'jp2h'
constexpr std::uint32_t ImageHeaderBox = 0x69686472; // 'ihdr'
constexpr std::uint32_t CodestreamBox = 0x6A703263;  // 'jp2c'

std::uint32_t readBig(ByteView data, std::size_t pos, std::size_t count) {
    std::uint32_t out = 0;
    for (std::size_t i = 0; i < count; ++i) {
        out = out << 8 | data[pos + i];
    }
    return out;
}

std::optional<ImageSize> validSize(std::uint32_t width, std::uint32_t height) {
    if (width == 0 || height == 0) {
        return std::nullopt;
    }
    return ImageSize{width, height};
}

// ISO/IEC 10918-1 §B.1.1.3: SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
bool isStartOfFrame(std::uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the marker segments up to the first frame header; entropy-coded data starts after
// SOS, so the frame header must come before it.
std::optional<ImageSize> jpegSize(ByteView data) {
    std::size_t pos = 2;
    while (pos + 1 < data.size()) {
        if (data[pos] != 0xFF) {
            return std::nullopt;
        }
        std::uint8_t marker = data[pos + 1];
        if (marker == 0xFF) {
            ++pos; // fill byte (§B.1.1.2)
            continue;
        }
        pos += 2;
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            continue; // RSTn and TEM stand alone
        }
        if (marker == 0xD9 || marker == 0xDA || pos + 2 > data.size()) {
            return std::nullopt;
        }
        std::size_t length = readBig(data, pos, 2);
        if (length < 2 || pos + length > data.size()) {
            return std::nullopt;
        }
        if (isStartOfFrame(marker)) {
            // Lf(2) P(1) Y(2) X(2): Y lines, X samples per line.
            if (length < 7) {
                return std::nullopt;
            }
            return validSize(readBig(data, pos + 5, 2), readBig(data, pos + 3, 2));
        }
        pos += length;
    }
    return std::nullopt;
}

// SOC (FF4F) is followed directly by SIZ (FF51): Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz.
std::optional<ImageSize> codestreamSize(ByteView data) {
    if (data.size() < 24 || data[0] != 0xFF || data[1] != 0x4F || data[2] != 0xFF ||
        data[3] != 0x51) {
        return std::nullopt;
    }
    std::uint32_t xsiz = readBig(data, 8, 4);
    std::uint32_t ysiz = readBig(data, 12, 4);
    std::uint32_t xosiz = readBig(data, 16, 4);
    std::uint32_t yosiz = readBig(data, 20, 4);
    if (xosiz >= xsiz || yosiz >= ysiz) {
        return std::nullopt;
    }
    return validSize(xsiz - xosiz, ysiz - yosiz);
}

struct Box {
    std::uint32_t type = 0;
    ByteView contents;
    std::size_t size = 0;
};

// ISO/IEC 15444-1 §I.4: LBox(4) TBox(4) [XLBox(8)] contents; LBox 0 runs to the end.
std::optional<Box> readBox(ByteView data) {
    if (data.size() < 8) {
        return std::nullopt;
    }
    std::uint64_t length = readBig(data, 0, 4);
    std::size_t header = 8;
    if (length == 1) {
        if (data.size() < 16) {
            return std::nullopt;
        }
        length = static_cast<std::uint64_t>(readBig(data, 8, 4)) << 32 | readBig(data, 12, 4);
        header = 16;
    } else if (length == 0) {
        length = data.size();
    }
    if (length < header || length > data.size()) {
        return std::nullopt;
    }
    auto size = static_cast<std::size_t>(length);
    return Box{readBig(data, 4, 4), data.subspan(header, size - header), size};
}

std::optional<ImageSize> jp2Size(ByteView data) {
    std::optional<ImageSize> fromCodestream;
    while (auto box = readBox(data)) {
        if (box->type == Jp2HeaderBox) {
            ByteView inner = box->contents;
            while (auto child = readBox(inner)) {
                if (child->type == ImageHeaderBox && child->contents.size() >= 8) {
                    // HEIGHT(4) WIDTH(4) NC(2) BPC(1) C(1) UnkC(1) IPR(1)
                    return validSize(readBig(child->contents, 4, 4),
                                     readBig(child->contents, 0, 4));
                }
                inner = inner.subspan(child->size);
            }
        } else if (box->type == CodestreamBox && !fromCodestream) {
            fromCodestream = codestreamSize(box->contents);
        }
        data = data.subspan(box->size);
    }
    return fromCodestream;
}

} // namespace

ImageFormat detectImageFormat(ByteView image) {
    if (image.size() >= 3 && image[0] == 0xFF && image[1] == 0xD8 && image[2] == 0xFF) {
        return ImageFormat::Jpeg;
    }
    if (image.size() >= 4 && image[0] == 0xFF && image[1] == 0x4F && image[2] == 0xFF &&
        image[3] == 0x51) {
        return ImageFormat::Jpeg2000Codestream;
    }
    if (image.size() >= Jp2Signature.size() &&
        std::equal(Jp2Signature.begin(), Jp2Signature.end(), image.begin())) {
        return ImageFormat::Jp2;
    }
    return ImageFormat::Unknown;
}

std::string_view mimeType(ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg:
        return "image/jpeg";
    case ImageFormat::Jpeg2000Codestream:
        return "image/j2k";
    case ImageFormat::Jp2:
        return "image/jp2";
    case ImageFormat::Unknown:
        return "application/octet-stream";
    }
    return "application/octet-stream";
}

std::optional<ImageSize> imageSize(ByteView image) {
    switch (detectImageFormat(image)) {
    case ImageFormat::Jpeg:
        return jpegSize(image);
    case ImageFormat::Jpeg2000Codestream:
        return codestreamSize(image);
    case ImageFormat::Jp2:
        return jp2Size(image);
    case ImageFormat::Unknown:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace cccd::lds

#include "emulator/qr/QrRenderer.h"

#include <algorithm>
#include <string>

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

constexpr int QuietZoneModules = 4; // ISO/IEC 18004 §6.3.8
constexpr int EccLevelM = 4;        // ZXing's scale 0-8: 4 is level M

ZXing::BitMatrix encode(ByteView payload, QrCharsetMarking marking) {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEccLevel(EccLevelM).setMargin(0);
    try {
        if (marking == QrCharsetMarking::Utf8Eci) {
            writer.setEncoding(ZXing::CharacterSet::UTF8);
            return writer.encode(std::string(payload.begin(), payload.end()), 0, 0);
        }
        // Byte mode in ISO-8859-1, the default that needs no ECI, carries each byte as it is:
        // the UTF-8 bytes go in unchanged, as on a card without ECI.
        writer.setEncoding(ZXing::CharacterSet::ISO8859_1);
        std::wstring latin1(payload.begin(), payload.end());
        return writer.encode(latin1, 0, 0);
    } catch (const std::exception&) {
        throw Error(ErrorCode::InvalidArgument, "the payload does not fit a QR code");
    }
}

} // namespace

vision::GrayImage renderQr(ByteView payload, int moduleSize, QrCharsetMarking marking) {
    if (moduleSize < 1) {
        throw Error(ErrorCode::InvalidArgument, "a module is at least one pixel");
    }
    ZXing::BitMatrix bits = encode(payload, marking);
    int modules = bits.width();
    int side = (modules + 2 * QuietZoneModules) * moduleSize;
    vision::GrayImage image;
    image.width = side;
    image.height = side;
    image.pixels.assign(image.size(), 0xFF);
    auto width = static_cast<std::size_t>(side);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!bits.get(x, y)) {
                continue;
            }
            auto left = static_cast<std::size_t>((x + QuietZoneModules) * moduleSize);
            for (int dy = 0; dy < moduleSize; ++dy) {
                auto row = static_cast<std::size_t>((y + QuietZoneModules) * moduleSize + dy);
                auto start = image.pixels.begin() + static_cast<std::ptrdiff_t>(row * width + left);
                std::fill_n(start, moduleSize, std::uint8_t{0x00});
            }
        }
    }
    return image;
}

} // namespace cccd::emulator

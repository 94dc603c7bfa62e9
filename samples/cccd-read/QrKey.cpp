#include "QrKey.h"

#include <iostream>

#include "base/Error.h"
#include "qr/QrText.h"
#include "qr/WedgeScanner.h"

#ifdef CCCD_HAVE_VISION
#include "vision/FrameSource.h"
#include "vision/ImageFile.h"
#include "vision/QrScan.h"
#endif

namespace cccd::samples {

namespace {

#ifdef CCCD_HAVE_VISION
Bytes symbolBytes(const QrSource& source) {
    std::optional<vision::QrSymbol> symbol;
    if (!source.image.empty()) {
        vision::QrDecoder decoder;
        symbol = decoder.decode(vision::readImageFile(source.image));
    } else {
        vision::FrameSource camera = vision::FrameSource::camera(*source.camera);
        auto timeout =
            std::chrono::milliseconds(static_cast<long long>(source.timeoutSeconds * 1000));
        symbol = vision::scanForQr(camera, timeout, true).symbol;
    }
    if (!symbol) {
        throw Error(ErrorCode::MalformedData,
                    "no readable QR code: photograph the card's face with the QR sharp and "
                    "without glare, or give --can / --id-number");
    }
    return std::move(symbol->bytes);
}
#else
Bytes symbolBytes(const QrSource&) {
    throw Error(ErrorCode::NotSupported,
                "this cccd-read was built without the vision part (CCCD_BUILD_VISION=OFF): "
                "give --qr with the payload text instead");
}
#endif

// A USB scanner in keyboard mode typing into standard input, with or without Enter.
std::string scannedFromStdin() {
    qr::WedgeScanner scanner;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> done = scanner.feed(line + "\n");
        if (!done.empty()) {
            return done.front();
        }
    }
    if (std::optional<std::string> rest = scanner.flush()) {
        return *rest;
    }
    throw Error(ErrorCode::MalformedData, "nothing was scanned on standard input");
}

} // namespace

qr::QrPayload readQr(const QrSource& source) {
    if (source.text == "-") {
        return qr::QrPayload::parse(scannedFromStdin());
    }
    if (!source.text.empty()) {
        return qr::QrPayload::parse(source.text);
    }
    Bytes bytes = symbolBytes(source);
    return qr::QrPayload::parse(qr::decodeQrText(ByteView(bytes)));
}

} // namespace cccd::samples

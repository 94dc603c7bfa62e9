// The vision component as an installed program uses it: decodes the QR of a card photo and
// prints the length of its payload (the payload itself is personal data). Exits 0 on a decode.
#include <iostream>

#include "vision/ImageFile.h"
#include "vision/QrDecoder.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: vision_decode IMAGE\n";
        return 2;
    }
    try {
        cccd::vision::QrDecoder decoder;
        auto symbol = decoder.decode(cccd::vision::readImageFile(argv[1]));
        if (!symbol) {
            std::cerr << "vision_decode: no QR found\n";
            return 1;
        }
        std::cout << "{\"qr_bytes\": " << symbol->bytes.size() << "}\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "vision_decode: " << e.what() << "\n";
        return 1;
    }
}

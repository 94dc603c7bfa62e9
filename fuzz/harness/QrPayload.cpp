// The card's QR (cccd.md §4) as cccd-read takes it from an image: bytes to text, the payload,
// and the access keys derived from it.
#include "qr/QrPayload.h"

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "qr/QrAccessKey.h"
#include "qr/QrText.h"

namespace cccd::fuzz {

int fuzzQrPayload(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        qr::QrPayload payload = qr::QrPayload::parse(qr::decodeQrText(bytes));
        (void)qr::accessKeysFrom(payload);
        (void)qr::comparableText(payload.fullName);
        (void)qr::mrzTransliteration(payload.fullName);
    });
}

} // namespace cccd::fuzz

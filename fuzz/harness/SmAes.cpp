// A response APDU under AES secure messaging (ICAO 9303-11 §9.8.6.2): AES PACE and Chip
// Authentication.
#include "HarnessSupport.h"
#include "Harnesses.h"
#include "SecureMessagingResponse.h"

namespace cccd::fuzz {

int fuzzSmAes(const std::uint8_t* data, std::size_t size) {
    return unprotectResponse(sm::SmCipher::Aes, bytesOf(data, size));
}

} // namespace cccd::fuzz

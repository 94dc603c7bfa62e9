// A response APDU under 3DES secure messaging (ICAO 9303-11 §9.8.6.1): BAC and 3DES PACE.
#include "HarnessSupport.h"
#include "Harnesses.h"
#include "SecureMessagingResponse.h"

namespace cccd::fuzz {

int fuzzSmTdes(const std::uint8_t* data, std::size_t size) {
    return unprotectResponse(sm::SmCipher::Tdes, bytesOf(data, size));
}

} // namespace cccd::fuzz

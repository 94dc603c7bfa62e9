// DG15 (ICAO 9303-10 §4.7.15): the Active Authentication key, then a signature check with it
// as after INTERNAL AUTHENTICATE, so that a hostile key reaches the RSA and ECDSA code too.
#include "lds/Dg15.h"

#include <algorithm>

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "verify/ActiveAuthentication.h"

namespace cccd::fuzz {

int fuzzDg15(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::Dg15 dg15 = lds::Dg15::parse(bytes);
        const Bytes challenge{1, 2, 3, 4, 5, 6, 7, 8};
        std::size_t signatureSize =
            dg15.publicKey.rsaModulus.empty()
                ? 64
                : std::min<std::size_t>(dg15.publicKey.rsaModulus.size(), 1024);
        const Bytes signature(signatureSize, 0x5A);
        (void)verify::verifyActiveAuthentication(dg15, nullptr, challenge, signature);
    });
}

} // namespace cccd::fuzz

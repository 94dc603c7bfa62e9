// DG14 (ICAO 9303-10 §4.7.14): its SecurityInfos, and the Chip Authentication the reader would
// pick from them.
#include "lds/Dg14.h"

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "crypto/PublicKey.h"
#include "verify/ChipAuthenticationChoice.h"

namespace cccd::fuzz {

int fuzzDg14(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::Dg14 dg14 = lds::Dg14::parse(bytes);
        verify::ChipAuthenticationOffer offer =
            verify::chooseChipAuthentication(dg14.securityInfos);
        if (offer.choice) {
            // The key the reader agrees with: explicit parameters go to OpenSSL as stored.
            (void)crypto::PublicKey::fromSubjectPublicKeyInfo(
                offer.choice->publicKey.publicKey.encoded);
        }
    });
}

} // namespace cccd::fuzz

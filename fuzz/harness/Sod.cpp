// EF.SOD (ICAO 9303-10 §4.6.2): the LDS security object in its CMS SignedData, then Passive
// Authentication over it as the reader runs it (with one data group, so the hash path runs).
#include "lds/Sod.h"

#include <map>

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "verify/PassiveAuthentication.h"

namespace cccd::fuzz {

int fuzzSod(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    expectError([bytes] {
        lds::Sod sod = lds::Sod::parse(bytes);
        (void)sod.documentSigner().certificate.has_value();
    });
    const std::map<int, Bytes> dataGroups{{1, Bytes{0x61, 0x03, 0x5F, 0x1F, 0x00}}};
    return expectError([&] {
        (void)verify::passiveAuthentication(bytes, dataGroups, defaultTrustStore(), std::nullopt);
    });
}

} // namespace cccd::fuzz

// DG2 (ICAO 9303-10 §4.7.2): the biometric templates, ISO/IEC 19794-5:2005 face records and
// the data blocks of other formats (ISO/IEC 39794-5) that are kept as they are. The seeds hold
// both kinds.
#include "lds/Dg2.h"

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

int fuzzDg2(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::Dg2 dg2 = lds::Dg2::parse(bytes);
        for (const lds::FaceImage& face : dg2.faces) {
            (void)face.imageTypeMatches();
            (void)lds::imageSize(face.image);
        }
    });
}

} // namespace cccd::fuzz

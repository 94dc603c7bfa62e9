// DG1 (ICAO 9303-10 §4.7.1): template 61 around the MRZ, then the MRZ itself.
#include "lds/Dg1.h"

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "mrz/MrzKey.h"

namespace cccd::fuzz {

int fuzzDg1(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::Dg1 dg1 = lds::Dg1::parse(bytes);
        (void)dg1.mrz.allChecksValid();
        (void)mrz::MrzKey::fromMrz(dg1.mrz);
    });
}

} // namespace cccd::fuzz

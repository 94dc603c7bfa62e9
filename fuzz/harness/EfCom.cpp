// EF.COM (ICAO 9303-10 §4.6.1.1), which names the data groups the reader goes on to read.
#include "lds/EfCom.h"

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

int fuzzEfCom(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] { (void)lds::EfCom::parse(bytes); });
}

} // namespace cccd::fuzz

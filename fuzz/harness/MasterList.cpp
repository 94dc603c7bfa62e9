// An ICAO CSCA master list (ICAO 9303-12 §9), as `--trust list.ml` loads it: parsed, its
// signature and signer chain checked, its certificates added to a store.
#include "verify/MasterList.h"

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "verify/TrustStore.h"

namespace cccd::fuzz {

int fuzzMasterList(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        verify::TrustStore store = defaultTrustStore();
        (void)store.addMasterList(bytes);
    });
}

} // namespace cccd::fuzz

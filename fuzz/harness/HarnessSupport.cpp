#include "HarnessSupport.h"

namespace cccd::fuzz {

const verify::TrustStore& defaultTrustStore() {
    static const verify::TrustStore store = verify::TrustStore::withDefaultAnchor();
    return store;
}

} // namespace cccd::fuzz

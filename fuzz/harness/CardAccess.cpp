// EF.CardAccess (ICAO 9303-11 §9.2): the SecurityInfos read in plain before PACE.
#include "lds/CardAccess.h"

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

int fuzzCardAccess(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::CardAccess cardAccess = lds::CardAccess::parse(bytes);
        for (const lds::PaceInfo& info : cardAccess.securityInfos.paceInfos) {
            if (info.parameterId) {
                (void)lds::standardizedDomainParameterName(*info.parameterId);
            }
        }
    });
}

} // namespace cccd::fuzz

// EF.CardSecurity (BSI TR-03110-3 §A.1.2): the CMS SignedData, the SecurityInfos it signs (as
// PACE-CAM's chip-key check reads them) and its Passive Authentication.
#include "HarnessSupport.h"
#include "Harnesses.h"
#include "lds/SecurityInfos.h"
#include "lds/Sod.h"
#include "verify/PassiveAuthentication.h"

namespace cccd::fuzz {

int fuzzCardSecurity(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    expectError([bytes] {
        lds::CardSecurity cardSecurity = lds::CardSecurity::parse(bytes);
        (void)lds::SecurityInfos::parse(cardSecurity.securityInfos());
    });
    // Never throws for bad card data: the outcome is a status in the report.
    return expectError(
        [bytes] { (void)verify::verifyCardSecurity(bytes, defaultTrustStore(), std::nullopt); });
}

} // namespace cccd::fuzz

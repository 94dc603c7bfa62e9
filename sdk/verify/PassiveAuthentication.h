#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "crypto/Asn1Time.h"
#include "verify/CheckStatus.h"
#include "verify/DocumentSignerCheck.h"
#include "verify/TrustStore.h"

namespace cccd::verify {

struct DgHashResult {
    int dataGroup = 0;
    DgHashStatus status = DgHashStatus::NotInSod;
};

/// Passive Authentication (ICAO 9303-11 §5.1): a result per check, never one boolean.
struct PassiveAuthenticationReport {
    ParseStatus sodParse = ParseStatus::Malformed;
    std::string sodParseError;            ///< the parser's context when sodParse is not Ok
    std::vector<DgHashResult> dataGroups; ///< one per data group read, ascending
    std::vector<int> notRead;             ///< DGs hashed in the SOD that were not read (no failure)
    DocumentSignerReport signer;
    Verdict verdict = Verdict::Invalid;
};

/// Runs Passive Authentication over EF.SOD and the raw data groups read (DG number -> the whole
/// file as read, tag included). Never throws for bad card data: it becomes a status.
[[nodiscard]] PassiveAuthenticationReport
passiveAuthentication(ByteView efSod, const std::map<int, Bytes>& dataGroups,
                      const TrustStore& trustStore, std::optional<crypto::Time> now = std::nullopt);

/// The signature checks of EF.CardSecurity (ICAO 9303-11 §9.2.1), same rules as EF.SOD.
struct CardSecurityReport {
    ParseStatus parse = ParseStatus::Malformed;
    std::string parseError;
    DocumentSignerReport signer;
    Verdict verdict = Verdict::Invalid;
};

[[nodiscard]] CardSecurityReport verifyCardSecurity(ByteView efCardSecurity,
                                                    const TrustStore& trustStore,
                                                    std::optional<crypto::Time> now = std::nullopt);

} // namespace cccd::verify

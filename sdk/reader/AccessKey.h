#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/SecureBytes.h"
#include "mrz/MrzKey.h"
#include "qr/QrPayload.h"

namespace cccd::reader {

/// What the caller knows that can open a chip: the MRZ key (BAC, or PACE with the MRZ
/// password), the card access number (PACE only), or both.
struct AccessKey {
    std::optional<mrz::MrzKey> mrz;
    SecureBytes can; ///< ASCII digits; empty when unknown
    /// MRZ keys that may open the chip with BAC when `mrz` is not known for sure: the QR's
    /// expiry candidates, most likely first (cccd.md §2.6). BAC tries `mrz`, then these, at
    /// most qr::MaxBacAttemptsPerTap keys in all, each on a fresh SELECT of the application.
    std::vector<mrz::MrzKey> bacCandidates;

    [[nodiscard]] static AccessKey fromMrz(mrz::MrzKey key);

    /// The CAN as printed or derived (on the Vietnamese card: the last 6 digits of the 12-digit
    /// ID number, cccd.md §1.3). Throws Error(InvalidArgument) unless it is 6 to 10 digits
    /// (ICAO 9303-11 §9.7.3 leaves the length to the issuer; eMRTDs print 6).
    [[nodiscard]] static AccessKey fromCan(std::string_view digits);

    /// The Vietnamese card's CAN from its 12-digit personal ID number: the last 6 digits
    /// (cccd.md §1.3). Throws Error(InvalidArgument) unless idNumber is 12 digits.
    [[nodiscard]] static AccessKey fromIdNumber(std::string_view idNumber);

    /// What the card's QR gives (cccd.md §2.4): the CAN for PACE and the BAC candidates the
    /// expiry rule allows.
    [[nodiscard]] static AccessKey fromQr(const qr::QrPayload& payload);

    [[nodiscard]] bool hasCan() const { return !can.empty(); }

    /// An MRZ key to try with BAC: `mrz` or a candidate.
    [[nodiscard]] bool hasMrz() const { return mrz || !bacCandidates.empty(); }
};

/// Which protocols may open the chip, in the caller's words.
enum class AccessPolicy {
    /// PACE when EF.CardAccess offers it (CAN if given, else the MRZ key); BAC only when the
    /// card offers no PACE. A PACE failure is the result: no silent retry with BAC.
    Auto,
    PaceOnly,    ///< PACE or nothing
    BacOnly,     ///< BAC with the MRZ key, EF.CardAccess not even read
    PaceThenBac, ///< Auto, and when PACE fails BAC with the MRZ key; the fallback is reported
};

} // namespace cccd::reader

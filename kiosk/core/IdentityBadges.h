#pragma once

#include <optional>
#include <string_view>

#include "kiosk/core/Failure.h"
#include "qr/QrPayload.h"
#include "reader/Document.h"

namespace cccd::kiosk {

/// The verdicts shown beside a verified identity, one glance each. No personal data.
struct IdentityBadges {
    /// Passive Authentication passed up to a CSCA of the trust store (ICAO 9303-11 §5.1).
    bool signedByIssuer = false;
    /// The signature verified but its CSCA is not in the trust store.
    bool issuerUnknown = false;
    /// Chip Authentication, Active Authentication or PACE-CAM (ICAO 9303-11 §6, §4.4.3.5).
    reader::ChipVerdict chip = reader::ChipVerdict::NotChecked;
    /// DG13's date of expiry is today or later, or the card has no expiry.
    bool cardValid = false;
    /// The printed QR against the chip; nullopt when no QR was scanned.
    std::optional<bool> qrMatchesChip;
};

/// The badges of a read document, judged on `today` (ISO 8601 date, local to the counter).
[[nodiscard]] IdentityBadges assessIdentity(const reader::Document& document,
                                            const qr::QrPayload* qr, std::string_view today);

/// Why the identity must not be accepted, the most serious reason first; nullopt when it can.
[[nodiscard]] std::optional<FailureReason> rejection(const reader::Document& document,
                                                     const IdentityBadges& badges);

} // namespace cccd::kiosk

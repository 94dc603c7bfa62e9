#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/SecureBytes.h"
#include "mrz/MrzKey.h"
#include "qr/ExpiryRule.h"
#include "qr/QrPayload.h"

namespace cccd::qr {

/// BAC attempts per tap of the card: the chip's throttling is unknown (cccd.md §2.6).
inline constexpr std::size_t MaxBacAttemptsPerTap = 3;

/// A BAC key the QR makes likely, and the reading of the expiry rule behind it.
struct BacCandidate {
    mrz::MrzKey key;
    std::string basis; ///< ExpiryCandidate::basis
};

/// The access keys the QR gives (cccd.md §2.4): the CAN for PACE, and for a card that offers
/// only BAC the MRZ keys the expiry rule allows, most likely first. Never log them.
struct QrAccessKeys {
    SecureBytes can;                         ///< the ID's last 6 digits (cccd.md §1.3)
    std::vector<BacCandidate> bacCandidates; ///< every distinct one; try MaxBacAttemptsPerTap
};

/// The document number of the MRZ: digits 4-12 of the personal ID (cccd.md §2.2).
[[nodiscard]] std::string documentNumberOf(const std::string& personalIdNumber);

[[nodiscard]] QrAccessKeys accessKeysFrom(const QrPayload& payload);

} // namespace cccd::qr

#pragma once

#include <optional>
#include <string_view>

#include "base/Error.h"
#include "kiosk/core/LocalizedText.h"

namespace cccd::kiosk {

/// Why a session could not give a verified identity. Each has a cause and a remedy to show.
enum class FailureReason {
    WrongKey,              ///< BAC/PACE refused the key (mistyped ID, another card's QR)
    UnknownCsca,           ///< the data is signed, but by a CSCA the trust store does not hold
    NotVerified,           ///< a signature or hash check failed: the data was changed
    NotGenuine,            ///< Chip or Active Authentication failed: possible clone
    Expired,               ///< DG13's date of expiry is before today
    QrMismatch,            ///< the printed QR and the chip disagree
    CardRemovedDuringRead, ///< the card left mid-read (the workflow resumes when it is back)
    ReaderUnplugged,
    Timeout,   ///< the read took longer than the configured read timeout
    ReadError, ///< any other card or link failure
};

/// Stable identifier, as the audit log's outcome: "access_denied", "unknown_csca", ...
[[nodiscard]] std::string_view failureName(FailureReason reason);

/// What happened, for the clerk (Vietnamese first).
[[nodiscard]] LocalizedText failureCause(FailureReason reason);

/// What to do about it.
[[nodiscard]] LocalizedText failureRemedy(FailureReason reason);

/// The failure a read error stands for; nullopt for Cancelled (the kiosk asked for it).
[[nodiscard]] std::optional<FailureReason> failureOf(ErrorCode code);

} // namespace cccd::kiosk

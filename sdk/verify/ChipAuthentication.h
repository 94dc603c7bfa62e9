#pragma once

#include "crypto/Random.h"
#include "lds/SecurityInfos.h"
#include "sm/SecureMessagingChannel.h"
#include "verify/ChipAuthenticationChoice.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::verify {

/// The harmless command that proves the chip derived the same keys: SELECT of DG14 (FID 010E,
/// P2 0C, no answer data). DG14 exists on any chip that offers Chip Authentication, and only
/// the file selection changes.
inline constexpr std::uint16_t ChipAuthenticationCheckFile = 0x010E;

/// Runs Chip Authentication as the terminal (ICAO 9303-11 §6.2) on a secure messaging session
/// opened by BAC or PACE, with the offer chooseChipAuthentication finds in DG14:
///  1. an ephemeral key pair on the domain parameters of the chip's key, drawn from random;
///  2. MSE:Set KAT (DO 91, DO 84) or MSE:Set AT (DO 80, DO 84) then GENERAL AUTHENTICATE
///     (7C { 80 PK_IFD }), protected with the old keys;
///  3. new keys from K with the chip's cipher and key length, the counter at 0, restarted on
///     the channel in place;
///  4. SELECT DG14 under the new keys: Passed only for a 9000 whose MAC verified.
/// When the chip refuses step 2 the channel keeps the old keys (BSI TR-03105-3.2 §3.2.1). After
/// a failure at step 4 (or an invalid version 2 token) the channel has ended; a new session
/// needs BAC or PACE again. Transport errors and a removed card throw.
[[nodiscard]] ChipAuthenticationResult
performChipAuthentication(sm::SecureMessagingChannel& channel, const lds::SecurityInfos& dg14,
                          const crypto::RandomSource& random);

} // namespace cccd::verify

#pragma once

#include "reader/CardReader.h"
#include "sm/SecureMessagingChannel.h"

namespace cccd::reader {

/// Proves the chip is the one the issuer made, not a copy of its files (ICAO 9303-11 §6):
/// Chip Authentication when DG14 offers a key and PACE-CAM did not prove the chip already, else
/// Active Authentication when DG15 was read. With the caller's challenge, Active Authentication
/// runs after a passed Chip Authentication or PACE-CAM too. Runs after the files are read, on the
/// session that read them, and stores the outcome in the readout. A failed check is a result; only
/// a lost card or link throws.
void authenticateChip(sm::SecureMessagingChannel& channel, CardReadout& readout,
                      const ReadOptions& options);

} // namespace cccd::reader

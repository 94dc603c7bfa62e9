#pragma once

#include "base/Bytes.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// Reads EF.CardAccess (ICAO 9303-10 §3.11.3: FID 011C under the MF, readable in plain before
/// access control). It is selected by its file ID first, which works right after power-up
/// without SELECT MF (refused with 6D00 by the Vietnamese card); only when that fails is the MF
/// selected (with an empty data field, else by 3F00) and the file tried again. Returns empty bytes
/// when the card has no such file (a BAC-only card); throws Error(MalformedData) for a file that is
/// there but cannot be read as its header announces, and the errors of a lost card, a cancelled
/// read or the transport.
[[nodiscard]] Bytes readCardAccess(transport::CardChannel& channel, const CancelFlag* cancel);

} // namespace cccd::reader

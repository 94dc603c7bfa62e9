#pragma once

#include "reader/CardReader.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// Selects the eMRTD application (ICAO 9303-10 §2.2, AID A0 00 00 02 47 10 01) without
/// selecting the MF first (the Vietnamese card answers 6D00 to SELECT MF), and learns whether
/// extended-length APDUs pass. Throws Error(CardStatus) when the card has no such application.
[[nodiscard]] bool selectApplication(transport::CardChannel& channel, ExtendedLengthMode mode);

/// SELECT of the eMRTD application in short form: selectApplication's fallback, and the way to
/// start over after a failed protocol run (cccd.md §2.6: a fresh session between attempts).
void reselectApplication(transport::CardChannel& channel);

} // namespace cccd::reader

#pragma once

#include "base/Bytes.h"
#include "reader/FileReader.h"
#include "reader/ReadState.h"
#include "sm/SecureMessagingChannel.h"

namespace cccd::reader {

/// What reading EF.CardSecurity found and left behind.
struct CardSecurityRead {
    enum class Outcome {
        Read,
        NotFound,    ///< the MF (or the path from it) was reached and the card has no such file
        Unreachable, ///< neither way to the MF worked, or the file was refused or broke off
    };

    Outcome outcome = Outcome::Unreachable;
    Bytes file; ///< the file as read; empty unless outcome is Read
    /// The eMRTD application is selected again and the session alive: commands such as Chip or
    /// Active Authentication may follow.
    bool applicationSelected = true;
};

/// Reads EF.CardSecurity (BSI TR-03110-3 §A.1.2, ICAO 9303-10 §3.11: FID 011D under the MF)
/// under the secure messaging of PACE, from inside the eMRTD application, where 011D names
/// EF.SOD. The MF's file is reached by SELECT MF then SELECT 011D, or, on a card that refuses
/// SELECT MF (the Vietnamese card answers 6D00), by SELECT with the path from the MF (ISO/IEC
/// 7816-4 §7.1.1, P1 08); then the eMRTD application is selected again. files must read over
/// channel. Only a lost card or reader, or a cancelled read, throws.
/// The read goes through state (ReadState.h): a file an earlier session of the read finished is
/// taken from it without the detour, one it began is continued, and the file is recorded as
/// soon as it is in, so that losing the card while the application is selected again costs no
/// second read.
[[nodiscard]] CardSecurityRead readCardSecurity(sm::SecureMessagingChannel& channel,
                                                FileReader& files, ReadState& state);

} // namespace cccd::reader

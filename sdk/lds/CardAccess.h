#pragma once

#include "base/Bytes.h"
#include "lds/SecurityInfos.h"

namespace cccd::lds {

/// EF.CardAccess (ICAO 9303-10 §3.11.3, 9303-11 §9.2): a bare SecurityInfos SET, read before
/// access control. The CCCD's holds TA, CA and one PACE-GM PACEInfo (cccd.md §1.4).
struct CardAccess {
    Bytes raw; ///< the file as read
    SecurityInfos securityInfos;

    /// Throws Error(MalformedData) when the SET is broken.
    [[nodiscard]] static CardAccess parse(ByteView file);
};

} // namespace cccd::lds

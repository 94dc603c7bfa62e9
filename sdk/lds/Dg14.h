#pragma once

#include "base/Bytes.h"
#include "lds/SecurityInfos.h"

namespace cccd::lds {

/// DG14 (ICAO 9303-10 §4.7.14, 9303-11 §9.2): SecurityInfos for Chip Authentication and PACE
/// inside template 6E. The CCCD's holds TA, CA, PACE and a CA public key with explicit
/// brainpoolP256r1 parameters (cccd.md §1.5).
struct Dg14 {
    Bytes raw; ///< the file as read
    SecurityInfos securityInfos;

    /// Throws Error(MalformedData) when the 6E template or its SET is broken or empty.
    [[nodiscard]] static Dg14 parse(ByteView file);
};

} // namespace cccd::lds

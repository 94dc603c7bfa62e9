#pragma once

#include "base/Bytes.h"
#include "mrz/Mrz.h"

namespace cccd::lds {

/// DG1 (ICAO 9303-10 §4.7.1): the MRZ, as the data element 5F1F inside template 61.
struct Dg1 {
    Bytes raw;    ///< the file as read
    mrz::Mrz mrz; ///< parsed; check digit failures are reported inside, not thrown

    /// Throws Error(MalformedData) on a broken TLV or an MRZ of the wrong length or charset.
    [[nodiscard]] static Dg1 parse(ByteView file);
};

} // namespace cccd::lds

#pragma once

#include "base/Bytes.h"
#include "lds/SubjectPublicKeyInfo.h"

namespace cccd::lds {

/// DG15 (ICAO 9303-10 §4.7.15, 9303-11 §6.1): the Active Authentication public key as a
/// SubjectPublicKeyInfo inside template 6F. RSA-2048, e = 65537 on the CCCD (cccd.md §1.5).
struct Dg15 {
    Bytes raw; ///< the file as read
    SubjectPublicKeyInfo publicKey;

    /// Throws Error(MalformedData) when the template or the key structure is broken.
    [[nodiscard]] static Dg15 parse(ByteView file);
};

} // namespace cccd::lds

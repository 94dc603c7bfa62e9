#pragma once

#include <string>

#include "access/PacePassword.h"
#include "base/Bytes.h"
#include "base/SecureBytes.h"

namespace cccd::test {

/// The invented holder of cccd.md: the three MRZ lines of §2.1 and the CAN of §1.3.
struct CccdHolder {
    std::string mrz; ///< 90 characters, without line breaks
    std::string can;

    [[nodiscard]] static CccdHolder fromSpec();

    /// What a terminal types: the CAN, or the MRZ information our MRZ parser takes from the MRZ.
    [[nodiscard]] SecureBytes password(access::PacePasswordType type) const;

    /// A password of the same type that is not the holder's: the CAN with its last digit moved
    /// on, or the MRZ key with its two dates swapped.
    [[nodiscard]] SecureBytes wrongPassword(access::PacePasswordType type) const;
};

/// EF.COM of the BSI TR-03105-5 reference data set: the file the chip serves under secure
/// messaging.
[[nodiscard]] Bytes referenceEfCom();

} // namespace cccd::test

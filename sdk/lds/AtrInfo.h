#pragma once

#include <cstddef>
#include <cstdint>

#include "base/Bytes.h"

namespace cccd::lds {

/// The extended length information DO 7F66 (ISO/IEC 7816-4 §12.7.1): the largest command and
/// response APDUs the chip takes, in bytes.
struct ExtendedLengthInfo {
    std::size_t maxCommandApdu = 0;
    std::size_t maxResponseApdu = 0;
};

/// EF.ATR/INFO (ICAO 9303-10 §3.11.1, FID 2F01 under the MF): the chip's answer-to-reset
/// information as BER-TLV data objects. An eMRTD chip has the file to announce extended length
/// (BSI TR-03105-5.1 LDS_K), so the file must hold 7F66.
struct AtrInfo {
    ExtendedLengthInfo extendedLength;

    /// Throws Error(MalformedData) when the file is not a sequence of data objects, has no
    /// 7F66, or its 7F66 lacks one of the two INTEGERs or holds a zero.
    [[nodiscard]] static AtrInfo parse(ByteView file);
};

} // namespace cccd::lds

#pragma once

#include <string>
#include <vector>

#include "base/Bytes.h"
#include "lds/FaceImage.h"

namespace cccd::lds {

/// DG2, the encoded face (ICAO 9303-10 §4.7.2): a Biometric Information Group Template 7F61
/// holding a count (02) and one Biometric Information Template 7F60 per record, each with a
/// header template A1 and a biometric data block 5F2E (or 7F2E). Nothing is found by offset:
/// the portrait is where the lengths say (field case: it is not always at byte 84).
struct Dg2 {
    Bytes raw;                    ///< the file as read
    std::vector<FaceImage> faces; ///< every face of every ISO/IEC 19794-5:2005 record
    /// Data blocks in another format (e.g. ISO/IEC 39794-5), kept as they are.
    std::vector<Bytes> otherBlocks;
    /// Where the file departs from ICAO 9303-10 §4.7.2 and ISO/IEC 19794-5:2005 in a way that
    /// leaves it readable: no instance count, a Biometric Header Template that does not name a
    /// 19794-5 face image, no data block, a record that is not "FAC" version "010", lengths
    /// that do not add up, values outside their ranges. English, without personal data; empty
    /// for a conforming DG2.
    std::vector<std::string> problems;

    /// Throws Error(MalformedData) on broken TLV or a 19794-5 record whose lengths do not fit.
    [[nodiscard]] static Dg2 parse(ByteView file);
};

} // namespace cccd::lds

#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/Bytes.h"

namespace cccd::lds {

/// EF.COM (ICAO 9303-10 §4.6.1.1): LDS and Unicode versions and the tags of the data groups
/// present. The Vietnamese card lists 6F before 6E (cccd.md §3.1): the order is kept.
struct EfCom {
    Bytes raw;                      ///< the file as read
    std::string ldsVersionRaw;      ///< 5F01, four digits "aabb", e.g. "0107"
    std::string ldsVersion;         ///< "1.7"
    std::string unicodeVersionRaw;  ///< 5F36, six digits "aabbcc", e.g. "040000"
    std::string unicodeVersion;     ///< "4.0.0"
    std::vector<std::uint8_t> tags; ///< 5C, as listed
    std::vector<int> dataGroups;    ///< DG numbers of the listed tags, same order; unknown skipped

    /// Throws Error(MalformedData) when the file is not a 60 template with a 5C tag list.
    [[nodiscard]] static EfCom parse(ByteView file);
};

} // namespace cccd::lds

#pragma once

// MRZ texts the mrz tests start from, read from shared/spec at test time.

#include <string>

#include <gtest/gtest.h>

#include "sdk/mrz/CccdSpec.h"
#include "support/TestData.h"

namespace cccd::test {

/// The invented holder's MRZ of cccd.md §2.1: its three lines joined.
inline std::string cccdMrz() {
    auto section = spec::section(spec::markdown("cccd.md"), "### 2.1 Layout");
    auto lines = spec::lines(spec::codeBlocks(section).at(0));
    EXPECT_EQ(lines.size(), 3u);
    return lines.at(0) + lines.at(1) + lines.at(2);
}

/// The MRZ text inside a DG1 sample: the value of 5F1F (short-form length in every sample).
inline std::string mrzOfDg1(const std::string& sample) {
    Bytes dg1 = readFile(specDir() / "samples" / sample);
    for (std::size_t i = 0; i + 2 < dg1.size(); ++i) {
        if (dg1[i] == 0x5F && dg1[i + 1] == 0x1F) {
            auto start = dg1.begin() + static_cast<long>(i) + 3;
            return std::string(start, start + dg1[i + 2]);
        }
    }
    ADD_FAILURE() << "no 5F1F in " << sample;
    return {};
}

} // namespace cccd::test

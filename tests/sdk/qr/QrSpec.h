#pragma once

// The QR examples of cccd.md §4 and field-cases.md, read at test time, never retyped.

#include <string>

#include "sdk/mrz/CccdSpec.h"

namespace cccd::qrtest {

/// The backtick-quoted text after "Invented example:" in a section of cccd.md.
inline std::string inventedExample(const std::string& heading) {
    std::string text = test::spec::section(test::spec::markdown("cccd.md"), heading);
    std::size_t at = text.find("Invented example:");
    std::size_t open = text.find('`', at);
    std::size_t close = text.find('`', open + 1);
    return text.substr(open + 1, close - open - 1);
}

inline std::string example2021() {
    return inventedExample("### 4.1 2021 CCCD");
}

inline std::string example2024() {
    return inventedExample("### 4.2 2024 Căn cước");
}

/// The code block of a field case (field-cases.md), by its heading's prefix, e.g. "### BL-08".
inline std::string fieldCaseBlock(const std::string& heading) {
    std::string text = test::spec::section(test::spec::markdown("field-cases.md"), heading);
    return test::spec::codeBlocks(text).at(0);
}

} // namespace cccd::qrtest

#pragma once

// The inputs and expected values of ../shared/spec/field-cases.md, read at test time from the
// case's code blocks and text, never retyped.

#include <cctype>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "sdk/mrz/CccdSpec.h"

namespace cccd::fieldcase {

/// The section of one case, e.g. "BL-01", up to the next heading.
inline std::string section(const std::string& id) {
    return test::spec::section(test::spec::markdown("field-cases.md"), "### " + id + ":");
}

/// The case's fenced code blocks, in order.
inline std::vector<std::string> blocks(const std::string& id) {
    return test::spec::codeBlocks(section(id));
}

/// The first line of `text` that contains `marker`.
inline std::string lineWith(const std::string& text, std::string_view marker) {
    for (const std::string& line : test::spec::lines(text)) {
        if (line.find(marker) != std::string::npos) {
            return line;
        }
    }
    throw std::runtime_error("field case line not found: " + std::string(marker));
}

inline bool isHexByte(const std::string& token) {
    return token.size() == 2 && std::isxdigit(static_cast<unsigned char>(token[0])) != 0 &&
           std::isxdigit(static_cast<unsigned char>(token[1])) != 0;
}

/// The bytes of an annotated line: from its first two-digit hex token to the first token that
/// is none; `<N bytes>` stands for N filler bytes, "--" starts a comment.
inline Bytes hexOf(std::string_view line) {
    std::istringstream in{std::string(line.substr(0, line.find("--")))};
    Bytes out;
    bool started = false;
    std::string token;
    while (in >> token) {
        if (isHexByte(token)) {
            out.push_back(static_cast<std::uint8_t>(std::stoul(token, nullptr, 16)));
            started = true;
            continue;
        }
        std::string unit;
        if (token.size() > 1 && token[0] == '<' && std::isdigit(token[1]) != 0 && in >> unit &&
            unit.rfind("bytes>", 0) == 0) {
            out.insert(out.end(), std::stoul(token.substr(1)), 0x5A);
            started = true;
            continue;
        }
        if (started) {
            break;
        }
    }
    return out;
}

/// Every first capture group of `pattern` in `text`, in order.
inline std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        out.push_back((*it)[1].str());
    }
    return out;
}

/// The first capture group of `pattern` in `text`; throws when there is none.
inline std::string match(const std::string& text, const std::string& pattern) {
    std::vector<std::string> all = matches(text, pattern);
    if (all.empty()) {
        throw std::runtime_error("field case text not found: " + pattern);
    }
    return all.front();
}

/// A status word written as `6A82` or `6C 0E`.
inline std::uint16_t statusWord(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (c != ' ') {
            digits += c;
        }
    }
    return static_cast<std::uint16_t>(std::stoul(digits, nullptr, 16));
}

} // namespace cccd::fieldcase

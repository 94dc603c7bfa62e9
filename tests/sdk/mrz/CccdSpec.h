#pragma once

// Reads test inputs out of the markdown of shared/spec (cccd.md, field-cases.md) at test time,
// so that no value is retyped from the specification. Header-only: shared by the mrz and lds
// tests.

#include <stdexcept>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "support/TestData.h"

namespace cccd::test::spec {

inline std::string markdown(const std::string& fileName) {
    Bytes bytes = readFile(specDir() / fileName);
    return std::string(bytes.begin(), bytes.end());
}

/// The text from the line that starts with `heading` up to the next heading of any level.
inline std::string section(const std::string& text, const std::string& heading) {
    std::size_t start = text.find("\n" + heading);
    if (start == std::string::npos) {
        throw std::runtime_error("spec section not found: " + heading);
    }
    start += 1;
    std::size_t end = text.find("\n#", start + heading.size());
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// The contents of every fenced code block of a section, in order.
inline std::vector<std::string> codeBlocks(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        std::size_t open = text.find("```", pos);
        if (open == std::string::npos) {
            return out;
        }
        std::size_t bodyStart = text.find('\n', open) + 1;
        std::size_t close = text.find("```", bodyStart);
        if (close == std::string::npos) {
            throw std::runtime_error("unterminated code block");
        }
        out.push_back(text.substr(bodyStart, close - bodyStart));
        pos = close + 3;
    }
}

/// The lines of a block, without trailing blanks, skipping empty lines.
inline std::vector<std::string> lines(const std::string& block) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < block.size()) {
        std::size_t end = block.find('\n', pos);
        std::string line =
            block.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
            line.pop_back();
        }
        if (!line.empty()) {
            out.push_back(line);
        }
        if (end == std::string::npos) {
            break;
        }
        pos = end + 1;
    }
    return out;
}

/// Hex from an annotated dump: everything after "--" on a line is a comment.
inline Bytes annotatedHex(const std::string& block) {
    std::string hex;
    for (const std::string& line : lines(block)) {
        hex += line.substr(0, line.find("--"));
    }
    return fromHex(hex);
}

/// The backtick-quoted items of the first table row whose first cell starts with `label`.
inline std::vector<std::string> tableRowCode(const std::string& text, const std::string& label) {
    std::size_t row = text.find("\n| " + label);
    if (row == std::string::npos) {
        throw std::runtime_error("table row not found: " + label);
    }
    std::size_t end = text.find('\n', row + 1);
    std::string line = text.substr(row + 1, end - row - 1);
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        std::size_t open = line.find('`', pos);
        if (open == std::string::npos) {
            return out;
        }
        std::size_t close = line.find('`', open + 1);
        out.push_back(line.substr(open + 1, close - open - 1));
        pos = close + 1;
    }
}

} // namespace cccd::test::spec
